import { describe, expect, it } from 'vitest'
import { assertPlaysFrom, PastDateError, whenProblem } from '../../../../src/shared/onair/when-guard'

const TODAY = '2026-11-23'

describe('when-guard: a new placement must play from today on', () => {
  it('refuses a one-off on a day that is over, accepts today and later', () => {
    expect(whenProblem({ kind: 'once', date: '2026-11-22' }, TODAY)).toBe('past-date')
    expect(whenProblem({ kind: 'once', date: '2025-01-01' }, TODAY)).toBe('past-date')
    expect(whenProblem({ kind: 'once', date: TODAY }, TODAY)).toBeNull()
    expect(whenProblem({ kind: 'once', date: '2026-11-24' }, TODAY)).toBeNull()
  })

  it('accepts a rule that began in the past and still repeats, refuses one that is over', () => {
    expect(whenProblem({ kind: 'rule', dtstart: '2026-01-01', rrule: 'FREQ=DAILY' }, TODAY)).toBeNull()
    expect(whenProblem({ kind: 'rule', dtstart: '2026-11-01', rrule: 'FREQ=DAILY;UNTIL=20261122' }, TODAY)).toBe(
      'no-future-occurrence',
    )
    expect(whenProblem({ kind: 'rule', dtstart: '2026-11-01', rrule: 'FREQ=DAILY;COUNT=5' }, TODAY)).toBe(
      'no-future-occurrence',
    )
    // the 23rd is the 23rd occurrence of a daily rule from the 1st: still plays today
    expect(whenProblem({ kind: 'rule', dtstart: '2026-11-01', rrule: 'FREQ=DAILY;COUNT=23' }, TODAY)).toBeNull()
    // every 52 weeks: the next one is almost a year away, still ahead
    expect(whenProblem({ kind: 'rule', dtstart: '2026-11-20', rrule: 'FREQ=WEEKLY;INTERVAL=52' }, TODAY)).toBeNull()
  })

  it('throws a typed error the form translates', () => {
    expect(() => assertPlaysFrom({ kind: 'once', date: '2026-11-01' }, TODAY)).toThrow(PastDateError)
    try {
      assertPlaysFrom({ kind: 'once', date: '2026-11-01' }, TODAY)
    } catch (error) {
      expect(error).toMatchObject({ problem: 'past-date', date: '2026-11-01' })
    }
    expect(() => assertPlaysFrom({ kind: 'once', date: TODAY }, TODAY)).not.toThrow()
  })
})
