import { describe, expect, it } from 'vitest'
import { formatRRule, parseRRule, type RecurrenceRule } from '../../../../src/shared/onair/rrule'
import { expandRule, occursOn } from '../../../../src/shared/onair/rrule-expand'
import { weekdayOf } from '../../../../src/shared/onair/station-time'

function rule(text: string): RecurrenceRule {
  const parsed = parseRRule(text)
  if (!parsed.ok) throw new Error(`bad rule ${text}: ${parsed.error.code}`)
  return parsed.rule
}

// 2026-11-23 is a Monday.
const week = { from: '2026-11-23', to: '2026-11-29' }

describe('rrule', () => {
  it('expands a daily rule to every day of a week when there is no end', () => {
    expect(expandRule(rule('FREQ=DAILY'), '2026-11-23', week)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ])
  })

  it('keeps only the chosen weekdays when BYDAY limits a daily rule', () => {
    const dates = expandRule(rule('FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR'), '2026-11-20', week)
    expect(dates).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'])
  })

  it('repeats every other week on the chosen weekdays when WEEKLY has INTERVAL=2', () => {
    const dates = expandRule(rule('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SA'), '2026-11-24', {
      from: '2026-11-23',
      to: '2026-12-20',
    })
    expect(dates).toEqual(['2026-11-24', '2026-11-28', '2026-12-08', '2026-12-12'])
  })

  it('uses the weekday of DTSTART when a weekly rule has no BYDAY', () => {
    const dates = expandRule(rule('FREQ=WEEKLY'), '2026-11-25', { from: '2026-11-01', to: '2026-12-10' })
    expect(dates).toEqual(['2026-11-25', '2026-12-02', '2026-12-09'])
    expect(dates.every((d) => weekdayOf(d) === 'WE')).toBe(true)
  })

  it('gives a repeat count with a gap when COUNT and INTERVAL are combined', () => {
    const dates = expandRule(rule('FREQ=DAILY;INTERVAL=3;COUNT=4'), '2026-11-23', {
      from: '2026-11-01',
      to: '2027-01-01',
    })
    expect(dates).toEqual(['2026-11-23', '2026-11-26', '2026-11-29', '2026-12-02'])
  })

  it('counts occurrences before the asked range towards COUNT', () => {
    const dates = expandRule(rule('FREQ=DAILY;COUNT=5'), '2026-11-20', week)
    expect(dates).toEqual(['2026-11-23', '2026-11-24'])
  })

  it('stops on the UNTIL date inclusively', () => {
    expect(expandRule(rule('FREQ=DAILY;UNTIL=20261125'), '2026-11-23', week)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
    ])
  })

  it('reads a UTC UNTIL by its calendar day in the station zone', () => {
    // 2026-11-25T17:30Z is 00:30 on the 26th in Hà Nội.
    const parsed = rule('FREQ=DAILY;UNTIL=20261125T173000Z')
    expect(parsed.until).toBe('2026-11-26')
  })

  it('answers whether a rule occurs on one date', () => {
    const r = rule('FREQ=WEEKLY;BYDAY=SU')
    expect(occursOn(r, '2026-11-23', '2026-11-29')).toBe(true)
    expect(occursOn(r, '2026-11-23', '2026-11-28')).toBe(false)
    expect(occursOn(r, '2026-11-23', '2026-11-22')).toBe(false)
  })

  it('round-trips the canonical text when formatted', () => {
    const text = 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR;COUNT=6'
    expect(formatRRule(rule(text))).toBe(text)
    expect(formatRRule(rule('rrule:byday=fr,mo;freq=weekly;count=6;interval=2'))).toBe(text)
  })

  it.each([
    ['', 'empty'],
    ['FREQ=DAILY;;', 'syntax'],
    ['INTERVAL=2', 'missing-freq'],
    ['FREQ=MONTHLY', 'unsupported-freq'],
    ['FREQ=DAILY;BYMONTH=1', 'unsupported-part'],
    ['FREQ=DAILY;COUNT=2;COUNT=3', 'duplicate-part'],
    ['FREQ=DAILY;INTERVAL=0', 'bad-interval'],
    ['FREQ=DAILY;COUNT=-1', 'bad-count'],
    ['FREQ=DAILY;UNTIL=20261331', 'bad-until'],
    ['FREQ=WEEKLY;BYDAY=1MO', 'bad-byday'],
    ['FREQ=WEEKLY;WKST=XX', 'bad-wkst'],
    ['FREQ=DAILY;COUNT=2;UNTIL=20261231', 'count-and-until'],
  ])('refuses %j with code %s', (text, code) => {
    const parsed = parseRRule(text)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error.code).toBe(code)
  })
})
