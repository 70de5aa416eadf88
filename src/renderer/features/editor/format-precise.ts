import { displayLanguage, formatDuration } from '../../../shared/format/display'

/** Editor times to a tenth of a second: 4210 ms → "00:04,2" (vi) / "00:04.2" (en); the app's one length format. */
export const formatPrecise = (ms: number, language: string): string => formatDuration(ms, displayLanguage(language))

/** Seconds as the officer types them ("1,5" or "1.5") → ms; null when not a number ≥ 0. */
export function parseSeconds(text: string): number | null {
  const value = Number(text.trim().replace(',', '.'))
  return text.trim() !== '' && Number.isFinite(value) && value >= 0 ? Math.round(value * 1000) : null
}
