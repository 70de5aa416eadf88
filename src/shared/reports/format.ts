/**
 * Display formatting for reports. Written out by hand rather than with toLocaleString so that the
 * output does not depend on the ICU data of the machine: the same report must give the same file.
 * Durations round to the nearest minute (half a minute rounds up) only here, at display time.
 */
import type { ReportLanguage } from './labels'
import { localDateOf, type PeriodSpec, type ResolvedPeriod } from './period'

const MINUTE_MS = 60_000
const DAY_MS = 86_400_000

/** Nearest whole minute, half up. */
export const roundMinutes = (ms: number): number => Math.floor((ms + MINUTE_MS / 2) / MINUTE_MS)

const group = (n: number, sep: string): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep)

/** 1234 → '1.234' (vi) or '1,234' (en). */
export const formatCount = (n: number, lang: ReportLanguage): string => group(n, lang === 'vi' ? '.' : ',')

const pad2 = (n: number): string => String(n).padStart(2, '0')

/** 16 582 000 ms → '4 giờ 36 phút' (vi) or '4 h 36 min' (en), as provincial reports write it. */
export function formatDuration(ms: number, lang: ReportLanguage): string {
  const minutes = roundMinutes(ms)
  const hours = formatCount(Math.floor(minutes / 60), lang)
  return lang === 'vi' ? `${hours} giờ ${pad2(minutes % 60)} phút` : `${hours} h ${pad2(minutes % 60)} min`
}

/** 16 582 000 ms → '4:36' (hours unbounded): the language-neutral form used in CSV. */
export function formatHoursMinutes(ms: number): string {
  const minutes = roundMinutes(ms)
  return `${Math.floor(minutes / 60)}:${pad2(minutes % 60)}`
}

/** num/den in tenths of a percent, half up, in integer arithmetic; null when den is 0. */
export function permille(num: number, den: number): number | null {
  return den === 0 ? null : Math.floor((2000 * num + den) / (2 * den))
}

/** 2/3 → '66,7%' (vi) or '66.7%' (en); '—' when there is nothing to divide by. */
export function formatPercent(num: number, den: number, lang: ReportLanguage): string {
  const p = permille(num, den)
  if (p === null) return '—'
  return `${Math.floor(p / 10)}${lang === 'vi' ? ',' : '.'}${p % 10}%`
}

const monthsEn = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const

const monthEn = (month: number): string => monthsEn[month - 1] ?? String(month)

/** A local date: '15/12/2024' (vi) or '15 December 2024' (en). */
export function formatLocalDate(ms: number, lang: ReportLanguage): string {
  const { year, month, day } = localDateOf(ms)
  return lang === 'vi' ? `${pad2(day)}/${pad2(month)}/${year}` : `${day} ${monthEn(month)} ${year}`
}

/**
 * The place-and-date line of an administrative document. NĐ 30/2020/NĐ-CP, Phụ lục I: days below
 * 10 and the months 1 and 2 take a leading zero ("ngày 05 tháng 01 năm 2025", "ngày 15 tháng 3").
 */
export function placeDateLine(place: string, ms: number, lang: ReportLanguage): string {
  const { year, month, day } = localDateOf(ms)
  if (lang === 'en') return `${place}, ${day} ${monthEn(month)} ${year}`
  const m = month <= 2 ? pad2(month) : String(month)
  return `${place}, ngày ${pad2(day)} tháng ${m} năm ${year}`
}

const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'] as const
export const romanNumeral = (n: number): string => roman[n - 1] ?? String(n)

/** 'tháng 3 năm 2025', 'quý I năm 2025', 'năm báo cáo 2025' (lower case: used inside sentences). */
export function periodLabel(spec: PeriodSpec, lang: ReportLanguage): string {
  const vi = lang === 'vi'
  switch (spec.kind) {
    case 'month':
      return vi ? `tháng ${spec.month} năm ${spec.year}` : `${monthEn(spec.month)} ${spec.year}`
    case 'quarter':
      return vi ? `quý ${romanNumeral(spec.quarter)} năm ${spec.year}` : `Q${spec.quarter} ${spec.year}`
    case 'year':
      return vi ? `năm ${spec.year}` : `year ${spec.year}`
    case 'reporting-year':
      return vi ? `năm báo cáo ${spec.year}` : `reporting year ${spec.year}`
    case 'range':
      return vi ? 'kỳ báo cáo đột xuất' : 'ad-hoc period'
  }
}

/** 'từ ngày 15/12/2024 đến hết ngày 14/12/2025' / 'from 15 December 2024 to 14 December 2025 inclusive'. */
export function periodRangeLabel(period: ResolvedPeriod, lang: ReportLanguage): string {
  const from = formatLocalDate(period.startMs, lang)
  const to = formatLocalDate(period.endMs - DAY_MS, lang)
  return lang === 'vi' ? `từ ngày ${from} đến hết ngày ${to}` : `from ${from} to ${to} inclusive`
}

/** First letter upper case, for labels that start a line. */
export const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)
