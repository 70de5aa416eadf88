/**
 * A policy violation (or a group of the same one, violation-groups.ts) as the officer reads it:
 * an i18n key under `schedule.violation` and its values. Several titles are listed in one line.
 */
import type { TFunction } from 'i18next'
import type { SessionTemplate } from '../../../shared/onair/session'
import type { ViolationGroup } from './violation-groups'

const minutes = (ms: number): number => Math.ceil(ms / 60_000)

export function violationText(
  t: TFunction,
  group: ViolationGroup,
  sessions: readonly SessionTemplate[],
  provinceLabel: (key: string) => string = (key) => key,
): string {
  const v = group.violation
  const label = (id: string): string => sessions.find((s) => s.id === id)?.label ?? id
  const title = group.titles.length > 0 ? group.titles.join('”, “') : 'title' in v ? v.title : ''
  const date = v.date.split('-').reverse().join('/')
  switch (v.kind) {
    case 'over-length':
      return t(`schedule.violation.overLength.${v.limit}`, {
        date,
        session: label(v.sessionId),
        planned: minutes(v.plannedMs),
        limit: minutes(v.limitMs),
      })
    case 'too-many-sessions':
      return t('schedule.violation.tooManySessions', { date, count: v.count, limit: v.limit })
    case 'disallowed-day':
      return t('schedule.violation.disallowedDay', {
        date,
        session: label(v.sessionId),
        day: t(`schedule.weekday.${v.weekday}`),
      })
    case 'overlap':
      return t('schedule.violation.overlap', {
        date,
        session: label(v.sessionId),
        other: label(v.otherSessionId),
        minutes: minutes(v.overlapMs),
      })
    case 'unknown-session':
      return v.origin === 'province'
        ? t('schedule.violation.unknownProvinceSession', {
            date,
            session: provinceLabel(v.sessionId),
            count: group.count,
          })
        : t('schedule.violation.unknownSession', { date, session: v.sessionId, count: group.count })
    case 'outside-validity':
      return t('schedule.violation.outsideValidity', { date, session: label(v.sessionId), title })
    case 'missing-media':
      return t(`schedule.violation.missingMedia.${v.reason}`, { date, session: label(v.sessionId), title })
  }
}
