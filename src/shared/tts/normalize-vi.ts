/**
 * Vietnamese text normaliser: turns a notice as the officer types it into words the voice reads
 * correctly. eSpeak NG's own normalisation is partial (15 → "mười năm", 7h30 → "bảy hát ba
 * mươi", slashes in dates dropped, UBND spelled in English: see shared/reference/tts-options.md),
 * so this runs before every synthesis. Pure and deterministic; order matters:
 *   1. Unicode NFC (NFD text loses its vowel qualities in eSpeak NG),
 *   2. abbreviations (UBND → Ủy ban nhân dân),
 *   3. phone numbers, digit by digit,
 *   4. dates (12/5/2025 → ngày mười hai tháng năm năm hai nghìn không trăm hai mươi lăm),
 *   5. ranges of whole numbers (7-8 → bảy đến tám),
 *   6. times (7h30, 7:30 → bảy giờ ba mươi phút),
 *   7. ordinals after "thứ" (thứ 4 → thứ tư),
 *   8. numbers with units (5 km, 25°C, 100.000đ, 12,5%), then every other number.
 * Example: "UBND xã họp lúc 7h30 ngày 12/5/2025" →
 *   "Ủy ban nhân dân xã họp lúc bảy giờ ba mươi phút ngày mười hai tháng năm năm hai nghìn không trăm hai mươi lăm".
 */
import { expandAbbreviations, VI_ABBREVIATIONS } from './vi-abbreviations'
import { readDigits, readInteger, readNumberText } from './vi-number'

const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])'
const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}])'
const NUMBER = '\\d+(?:[.,]\\d+)*'

/** Units read after a number. Longer symbols first; each read as Vietnamese speaks it. */
const UNITS: ReadonlyArray<readonly [string, string]> = [
  ['km/h', 'ki lô mét trên giờ'],
  ['km²', 'ki lô mét vuông'],
  ['m²', 'mét vuông'],
  ['m2', 'mét vuông'],
  ['m³', 'mét khối'],
  ['m3', 'mét khối'],
  ['kWh', 'ki lô oát giờ'],
  ['km', 'ki lô mét'],
  ['kg', 'ki lô gam'],
  ['cm', 'xen ti mét'],
  ['mm', 'mi li mét'],
  ['ml', 'mi li lít'],
  ['mg', 'mi li gam'],
  ['ha', 'héc ta'],
  ['°C', 'độ xê'],
  ['°', 'độ'],
  ['%', 'phần trăm'],
  ['VNĐ', 'đồng'],
  ['VND', 'đồng'],
  ['USD', 'đô la Mỹ'],
  ['đ', 'đồng'],
  ['m', 'mét'],
  ['g', 'gam'],
  ['l', 'lít'],
]

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
const unitTable = new Map(UNITS)
const UNIT_RE = new RegExp(
  `(${NUMBER})\\s?(${UNITS.map(([symbol]) => escapeRe(symbol)).join('|')})${NOT_WORD_AFTER}`,
  'gu',
)

/** Vietnamese mobile and landline numbers: 0912 345 678, 0912.345.678, 024 3825 1234. */
const PHONE_RE = new RegExp(`${NOT_WORD_BEFORE}0\\d{2,3}[ .-]?\\d{3,4}[ .-]?\\d{3,4}${NOT_WORD_AFTER}`, 'gu')
const MONTH_YEAR_RE = /tháng\s+(\d{1,2})\s*[/-]\s*(\d{4})(?!\d)/gu
const DATE_FULL_RE = /([Nn]gày\s+)?(?<!\d)(\d{1,2})([/.-])(\d{1,2})\3(\d{4})(?!\d)/gu
const DATE_SHORT_RE = /([Nn]gày\s+)?(?<![\d/])(\d{1,2})\/(\d{1,2})(?![\d/])/gu
const TIME_H_RE = new RegExp(
  `${NOT_WORD_BEFORE}(\\d{1,2})\\s?(?:h|giờ)\\s?(\\d{2})?(?:\\s?(?:phút|p|'))?${NOT_WORD_AFTER}`,
  'gu',
)
const TIME_COLON_RE = /(?<![\d:])(\d{1,2}):(\d{2})(?![\d:])/gu
const ORDINAL_RE = /(thứ|Thứ)\s+(\d+)(?!\d)/gu
const RANGE_RE = /(?<![\d.,])(\d+)\s?[-–]\s?(\d+)(?![\d.,])/gu
const NUMBER_RE = new RegExp(NUMBER, 'gu')

