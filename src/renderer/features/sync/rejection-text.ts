/**
 * A refused change in words (pure; the drawer and the tests use it): what it is about, why the
 * province refused it (translated; its technical message is not shown), and what fixes it.
 */
import type { RejectionRow } from '../../db/records'
import { fixFor } from '../../sync/app/rejection-fix'
import type { RejectionSubject } from '../../sync/app/rejection-subject'
import { reasonKey } from './sync-format'

type T = (key: string, values?: Record<string, unknown>) => string

export const dmy = (date: string): string => date.split('-').reverse().join('/')
const quoted = (titles: readonly string[]): string => titles.map((t) => `“${t}”`).join(', ')

/** The province's reason for cancelling a schedule, from the record it sent back. */
function cancelledReason(record: unknown): string | null {
  if (typeof record !== 'object' || record === null || !('cancelledReason' in record)) return null
  return typeof record.cancelledReason === 'string' ? record.cancelledReason : null
}

export function reasonText(t: T, row: Pick<RejectionRow, 'reason' | 'record'>): string {
  const said = cancelledReason(row.record)
  const reason = t(`sync.rejections.reasons.${reasonKey(row.reason)}`)
  return said ? `${reason} ${t('sync.rejections.provinceSaid', { reason: said })}` : reason
}

export function fixText(t: T, row: Pick<RejectionRow, 'entity' | 'reason'>, subject: RejectionSubject): string {
  const values = subject.kind === 'schedule' ? { session: subject.sessionLabel, date: dmy(subject.date) } : {}
  return t(`sync.rejections.fix.${fixFor(row.entity, row.reason).kind}`, values)
}

export function subjectText(t: T, s: RejectionSubject): string {
  switch (s.kind) {
    case 'schedule':
      return t('sync.rejections.subject.schedule', {
        session: s.sessionLabel,
        date: dmy(s.date),
        titles: s.titles.length > 0 ? quoted(s.titles) : t('sync.rejections.subject.noItems'),
      })
    case 'announcement':
      return t('sync.rejections.subject.announcement', { title: s.title })
    case 'playLog':
      return t('sync.rejections.subject.playLog', { title: s.title })
    case 'cluster':
      return t('sync.rejections.subject.cluster', { code: s.code, name: s.name })
    case 'deviceEvent':
      return t('sync.rejections.subject.deviceEvent', { code: s.code })
    case 'station':
      return t('sync.rejections.subject.station')
    case 'other':
      return t('sync.rejections.subject.other')
  }
}
