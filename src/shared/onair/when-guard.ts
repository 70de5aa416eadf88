/**
 * Input guard for a new placement's date: a one-off on a day that is over, or a rule that never
 * occurs again, would be saved and then never play (and not even show on today's view). The
 * screen refuses it with a message; `place` refuses it again before anything is written.
 * "Today" is the station's calendar day (Asia/Ho_Chi_Minh), not the laptop's zone.
 */
import type { PlacementWhen } from './placement'
import { parseRRule } from './rrule'
import { expandRule } from './rrule-expand'
import { addDays, type LocalDate } from './station-time'

export type WhenProblem = 'past-date' | 'no-future-occurrence'

/** Longest gap between two occurrences the simple choices allow (366 days, or 52 weeks), with room. */
const LOOK_AHEAD_DAYS = 400

export class PastDateError extends Error {
  constructor(
    readonly problem: WhenProblem,
    readonly date: LocalDate,
  ) {
    super(`schedule: ${problem} (${date})`)
    this.name = 'PastDateError'
  }
}

/** Why a placement with this `when` would never play from `today` on, or null when it will. */
export function whenProblem(when: PlacementWhen, today: LocalDate): WhenProblem | null {
  if (when.kind === 'once') return when.date < today ? 'past-date' : null
  const parsed = parseRRule(when.rrule)
  if (!parsed.ok) return null
  const from = when.dtstart > today ? when.dtstart : today
  const ahead = expandRule(parsed.rule, when.dtstart, { from, to: addDays(from, LOOK_AHEAD_DAYS) })
  return ahead.length === 0 ? 'no-future-occurrence' : null
}

/** Throws a PastDateError when `whenProblem` finds one (the last check before a write). */
export function assertPlaysFrom(when: PlacementWhen, today: LocalDate): void {
  const problem = whenProblem(when, today)
  if (problem) throw new PastDateError(problem, when.kind === 'once' ? when.date : when.dtstart)
}
