/**
 * Long silences at the start and end of a take (the officer reaching for the mouse), found from
 * the edited waveform's peaks: a block is silent below `thresholdDb` dBFS (default −45). The
 * trim keeps a short pad so words are not clipped.
 */
export interface SilentEnds {
  leadingMs: number
  trailingMs: number
}

export const LONG_SILENCE_MS = 1500
export const TRIM_PAD_MS = 200

export function silentEnds(peaks: ArrayLike<number>, blockMs: number, thresholdDb = -45): SilentEnds {
  const threshold = 10 ** (thresholdDb / 20)
  let first = 0
  while (first < peaks.length && (peaks[first] ?? 0) < threshold) first += 1
  let last = peaks.length
  while (last > first && (peaks[last - 1] ?? 0) < threshold) last -= 1
  return { leadingMs: first * blockMs, trailingMs: (peaks.length - last) * blockMs }
}

/** The span to keep to trim long silent ends, or null when neither end is long. */
export function trimSpan(ends: SilentEnds, totalMs: number): { startMs: number; endMs: number } | null {
  if (ends.leadingMs + ends.trailingMs >= totalMs) return null // all silence: nothing worth keeping
  const cutStart = ends.leadingMs >= LONG_SILENCE_MS ? Math.round(ends.leadingMs - TRIM_PAD_MS) : 0
  const cutEnd = ends.trailingMs >= LONG_SILENCE_MS ? Math.round(ends.trailingMs - TRIM_PAD_MS) : 0
  const endMs = Math.round(totalMs) - cutEnd
  if ((cutStart === 0 && cutEnd === 0) || endMs <= cutStart) return null
  return { startMs: cutStart, endMs }
}
