/**
 * Expands a recurrence rule (rrule.ts) into the local dates it occurs on, following RFC 5545
 * §3.3.10: DAILY steps INTERVAL days from DTSTART and BYDAY limits the days; WEEKLY steps
 * INTERVAL weeks (weeks begin on WKST) and BYDAY expands each week to the chosen weekdays
 * (without BYDAY, DTSTART's weekday). COUNT counts occurrences from DTSTART, including those
 * before the asked range; UNTIL is inclusive.
 * One deviation, the one python-dateutil and rrule.js make too: a DTSTART that does not match
 * the rule is not an occurrence (RFC 5545 would count it as the first).
 */
import type { RecurrenceRule } from './rrule'
import { addDays, dateOfDayNumber, dayNumber, weekdayOf, weekdays, type LocalDate } from './station-time'

export interface DateRange {
  from: LocalDate
  to: LocalDate
}

/** Upper bound on days walked, so a rule from long ago can never spin (≈ 100 years). */
const MAX_DAYS_WALKED = 36_600

/** The dates in `range` (inclusive) on which the rule starting at `dtstart` occurs, ascending. */
export function expandRule(rule: RecurrenceRule, dtstart: LocalDate, range: DateRange): LocalDate[] {
  const last = Math.min(dayNumber(range.to), rule.until === null ? Infinity : dayNumber(rule.until))
  const first = dayNumber(range.from)
  const out: LocalDate[] = []
  let seen = 0
  for (const day of candidateDays(rule, dtstart, last)) {
    seen += 1
    if (day >= first) out.push(dateOfDayNumber(day))
    if (rule.count !== null && seen >= rule.count) break
  }
  return out
}

/** Whether the rule occurs on `date` (COUNT and UNTIL included). */
export function occursOn(rule: RecurrenceRule, dtstart: LocalDate, date: LocalDate): boolean {
  return expandRule(rule, dtstart, { from: date, to: date }).length === 1
}

function* candidateDays(rule: RecurrenceRule, dtstart: LocalDate, last: number): Generator<number> {
  const start = dayNumber(dtstart)
  const end = Math.min(last, start + MAX_DAYS_WALKED)
  if (rule.freq === 'DAILY') {
    for (let day = start; day <= end; day += rule.interval) {
      if (rule.byDay.length === 0 || rule.byDay.includes(weekdayOf(dateOfDayNumber(day)))) yield day
    }
    return
  }
  const offsets = weeklyOffsets(rule, dtstart)
  const weekStart = dayNumber(addDays(dtstart, -offsetFromWeekStart(rule, dtstart)))
  for (let week = weekStart; week <= end; week += 7 * rule.interval) {
    for (const offset of offsets) {
      const day = week + offset
      if (day >= start && day <= end) yield day
    }
  }
}

/** Days after the week's first day (WKST) of `date`. */
function offsetFromWeekStart(rule: RecurrenceRule, date: LocalDate): number {
  return (weekdays.indexOf(weekdayOf(date)) - weekdays.indexOf(rule.weekStart) + 7) % 7
}

/** The chosen weekdays as offsets within a week that begins on WKST, ascending. */
function weeklyOffsets(rule: RecurrenceRule, dtstart: LocalDate): number[] {
  const chosen = rule.byDay.length > 0 ? rule.byDay : [weekdayOf(dtstart)]
  const wkst = weekdays.indexOf(rule.weekStart)
  return chosen.map((d) => (weekdays.indexOf(d) - wkst + 7) % 7).sort((a, b) => a - b)
}
