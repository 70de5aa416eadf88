/**
 * The officer's simple repeat choices and the RRULE they stand for (rrule.ts):
 *   một lần (once)                 → a one-off on a date
 *   hằng ngày (daily), every N days → FREQ=DAILY;INTERVAL=N
 *   các ngày trong tuần (weekdays)  → FREQ=WEEKLY;BYDAY=MO,WE,…
 *   hằng tuần (weekly), every N wks → FREQ=WEEKLY;INTERVAL=N (on the start date's weekday)
 * each from a start date, ending never, on a date (UNTIL) or after a count (COUNT).
 */
import type { PlacementWhen } from './placement'
import { formatRRule, parseRRule, type RecurrenceRule } from './rrule'
import { weekdayOf, type LocalDate, type Weekday } from './station-time'

export type RepeatEnd = { kind: 'never' } | { kind: 'until'; date: LocalDate } | { kind: 'count'; count: number }

export type RepeatChoice =
  | { kind: 'once'; date: LocalDate }
  | { kind: 'daily'; from: LocalDate; everyDays: number; end: RepeatEnd }
  | { kind: 'weekdays'; from: LocalDate; days: Weekday[]; end: RepeatEnd }
  | { kind: 'weekly'; from: LocalDate; everyWeeks: number; end: RepeatEnd }

export type RepeatProblem = 'no-weekday' | 'end-before-start' | 'bad-count' | 'bad-gap'

export function repeatProblem(choice: RepeatChoice): RepeatProblem | null {
  if (choice.kind === 'once') return null
  if (choice.kind === 'weekdays' && choice.days.length === 0) return 'no-weekday'
  const gap = choice.kind === 'daily' ? choice.everyDays : choice.kind === 'weekly' ? choice.everyWeeks : 1
  if (!Number.isInteger(gap) || gap < 1 || gap > 366) return 'bad-gap'
  if (choice.end.kind === 'until' && choice.end.date < choice.from) return 'end-before-start'
  if (
    choice.end.kind === 'count' &&
    (!Number.isInteger(choice.end.count) || choice.end.count < 1 || choice.end.count > 1000)
  ) {
    return 'bad-count'
  }
  return null
}

/** The placement's `when` for a valid choice (check repeatProblem first). */
export function whenOf(choice: RepeatChoice): PlacementWhen {
  if (choice.kind === 'once') return { kind: 'once', date: choice.date }
  const end = {
    count: choice.end.kind === 'count' ? choice.end.count : null,
    until: choice.end.kind === 'until' ? choice.end.date : null,
  }
  const base = { byDay: [] as Weekday[], weekStart: 'MO' as const, ...end }
  const rule: RecurrenceRule =
    choice.kind === 'daily'
      ? { ...base, freq: 'DAILY', interval: choice.everyDays }
      : choice.kind === 'weekdays'
        ? { ...base, freq: 'WEEKLY', interval: 1, byDay: choice.days }
        : { ...base, freq: 'WEEKLY', interval: choice.everyWeeks }
  return { kind: 'rule', dtstart: choice.from, rrule: formatRRule(rule) }
}

/** The choice a stored `when` reads as, for editing; null for a rule the simple choices cannot show. */
export function choiceOf(when: PlacementWhen): RepeatChoice | null {
  if (when.kind === 'once') return { kind: 'once', date: when.date }
  const parsed = parseRRule(when.rrule)
  if (!parsed.ok) return null
  const r = parsed.rule
  const end: RepeatEnd =
    r.count !== null
      ? { kind: 'count', count: r.count }
      : r.until !== null
        ? { kind: 'until', date: r.until }
        : { kind: 'never' }
  if (r.weekStart !== 'MO') return null
  if (r.freq === 'DAILY' && r.byDay.length === 0)
    return { kind: 'daily', from: when.dtstart, everyDays: r.interval, end }
  if (r.freq === 'WEEKLY' && r.interval === 1 && r.byDay.length > 0) {
    return { kind: 'weekdays', from: when.dtstart, days: r.byDay, end }
  }
  const isOwnDay = r.byDay.length === 0 || (r.byDay.length === 1 && r.byDay[0] === weekdayOf(when.dtstart))
  if (r.freq === 'WEEKLY' && isOwnDay) return { kind: 'weekly', from: when.dtstart, everyWeeks: r.interval, end }
  return null
}
