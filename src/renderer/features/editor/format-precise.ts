/** Editor times to a tenth of a second: 4210 ms → "00:04,2" (vi) / "00:04.2" (en); hours shown when needed. */
export function formatPrecise(ms: number, language: string): string {
  const tenths = Math.max(0, Math.round(ms / 100))
  const total = Math.floor(tenths / 10)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const sep = language === 'en' ? '.' : ','
  const mmss = `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}${sep}${tenths % 10}`
  return h > 0 ? `${h}:${mmss}` : mmss
}

/** Seconds as the officer types them ("1,5" or "1.5") → ms; null when not a number ≥ 0. */
export function parseSeconds(text: string): number | null {
  const value = Number(text.trim().replace(',', '.'))
  return text.trim() !== '' && Number.isFinite(value) && value >= 0 ? Math.round(value * 1000) : null
}
