/**
 * The shared display formats (`shared/format/display.ts`) for code that is not a component or
 * has no language at hand: the language is the interface's current one. Components prefer
 * `useFormat()`, which re-renders on a language change.
 */
import i18next from 'i18next'
import * as display from '../../shared/format/display'

const current = (): display.DisplayLanguage => display.displayLanguage(i18next.language ?? 'vi')

/** A length, "mm:ss,d" (vi) / "mm:ss.d" (en): 75 400 ms → "01:15,4". */
export const formatDuration = (ms: number): string => display.formatDuration(ms, current())

/** A running counter (recording, playing) in whole seconds: "01:15". */
export const formatClock = display.formatClock

/** "08/12/2026 05:30" on the station's clock, in both languages (the language argument is kept for callers). */
export const formatDateTime = (iso: string, _language?: string): string => display.formatDateTime(iso)

/** A number with the interface's decimal separator: -16 → "-16,0" (vi) with one digit. */
export const formatNumber = (value: number, fractionDigits = 0): string =>
  display.formatNumber(value, current(), fractionDigits)

/** The station's wall-clock time, 24-hour: "05:30" (or "05:30:07"). */
export const formatTime = display.formatTime

/** Seconds with one decimal: 1500 ms → "1,5" (vi) / "1.5" (en). */
export const formatSeconds = (ms: number): string => display.formatSeconds(ms, current())
