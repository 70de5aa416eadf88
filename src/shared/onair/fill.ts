/**
 * Filling many days at once: a session template (mẫu buổi phát — an ordered list of slots:
 * jingle, relay, "the newest bulletin", notice, outro) laid into sessions over a range of days,
 * and a day or a week copied to other days. Pure: it turns what is there into the day writes to
 * make and the conflicts to show first (days that already hold the station's own items).
 * Province items and repeating rules are never copied or replaced: the province's schedule is
 * the province's, and a rule already plays on every day it names.
 */
import { z } from 'zod'
import { placementContentSchema, type ScheduleEntryRecord } from './placement'
import { addDays, weekdayOf, weekdays, type LocalDate } from './station-time'

export const fillTemplateSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(100),
  slots: z.array(placementContentSchema).min(1).max(30),
})
export type FillTemplate = z.infer<typeof fillTemplateSchema>

/** Replace what the station placed there, or add after it. */
export type FillMode = 'replace' | 'append'

export interface DayWrite {
  date: LocalDate
  sessionId: string
  entries: ScheduleEntryRecord[]
}

/** The station's own one-off entries already on a (date, session). */
export type Existing = (date: LocalDate, sessionId: string) => readonly ScheduleEntryRecord[]

export interface FillConflict {
  date: LocalDate
  sessionId: string
  /** how many of the station's own items are there now */
  count: number
}

/** The days from `date` to the Sunday of its week (Monday-first weeks, as the calendar shows them). */
export function restOfWeek(date: LocalDate): LocalDate[] {
  const index = weekdays.indexOf(weekdayOf(date))
  return Array.from({ length: 6 - index }, (_, i) => addDays(date, i + 1))
}

/** Monday to Sunday of the week that holds `date`. */
export function weekOf(date: LocalDate): LocalDate[] {
  const monday = addDays(date, -weekdays.indexOf(weekdayOf(date)))
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i))
}

/** Targets that already hold the station's own items: what the officer confirms before a fill. */
export function conflictsOf(
  targets: readonly { date: LocalDate; sessionId: string }[],
  existing: Existing,
): FillConflict[] {
  return targets.flatMap(({ date, sessionId }) => {
    const count = existing(date, sessionId).length
    return count > 0 ? [{ date, sessionId, count }] : []
  })
}

function merged(
  date: LocalDate,
  sessionId: string,
  added: readonly ScheduleEntryRecord[],
  existing: Existing,
  mode: FillMode,
): DayWrite {
  const kept = mode === 'append' ? existing(date, sessionId) : []
  const after = kept.reduce((max, e) => Math.max(max, e.order + 1), 0)
  return { date, sessionId, entries: [...kept, ...added.map((e, i) => ({ ...e, order: after + i }))] }
}

/** A template laid into each (date, session): one write per target, each slot a new entry. */
export function templateWrites(
  template: FillTemplate,
  targets: readonly { date: LocalDate; sessionId: string }[],
  existing: Existing,
  mode: FillMode,
  makeId: () => string,
): DayWrite[] {
  return targets.map(({ date, sessionId }) => {
    const slots = template.slots.map((content, order) => ({ id: makeId(), content, priority: null, order }))
    return merged(date, sessionId, slots, existing, mode)
  })
}

/**
 * The station's own entries of every session on each `from` day copied to its `to` day (new ids:
 * an entry id is the schedule item's id at the province). A session with nothing on the `from`
 * day is left as it is on the `to` day.
 */
export function copyWrites(
  pairs: readonly { from: LocalDate; to: LocalDate }[],
  sessionIds: readonly string[],
  existing: Existing,
  mode: FillMode,
  makeId: () => string,
): DayWrite[] {
  return pairs.flatMap(({ from, to }) =>
    sessionIds.flatMap((sessionId) => {
      const source = [...existing(from, sessionId)].sort((a, b) => a.order - b.order)
      if (source.length === 0 || from === to) return []
      const copies = source.map((e) => ({ ...e, id: makeId() }))
      return [merged(to, sessionId, copies, existing, mode)]
    }),
  )
}
