import { describe, expect, it } from 'vitest'
import { periodLabel, periodRangeLabel } from '../../../../src/shared/reports/format'
import {
  periodContaining,
  periodSpecSchema,
  reportingYearOf,
  resolvePeriod,
  type PeriodSpec,
} from '../../../../src/shared/reports/period'

const bounds = (spec: PeriodSpec): [string, string] => {
  const p = resolvePeriod(spec)
  return [p.startUtc, p.endUtc]
}

describe('period', () => {
  it('resolves a month to local midnights (UTC+7), including a leap February', () => {
    // 01/02/2024 00:00 +07 = 31/01 17:00 Z; 01/03/2024 00:00 +07 = 29/02 17:00 Z
    expect(bounds({ kind: 'month', year: 2024, month: 2 })).toEqual([
      '2024-01-31T17:00:00.000Z',
      '2024-02-29T17:00:00.000Z',
    ])
    // December rolls into January of the next year
    expect(bounds({ kind: 'month', year: 2025, month: 12 })).toEqual([
      '2025-11-30T17:00:00.000Z',
      '2025-12-31T17:00:00.000Z',
    ])
  })

  it('resolves quarters and calendar years', () => {
    expect(bounds({ kind: 'quarter', year: 2025, quarter: 1 })).toEqual([
      '2024-12-31T17:00:00.000Z',
      '2025-03-31T17:00:00.000Z',
    ])
    expect(bounds({ kind: 'quarter', year: 2025, quarter: 4 })).toEqual([
      '2025-09-30T17:00:00.000Z',
      '2025-12-31T17:00:00.000Z',
    ])
    expect(bounds({ kind: 'year', year: 2025 })).toEqual(['2024-12-31T17:00:00.000Z', '2025-12-31T17:00:00.000Z'])
  })

  it('resolves the reporting year from 15/12 of the previous year to the end of 14/12', () => {
    expect(bounds({ kind: 'reporting-year', year: 2025 })).toEqual([
      '2024-12-14T17:00:00.000Z',
      '2025-12-14T17:00:00.000Z',
    ])
  })

  it('resolves an inclusive ad-hoc range and rejects one that ends before it starts', () => {
    expect(bounds({ kind: 'range', from: '2025-03-01', to: '2025-03-10' })).toEqual([
      '2025-02-28T17:00:00.000Z',
      '2025-03-10T17:00:00.000Z',
    ])
    expect(periodSpecSchema.safeParse({ kind: 'range', from: '2025-03-10', to: '2025-03-01' }).success).toBe(false)
    expect(periodSpecSchema.safeParse({ kind: 'month', year: 2025, month: 13 }).success).toBe(false)
  })

  it('puts an instant in the reporting year by its local date', () => {
    // 14/12/2025 23:59:59.999 local is still reporting year 2025; 15/12/2025 00:00 local is 2026
    expect(reportingYearOf(Date.parse('2025-12-14T16:59:59.999Z'))).toBe(2025)
    expect(reportingYearOf(Date.parse('2025-12-14T17:00:00.000Z'))).toBe(2026)
    expect(reportingYearOf(Date.parse('2025-01-01T00:00:00.000Z'))).toBe(2025)
  })

  it('finds the period of each kind that contains an instant', () => {
    // 31/03/2025 20:00 Z is 01/04/2025 03:00 local
    const ms = Date.parse('2025-03-31T20:00:00.000Z')
    expect(periodContaining('month', ms)).toEqual({ kind: 'month', year: 2025, month: 4 })
    expect(periodContaining('quarter', ms)).toEqual({ kind: 'quarter', year: 2025, quarter: 2 })
    expect(periodContaining('year', ms)).toEqual({ kind: 'year', year: 2025 })
    expect(periodContaining('reporting-year', Date.parse('2025-12-20T00:00:00Z'))).toEqual({
      kind: 'reporting-year',
      year: 2026,
    })
  })

  it('labels periods in Vietnamese and English', () => {
    const ry = resolvePeriod({ kind: 'reporting-year', year: 2025 })
    expect(periodLabel(ry.spec, 'vi')).toBe('năm báo cáo 2025')
    expect(periodRangeLabel(ry, 'vi')).toBe('từ ngày 15/12/2024 đến hết ngày 14/12/2025')
    expect(periodLabel(ry.spec, 'en')).toBe('reporting year 2025')
    expect(periodRangeLabel(ry, 'en')).toBe('from 15 December 2024 to 14 December 2025 inclusive')
    expect(periodLabel({ kind: 'quarter', year: 2025, quarter: 3 }, 'vi')).toBe('quý III năm 2025')
    expect(periodLabel({ kind: 'month', year: 2025, month: 2 }, 'en')).toBe('February 2025')
    const feb = resolvePeriod({ kind: 'month', year: 2024, month: 2 })
    expect(periodRangeLabel(feb, 'vi')).toBe('từ ngày 01/02/2024 đến hết ngày 29/02/2024')
  })
})
