import { describe, expect, it } from 'vitest'
import { computeReport } from '../../../../src/shared/reports/compute'
import { inputForPeriod } from '../../../../src/shared/reports/input-for-period'
import type { PeriodSpec } from '../../../../src/shared/reports/period'
import { fixtureInput } from './fixture'

const periods: PeriodSpec[] = [
  { kind: 'reporting-year', year: 2025 },
  { kind: 'reporting-year', year: 2026 },
  { kind: 'year', year: 2025 },
  { kind: 'quarter', year: 2025, quarter: 1 },
  { kind: 'month', year: 2025, month: 3 },
  { kind: 'month', year: 2025, month: 12 },
  { kind: 'range', from: '2025-03-11', to: '2025-03-11' },
]

describe('reports/input-for-period', () => {
  it.each(periods)('gives the same report as the whole input for %o', (spec) => {
    const input = fixtureInput()
    expect(computeReport(inputForPeriod(input, spec), spec)).toEqual(computeReport(input, spec))
  })

  it('leaves out log entries and library items of other periods', () => {
    const input = fixtureInput()
    const march = inputForPeriod(input, { kind: 'month', year: 2025, month: 3 })
    expect(march.plays.length).toBeLessThan(input.plays.length)
    expect(march.plays.length).toBeGreaterThan(0)
    expect(march.clusterEvents).toEqual(input.clusterEvents)
  })
})
