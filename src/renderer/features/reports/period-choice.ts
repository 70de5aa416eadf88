/**
 * The period picker's model: a kind (tháng / quý / năm / năm báo cáo) and which one. Pure, so the
 * choices can be tested; the screen only renders them.
 */
import { localDateOf, periodContaining, type PeriodSpec } from '../../../shared/reports/period'

export const pickableKinds = ['month', 'quarter', 'year', 'reporting-year'] as const
export type PickableKind = (typeof pickableKinds)[number]

export interface PeriodChoice {
  kind: PickableKind
  year: number
  /** 1–12, used by 'month'. */
  month: number
  /** 1–4, used by 'quarter'. */
  quarter: number
}

/** Starts on the reporting year that contains today: the report the district asks for in December. */
export function defaultChoice(nowMs: number): PeriodChoice {
  const { year, month } = localDateOf(nowMs)
  const reportingYear = periodContaining('reporting-year', nowMs)
  return {
    kind: 'reporting-year',
    year: reportingYear.kind === 'reporting-year' ? reportingYear.year : year,
    month,
    quarter: Math.ceil(month / 3),
  }
}

export function specOf(choice: PeriodChoice): PeriodSpec {
  switch (choice.kind) {
    case 'month':
      return { kind: 'month', year: choice.year, month: choice.month }
    case 'quarter':
      return { kind: 'quarter', year: choice.year, quarter: choice.quarter }
    case 'year':
      return { kind: 'year', year: choice.year }
    case 'reporting-year':
      return { kind: 'reporting-year', year: choice.year }
  }
}

/**
 * Years offered: from the earliest year in the data (or five years back) to next year (the
 * reporting year that starts on 15 December belongs to next year), newest first.
 */
export function yearOptions(nowMs: number, earliestInstant: string | null): number[] {
  const current = localDateOf(nowMs).year
  const earliest =
    earliestInstant === null ? current - 5 : Math.min(localDateOf(Date.parse(earliestInstant)).year, current)
  const from = Math.max(2000, earliest)
  return Array.from({ length: current + 1 - from + 1 }, (_, i) => current + 1 - i)
}
