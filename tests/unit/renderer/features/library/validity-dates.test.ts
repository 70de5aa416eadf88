import { describe, expect, it } from 'vitest'
import {
  dayStartInstant,
  instantToDay,
  lastApprover,
  lastDayToValidTo,
  validToToLastDay,
} from '../../../../../src/renderer/features/library/validity-dates'

describe('features/library/validity-dates', () => {
  it('turns Vietnam calendar days into UTC instants and back', () => {
    expect(dayStartInstant('2026-11-24')).toBe('2026-11-23T17:00:00.000Z')
    expect(instantToDay('2026-11-23T17:00:00.000Z')).toBe('2026-11-24')
    expect(instantToDay('2026-11-23T16:59:00.000Z')).toBe('2026-11-23')
    expect(dayStartInstant('')).toBeNull()
    expect(dayStartInstant('24/11/2026')).toBeNull()
    expect(instantToDay(null)).toBe('')
  })

  it('stores the last valid day as the exclusive start of the next day', () => {
    expect(lastDayToValidTo('2026-11-30')).toBe('2026-11-30T17:00:00.000Z')
    expect(validToToLastDay('2026-11-30T17:00:00.000Z')).toBe('2026-11-30')
    expect(validToToLastDay(null)).toBe('')
  })

  it('prefills the approver with the most recent one', () => {
    expect(
      lastApprover([
        { approvedBy: 'A', approvedAt: '2026-11-01T00:00:00.000Z' },
        { approvedBy: 'B', approvedAt: '2026-11-20T00:00:00.000Z' },
        { approvedBy: null, approvedAt: null },
      ]),
    ).toBe('B')
    expect(lastApprover([])).toBe('')
  })
})
