import { describe, expect, it } from 'vitest'
import { defaultChoice, specOf, yearOptions } from '../../../../../src/renderer/features/reports/period-choice'

const local = (s: string): number => Date.parse(`${s}+07:00`)

describe('features/reports/period-choice', () => {
  it('defaults to the reporting year containing today, which turns over on 15 December', () => {
    expect(defaultChoice(local('2025-12-14T23:59:00'))).toMatchObject({
      kind: 'reporting-year',
      year: 2025,
      month: 12,
      quarter: 4,
    })
    expect(defaultChoice(local('2025-12-15T00:00:00'))).toMatchObject({ kind: 'reporting-year', year: 2026 })
    expect(defaultChoice(local('2025-05-02T08:00:00'))).toMatchObject({ year: 2025, month: 5, quarter: 2 })
  })

  it('turns each kind of choice into its period', () => {
    const c = { year: 2025, month: 3, quarter: 2 }
    expect(specOf({ ...c, kind: 'month' })).toEqual({ kind: 'month', year: 2025, month: 3 })
    expect(specOf({ ...c, kind: 'quarter' })).toEqual({ kind: 'quarter', year: 2025, quarter: 2 })
    expect(specOf({ ...c, kind: 'year' })).toEqual({ kind: 'year', year: 2025 })
    expect(specOf({ ...c, kind: 'reporting-year' })).toEqual({ kind: 'reporting-year', year: 2025 })
  })

  it('offers years from the earliest data to next year, newest first', () => {
    expect(yearOptions(local('2025-06-01T00:00:00'), '2023-02-01T00:00:00.000Z')).toEqual([2026, 2025, 2024, 2023])
    expect(yearOptions(local('2025-06-01T00:00:00'), null)).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2020])
  })
})
