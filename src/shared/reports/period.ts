/**
 * Report periods in Vietnam's time (Asia/Ho_Chi_Minh = UTC+07:00 all year: Vietnam has kept no
 * daylight saving time since 1975), resolved to half-open UTC intervals [start, end).
 *
 * The reporting year (năm báo cáo) runs from 15 December of the previous year 00:00 to
 * 14 December 24:00: "thời gian chốt số liệu từ ngày 15/12 năm trước kỳ báo cáo đến hết ngày 14/12
 * năm báo cáo" (e.g. Sóc Trăng plan for QĐ 135/QĐ-TTg, section on district duties; the same cut-off
 * is used across the state statistics regime so that reports reach the province by 15 December).
 * Ad-hoc reports ("báo cáo đột xuất", TT 39/2020/TT-BTTTT Art. 16(3)) use an inclusive date range.
 */
import { z } from 'zod'

/** Vietnam's offset from UTC, fixed. */
export const VN_OFFSET_MS = 7 * 3_600_000

const yearSchema = z.number().int().min(2000).max(2100)
const localDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')

export const periodSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('month'), year: yearSchema, month: z.number().int().min(1).max(12) }),
  z.object({ kind: z.literal('quarter'), year: yearSchema, quarter: z.number().int().min(1).max(4) }),
  z.object({ kind: z.literal('year'), year: yearSchema }),
  /** `year` is the year the period ends in: reporting year 2025 = 15/12/2024 – 14/12/2025. */
  z.object({ kind: z.literal('reporting-year'), year: yearSchema }),
  /** Inclusive local dates, for ad-hoc reports. */
  z
    .object({ kind: z.literal('range'), from: localDateSchema, to: localDateSchema })
    .refine((r) => r.from <= r.to, 'the range must not end before it starts'),
])
export type PeriodSpec = z.infer<typeof periodSpecSchema>
export type PeriodKind = PeriodSpec['kind']

/** A period resolved to instants: [startMs, endMs) in UTC milliseconds, with the ISO strings. */
export interface ResolvedPeriod {
  spec: PeriodSpec
  startMs: number
  endMs: number
  startUtc: string
  endUtc: string
}

/** UTC milliseconds of local midnight at the start of the given local day (month may overflow). */
export const localMidnight = (year: number, month: number, day: number): number =>
  Date.UTC(year, month - 1, day) - VN_OFFSET_MS

const parseLocalDate = (date: string): [number, number, number] => {
  const [y, m, d] = date.split('-').map(Number)
  return [y ?? NaN, m ?? NaN, d ?? NaN]
}

function bounds(spec: PeriodSpec): [number, number] {
  switch (spec.kind) {
    case 'month':
      return [localMidnight(spec.year, spec.month, 1), localMidnight(spec.year, spec.month + 1, 1)]
    case 'quarter':
      return [localMidnight(spec.year, spec.quarter * 3 - 2, 1), localMidnight(spec.year, spec.quarter * 3 + 1, 1)]
    case 'year':
      return [localMidnight(spec.year, 1, 1), localMidnight(spec.year + 1, 1, 1)]
    case 'reporting-year':
      return [localMidnight(spec.year - 1, 12, 15), localMidnight(spec.year, 12, 15)]
    case 'range': {
      const [fy, fm, fd] = parseLocalDate(spec.from)
      const [ty, tm, td] = parseLocalDate(spec.to)
      return [localMidnight(fy, fm, fd), localMidnight(ty, tm, td + 1)]
    }
  }
}

/** Resolves a period (validated with `periodSpecSchema`) to its UTC interval. */
export function resolvePeriod(spec: PeriodSpec): ResolvedPeriod {
  const [startMs, endMs] = bounds(spec)
  return { spec, startMs, endMs, startUtc: new Date(startMs).toISOString(), endUtc: new Date(endMs).toISOString() }
}

/** The local calendar date (year, month 1–12, day) of an instant. */
export function localDateOf(ms: number): { year: number; month: number; day: number } {
  const d = new Date(ms + VN_OFFSET_MS)
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }
}

/** The reporting year an instant belongs to: from 15 December local time it is the next year's. */
export function reportingYearOf(ms: number): number {
  const { year, month, day } = localDateOf(ms)
  return month === 12 && day >= 15 ? year + 1 : year
}

/** The period of the given kind that contains an instant (the UI's default choice). */
export function periodContaining(kind: Exclude<PeriodKind, 'range'>, ms: number): PeriodSpec {
  const { year, month } = localDateOf(ms)
  switch (kind) {
    case 'month':
      return { kind, year, month }
    case 'quarter':
      return { kind, year, quarter: Math.ceil(month / 3) }
    case 'year':
      return { kind, year }
    case 'reporting-year':
      return { kind, year: reportingYearOf(ms) }
  }
}