const isDay = (d: number): boolean => d >= 1 && d <= 31
const isMonth = (m: number): boolean => m >= 1 && m <= 12

/** A day of the month: 1–10 are read with "mùng" as people say them (mùng năm, mùng mười). */
export const readDay = (d: number): string => (d <= 10 ? `mùng ${readInteger(d)}` : readInteger(d))
/** A month: April is "tháng tư". */
export const readMonth = (m: number): string => (m === 4 ? 'tư' : readInteger(m))

function readDate(day: number, month: number, year: number | null, prefix = 'ngày'): string {
  const base = `${prefix} ${readDay(day)} tháng ${readMonth(month)}`
  return year === null ? base : `${base} năm ${readInteger(year)}`
}

/** Hours and minutes: "bảy giờ", "bảy giờ năm phút", "mười chín giờ ba mươi phút". */
export function readTime(hours: number, minutes: number): string {
  const h = `${readInteger(hours)} giờ`
  return minutes === 0 ? h : `${h} ${readInteger(minutes)} phút`
}

function replaceDates(text: string): string {
  return text
    .replace(MONTH_YEAR_RE, (all, m: string, y: string) =>
      isMonth(Number(m)) ? `tháng ${readMonth(Number(m))} năm ${readInteger(Number(y))}` : all,
    )
    .replace(DATE_FULL_RE, (all, n: string | undefined, d: string, _sep: string, m: string, y: string) =>
      isDay(Number(d)) && isMonth(Number(m)) ? readDate(Number(d), Number(m), Number(y), n?.trim()) : all,
    )
    .replace(DATE_SHORT_RE, (all, n: string | undefined, d: string, m: string) =>
      isDay(Number(d)) && isMonth(Number(m)) ? readDate(Number(d), Number(m), null, n?.trim()) : all,
    )
}

function replaceTimes(text: string): string {
  const time = (all: string, h: string, m: string | undefined): string => {
    const hours = Number(h)
    const minutes = m === undefined ? 0 : Number(m)
    return hours <= 24 && minutes <= 59 ? readTime(hours, minutes) : all
  }
  return text.replace(TIME_H_RE, time).replace(TIME_COLON_RE, time)
}

function replaceNumbers(text: string): string {
  return text
    .replace(ORDINAL_RE, (_all, word: string, n: string) => {
      const value = Number(n)
      return `${word} ${value === 1 ? 'nhất' : value === 4 ? 'tư' : readInteger(value)}`
    })
    .replace(UNIT_RE, (_all, n: string, unit: string) => `${readNumberText(n)} ${unitTable.get(unit) ?? unit}`)
    .replace(NUMBER_RE, (n) => ` ${readNumberText(n)} `)
}

/** Collapses runs of spaces and tabs, keeps line breaks (they become pauses), trims spaces before punctuation. */
const tidy = (text: string): string =>
  text
    .replace(/[ \t\u00A0]+/g, ' ')
    .replace(/ ([,.;:!?)])/g, '$1')
    .replace(/ *\n */g, '\n')
    .trim()

export interface NormalizeOptions {
  /** The abbreviation list (default: the built-in one); a station may add its own. */
  abbreviations?: Readonly<Record<string, string>>
}

/** Normalises a Vietnamese notice for the voice. See the file header for the steps and an example. */
export function normalizeVietnamese(raw: string, options: NormalizeOptions = {}): string {
  let text = raw.normalize('NFC')
  text = expandAbbreviations(text, options.abbreviations ?? VI_ABBREVIATIONS)
  text = text.replace(PHONE_RE, (phone) => readDigits(phone))
  text = replaceDates(text)
  text = text.replace(
    RANGE_RE,
    (_all, a: string, b: string) => `${readInteger(Number(a))} đến ${readInteger(Number(b))}`,
  )
  text = replaceTimes(text)
  text = replaceNumbers(text)
  return tidy(text)
}
