/**
 * The one display format of the app, in both languages. Every screen formats dates, times,
 * lengths and measured numbers through these functions (the renderer binds the language in
 * `useFormat()`), so a Vietnamese officer reads the same `08/12/2026 05:30`, `01:15,4` and
 * `-16,0 LUFS` on every screen.
 *
 * - Dates `dd/MM/yyyy`, times 24-hour `HH:mm`, always on the station's clock (Asia/Ho_Chi_Minh,
 *   UTC+7 without daylight saving: a fixed offset, whatever the computer's zone).
 * - Lengths `mm:ss,d` (tenths of a second; hours `h:mm:ss,d` when needed).
 * - Numbers: decimal comma and `.` thousands in Vietnamese; decimal point and `,` in English.
 *
 * English keeps `dd/MM/yyyy` and 24-hour time: the officer who picks English still works in
 * Vietnam, beside Vietnamese papers, schedules and colleagues, where 08/12 is 8 December and
 * 17:00 is the evening session. US order would make the same date read differently in the two
 * languages. Only the decimal separator follows the language (as English readers expect).
 *
 * Written by hand rather than with `Intl`, so the text does not depend on the ICU data of the
 * machine (Electron's, Chromium's, Node's) and is the same in the screens, the tests and files.
 */
import { STATION_OFFSET_MS } from '../onair/station-time'

export type DisplayLanguage = 'vi' | 'en'

/** An i18next language ('vi', 'en', 'en-GB', …) as one of the two the app is written in. */
export const displayLanguage = (language: string): DisplayLanguage => (language.startsWith('en') ? 'en' : 'vi')

/** The date pattern of the pickers (dayjs tokens), the same in both languages. */
export const DATE_PATTERN = 'DD/MM/YYYY'
export const TIME_PATTERN = 'HH:mm'

const separators = (language: DisplayLanguage) =>
  language === 'en' ? { decimal: '.', group: ',' } : { decimal: ',', group: '.' }

const pad2 = (n: number): string => String(n).padStart(2, '0')

/**
 * 1234.56 → "1.234,6" (vi, 1 digit) / "1,234.6" (en). Rounds half away from zero; "-0,0" is
 * written "0,0". Infinite values: "-∞" / "∞"; NaN: "—".
 */
export function formatNumber(value: number, language: DisplayLanguage, fractionDigits = 0): string {
  if (Number.isNaN(value)) return '—'
  if (!Number.isFinite(value)) return value < 0 ? '-∞' : '∞'
  const { decimal, group } = separators(language)
  const scale = 10 ** fractionDigits
  const scaled = Math.round(Math.abs(value) * scale)
  const whole = Math.floor(scaled / scale)
  const fraction = scaled - whole * scale
  const wholeText = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, group)
  const text =
    fractionDigits > 0 ? `${wholeText}${decimal}${String(fraction).padStart(fractionDigits, '0')}` : wholeText
  return value < 0 && scaled > 0 ? `-${text}` : text
}

/** Values at or below this are silence ("-∞"): the measurers report -200 or -Infinity for it. */
const SILENCE_DB = -200

/** A level with one decimal and its unit: "-16,0 LUFS", "-1,0 dBTP", "-∞ dB". */
export function formatLevel(value: number, unit: 'LUFS' | 'LU' | 'dB' | 'dBFS' | 'dBTP', language: DisplayLanguage) {
  return `${value <= SILENCE_DB ? '-∞' : formatNumber(value, language, 1)} ${unit}`
}

/** Seconds with one decimal: 1500 ms → "1,5" (vi) / "1.5" (en). */
export const formatSeconds = (ms: number, language: DisplayLanguage): string => formatNumber(ms / 1000, language, 1)

/**
 * A length: 75 400 ms → "01:15,4" (vi) / "01:15.4" (en); an hour or more → "1:02:03,0".
 * Rounded to the nearest tenth, so 59 960 ms is "01:00,0", never "00:60,0".
 */
