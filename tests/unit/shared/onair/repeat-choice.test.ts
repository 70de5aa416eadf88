import { describe, expect, it } from 'vitest'
import { choiceOf, repeatProblem, whenOf, type RepeatChoice } from '../../../../src/shared/onair/repeat-choice'

const FROM = '2026-11-23'

describe('repeat-choice', () => {
  it.each<[RepeatChoice, string]>([
    [{ kind: 'daily', from: FROM, everyDays: 1, end: { kind: 'never' } }, 'FREQ=DAILY'],
    [{ kind: 'daily', from: FROM, everyDays: 2, end: { kind: 'count', count: 5 } }, 'FREQ=DAILY;INTERVAL=2;COUNT=5'],
    [
      { kind: 'weekdays', from: FROM, days: ['MO', 'WE', 'FR'], end: { kind: 'until', date: '2026-12-31' } },
      'FREQ=WEEKLY;BYDAY=MO,WE,FR;UNTIL=20261231',
    ],
    [{ kind: 'weekly', from: FROM, everyWeeks: 2, end: { kind: 'never' } }, 'FREQ=WEEKLY;INTERVAL=2'],
  ])('turns %j into %s and reads it back', (choice, rrule) => {
    const when = whenOf(choice)
    expect(when).toEqual({ kind: 'rule', dtstart: FROM, rrule })
    expect(choiceOf(when)).toEqual(choice)
  })

  it('keeps a one-off as a date', () => {
    expect(whenOf({ kind: 'once', date: FROM })).toEqual({ kind: 'once', date: FROM })
    expect(choiceOf({ kind: 'once', date: FROM })).toEqual({ kind: 'once', date: FROM })
  })

  it('says what is wrong with a choice before it becomes a rule', () => {
    expect(repeatProblem({ kind: 'weekdays', from: FROM, days: [], end: { kind: 'never' } })).toBe('no-weekday')
    expect(repeatProblem({ kind: 'daily', from: FROM, everyDays: 1, end: { kind: 'until', date: '2026-11-01' } })).toBe(
      'end-before-start',
    )
    expect(repeatProblem({ kind: 'daily', from: FROM, everyDays: 1, end: { kind: 'count', count: 0 } })).toBe(
      'bad-count',
    )
    expect(repeatProblem({ kind: 'weekly', from: FROM, everyWeeks: 0, end: { kind: 'never' } })).toBe('bad-gap')
    expect(repeatProblem({ kind: 'daily', from: FROM, everyDays: 3, end: { kind: 'count', count: 4 } })).toBeNull()
  })

  it('does not pretend to show a rule the simple choices cannot express', () => {
    expect(choiceOf({ kind: 'rule', dtstart: FROM, rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH' })).toBeNull()
  })
})
