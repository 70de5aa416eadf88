import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatRRule, parseRRule, type RecurrenceRule } from '../../../../src/shared/onair/rrule'
import { expandRule } from '../../../../src/shared/onair/rrule-expand'
import { addDays, dayNumber, weekdayOf, weekdays } from '../../../../src/shared/onair/station-time'

const dateArb = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2024-01-01', n))

const ruleArb: fc.Arbitrary<RecurrenceRule> = fc
  .record({
    freq: fc.constantFrom('DAILY' as const, 'WEEKLY' as const),
    interval: fc.integer({ min: 1, max: 10 }),
    byDay: fc.subarray([...weekdays]),
    end: fc.oneof(
      fc.constant({ count: null, until: null }),
      fc.integer({ min: 1, max: 60 }).map((count) => ({ count, until: null })),
      fc.integer({ min: 0, max: 400 }).map((n) => ({ count: null, until: addDays('2025-01-01', n) })),
    ),
    weekStart: fc.constantFrom('MO' as const, 'SU' as const),
  })
  .map(({ end, ...r }) => ({ ...r, ...end }))

const rangeArb = fc
  .tuple(dateArb, fc.integer({ min: 0, max: 500 }))
  .map(([from, days]) => ({ from, to: addDays(from, days) }))

const params = { numRuns: 300 }

describe('rrule expander (properties)', () => {
  it('puts every occurrence on a chosen weekday when BYDAY is set', () => {
    fc.assert(
      fc.property(ruleArb, dateArb, rangeArb, (rule, dtstart, range) => {
        const dates = expandRule(rule, dtstart, range)
        const allowed = rule.byDay.length > 0 ? rule.byDay : rule.freq === 'WEEKLY' ? [weekdayOf(dtstart)] : weekdays
        expect(dates.every((d) => allowed.includes(weekdayOf(d)))).toBe(true)
      }),
      params,
    )
  })

  it('keeps every occurrence within the range, after DTSTART and not after UNTIL', () => {
    fc.assert(
      fc.property(ruleArb, dateArb, rangeArb, (rule, dtstart, range) => {
        for (const d of expandRule(rule, dtstart, range)) {
          expect(d >= range.from && d <= range.to && d >= dtstart).toBe(true)
          if (rule.until !== null) expect(d <= rule.until).toBe(true)
        }
      }),
      params,
    )
  })

  it('never gives more occurrences than COUNT, and exactly COUNT over an unbounded range', () => {
    fc.assert(
      fc.property(ruleArb, dateArb, (rule, dtstart) => {
        const all = expandRule(rule, dtstart, { from: dtstart, to: addDays(dtstart, 36_000) })
        // A daily rule stepping whole weeks only ever meets DTSTART's weekday: it may never occur.
        const canNeverOccur =
          rule.freq === 'DAILY' &&
          rule.interval % 7 === 0 &&
          rule.byDay.length > 0 &&
          !rule.byDay.includes(weekdayOf(dtstart))
        if (rule.count !== null) expect(all.length).toBe(canNeverOccur ? 0 : rule.count)
        const window = expandRule(rule, dtstart, { from: addDays(dtstart, 10), to: addDays(dtstart, 90) })
        if (rule.count !== null) expect(window.length).toBeLessThanOrEqual(rule.count)
      }),
      { numRuns: 100 },
    )
  })

  it('is strictly ascending and spaced by whole INTERVAL periods', () => {
    fc.assert(
      fc.property(ruleArb, dateArb, rangeArb, (rule, dtstart, range) => {
        const dates = expandRule(rule, dtstart, range)
        const period = rule.freq === 'DAILY' ? rule.interval : 7 * rule.interval
        for (let i = 1; i < dates.length; i++) expect(dates[i]! > dates[i - 1]!).toBe(true)
        if (rule.freq === 'DAILY') {
          for (const d of dates) expect((dayNumber(d) - dayNumber(dtstart)) % period).toBe(0)
        }
      }),
      params,
    )
  })

  it('gives the same dates for a range as for the union of its two halves', () => {
    fc.assert(
      fc.property(ruleArb, dateArb, rangeArb, (rule, dtstart, range) => {
        const mid = addDays(range.from, Math.floor((dayNumber(range.to) - dayNumber(range.from)) / 2))
        const whole = expandRule(rule, dtstart, range)
        const halves = [
          ...expandRule(rule, dtstart, { from: range.from, to: mid }),
          ...expandRule(rule, dtstart, { from: addDays(mid, 1), to: range.to }),
        ]
        expect(halves).toEqual(whole)
      }),
      params,
    )
  })

  it('parses back what it formats', () => {
    fc.assert(
      fc.property(ruleArb, (rule) => {
        const parsed = parseRRule(formatRRule(rule))
        expect(parsed).toEqual({ ok: true, rule: { ...rule, byDay: [...rule.byDay] } })
      }),
      params,
    )
  })
})