export function formatDuration(ms: number, language: DisplayLanguage): string {
  const tenths = Math.max(0, Math.round(ms / 100))
  const total = Math.floor(tenths / 10)
  const h = Math.floor(total / 3600)
  const mmss = `${pad2(Math.floor((total % 3600) / 60))}:${pad2(total % 60)}${separators(language).decimal}${tenths % 10}`
  return h > 0 ? `${h}:${mmss}` : mmss
}

/** A running counter (recording, playing): whole seconds, "01:15" or "1:02:03"; same in both languages. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const h = Math.floor(total / 3600)
  const mmss = `${pad2(Math.floor((total % 3600) / 60))}:${pad2(total % 60)}`
  return h > 0 ? `${h}:${mmss}` : mmss
}

/** An instant as ms since the epoch (ISO 8601 text or a number). */
export type Instant = string | number

const stationFields = (at: Instant) => {
  const d = new Date((typeof at === 'number' ? at : Date.parse(at)) + STATION_OFFSET_MS)
  return {
    day: d.getUTCDate(),
    month: d.getUTCMonth() + 1,
    year: d.getUTCFullYear(),
    hours: d.getUTCHours(),
    minutes: d.getUTCMinutes(),
    seconds: d.getUTCSeconds(),
  }
}

const isValid = (at: Instant): boolean => Number.isFinite(typeof at === 'number' ? at : Date.parse(at))

/** The station's calendar day of an instant: "08/12/2026". "—" for an unreadable instant. */
export function formatDate(at: Instant): string {
  if (!isValid(at)) return '—'
  const f = stationFields(at)
  return `${pad2(f.day)}/${pad2(f.month)}/${f.year}`
}

/** The station's wall-clock time of an instant, 24-hour: "05:30" (or "05:30:07" with seconds). */
export function formatTime(at: Instant, options: { seconds?: boolean } = {}): string {
  if (!isValid(at)) return '—'
  const f = stationFields(at)
  const hm = `${pad2(f.hours)}:${pad2(f.minutes)}`
  return options.seconds ? `${hm}:${pad2(f.seconds)}` : hm
}

/** "08/12/2026 05:30" on the station's clock. */
export function formatDateTime(at: Instant, options: { seconds?: boolean } = {}): string {
  return isValid(at) ? `${formatDate(at)} ${formatTime(at, options)}` : '—'
}

/** A station calendar day kept as "2026-12-08" → "08/12/2026"; other text is returned as it is. */
export function formatLocalDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  return m ? `${m[3]}/${m[2]}/${m[1]}` : date
}

/** A byte count for progress: "512 B", "37 kB", "1,5 MB" (vi) / "1.5 MB" (en). */
export function formatBytes(bytes: number, language: DisplayLanguage): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, language)} kB`
  return `${formatNumber(bytes / (1024 * 1024), language, 1)} MB`
}

/** A share with one decimal: 0.667 → "66,7%" (vi) / "66.7%" (en). */
export const formatPercent = (fraction: number, language: DisplayLanguage): string =>
  `${formatNumber(fraction * 100, language, 1)}%`

/** Every formatter of this module with the language bound: what `useFormat()` gives a screen. */
export function displayFormat(language: DisplayLanguage) {
  return {
    language,
    date: formatDate,
    time: formatTime,
    dateTime: formatDateTime,
    localDate: formatLocalDate,
    clock: formatClock,
    duration: (ms: number) => formatDuration(ms, language),
    seconds: (ms: number) => formatSeconds(ms, language),
    number: (value: number, fractionDigits = 0) => formatNumber(value, language, fractionDigits),
    level: (value: number, unit: Parameters<typeof formatLevel>[1]) => formatLevel(value, unit, language),
    bytes: (bytes: number) => formatBytes(bytes, language),
    percent: (fraction: number) => formatPercent(fraction, language),
  }
}
export type DisplayFormat = ReturnType<typeof displayFormat>
