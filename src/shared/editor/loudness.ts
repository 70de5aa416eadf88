/**
 * Loudness of a take, measured by ffmpeg (`measureArgs` in render-graph) and read from its log:
 * EBU R128 integrated loudness (ITU-R BS.1770 K-weighting and gating, `ebur128` filter), true
 * peak (4× oversampled, `ebur128=peak=true`) and the silences `silencedetect` reports.
 *
 * Log lines read (ffmpeg 5.1; numbers vary):
 *   [silencedetect @ 0x…] silence_start: 0
 *   [silencedetect @ 0x…] silence_end: 1.25 | silence_duration: 1.25
 *   [Parsed_ebur128_1 @ 0x…] Summary:
 *       I:         -21.8 LUFS
 *       LRA:         4.1 LU
 *       Peak:      -3.2 dBFS
 * The summary is the last block in the log; silence of a whole take prints `I: -70.0 LUFS` and
 * `Peak: -inf dBFS`.
 */
import { z } from 'zod'

export const loudnessMeasurementSchema = z.object({
  integratedLufs: z.number().min(-200).max(30),
  loudnessRangeLu: z.number().min(0).max(200),
  /** -Infinity is reported as -200 for a silent take. */
  truePeakDbtp: z.number().min(-200).max(40),
  durationMs: z.number().nonnegative(),
  leadingSilenceMs: z.number().nonnegative(),
  trailingSilenceMs: z.number().nonnegative(),
})
export type LoudnessMeasurement = z.infer<typeof loudnessMeasurementSchema>

/** Below this, ebur128 has gated everything away: the take is silent. */
export const SILENT_LUFS = -69.5

const numberAfter = (text: string, label: RegExp): number | null => {
  const matches = [...text.matchAll(label)]
  const last = matches.at(-1)?.[1]
  if (last === undefined) return null
  if (/^-inf$/i.test(last)) return -200
  const value = Number(last)
  return Number.isFinite(value) ? value : null
}

interface Silence {
  start: number
  end: number | null
}

/** Silences in seconds; a silence still open at the end of the log has end null. */
export function parseSilences(log: string): Silence[] {
  const out: Silence[] = []
  for (const m of log.matchAll(/silence_(start|end): (-?[\d.]+)/g)) {
    const value = Number(m[2])
    if (!Number.isFinite(value)) continue
    if (m[1] === 'start') out.push({ start: Math.max(0, value), end: null })
    else {
      const open = out.at(-1)
      if (open && open.end === null) open.end = value
    }
  }
  return out
}

/**
 * Reads the measurement from an ffmpeg log of `measureArgs`. `durationMs` is the rendered
 * length, known from the edit list. Throws when the log has no ebur128 summary.
 */
export function parseMeasurement(log: string, durationMs: number): LoudnessMeasurement {
  const summary = log.lastIndexOf('Summary:')
  if (summary < 0) throw new Error('loudness: ffmpeg printed no ebur128 summary')
  const tail = log.slice(summary)
  const integrated = numberAfter(tail, /\bI:\s+(-?[\d.]+|-inf) LUFS/gi)
  const range = numberAfter(tail, /\bLRA:\s+(-?[\d.]+|-inf) LU\b/gi)
  const peak = numberAfter(tail, /\bPeak:\s+(-?[\d.]+|-inf) dBFS/gi)
  const seconds = durationMs / 1000
  const silences = parseSilences(log)
  const first = silences[0]
  const last = silences.at(-1)
  const leading = first && first.start <= 0.01 ? (first.end ?? seconds) : 0
  const lastEnd = last ? (last.end ?? seconds) : 0
  const trailing = last && lastEnd >= seconds - 0.05 ? seconds - last.start : 0
  return loudnessMeasurementSchema.parse({
    integratedLufs: integrated,
    loudnessRangeLu: range ?? 0,
    truePeakDbtp: peak,
    durationMs,
    leadingSilenceMs: Math.round(Math.min(leading, seconds) * 1000),
    trailingSilenceMs: Math.round(Math.max(0, Math.min(trailing, seconds)) * 1000),
  })
}

export interface LoudnessTarget {
  targetLufs: number
  ceilingDbtp: number
}

export const DEFAULT_LOUDNESS: LoudnessTarget = { targetLufs: -16, ceilingDbtp: -1 }

/** Gain in dB (0.1 dB steps) that brings `measured` to the target; 0 for a silent take. */
export function gainToTarget(measured: LoudnessMeasurement, target: LoudnessTarget): number {
  if (measured.integratedLufs <= SILENT_LUFS) return 0
  const gain = target.targetLufs - measured.integratedLufs
  return Math.round(Math.max(-60, Math.min(60, gain)) * 10) / 10
}

/**
 * Second pass of "Chuẩn hóa âm lượng": the limiter takes a little loudness off the peaks, so
 * after measuring the normalised take once more the gain is corrected by what is still missing.
 */
export const correctedGain = (gainDb: number, normalized: LoudnessMeasurement, target: LoudnessTarget): number =>
  Math.round(Math.max(-60, Math.min(60, gainDb + target.targetLufs - normalized.integratedLufs)) * 10) / 10

export type LoudnessWarning =
  | { kind: 'silent' }
  | { kind: 'too-quiet'; integratedLufs: number }
  | { kind: 'too-loud'; integratedLufs: number }
  | { kind: 'clipping'; truePeakDbtp: number }
  | { kind: 'silence-start'; durationMs: number; trim: { kind: 'delete'; startMs: number; endMs: number } }
  | { kind: 'silence-end'; durationMs: number; trim: { kind: 'delete'; startMs: number; endMs: number } }

/** Thresholds of the warnings (LU from the target, dBTP, ms). */
export const WARN = { quietBelowLu: 6, loudAboveLu: 3, clippingDbtp: -0.1, silenceMs: 1500, keepSilenceMs: 250 }

/**
 * What the officer should know about a take: too quiet or too loud for the target, clipping,
 * long silence at either end. Silence warnings carry the delete op that trims it (leaving a
 * quarter second so the words do not start abruptly).
 */
export function loudnessWarnings(m: LoudnessMeasurement, target: LoudnessTarget): LoudnessWarning[] {
  if (m.integratedLufs <= SILENT_LUFS) return [{ kind: 'silent' }]
  const out: LoudnessWarning[] = []
  if (m.integratedLufs < target.targetLufs - WARN.quietBelowLu)
    out.push({ kind: 'too-quiet', integratedLufs: m.integratedLufs })
  if (m.integratedLufs > target.targetLufs + WARN.loudAboveLu)
    out.push({ kind: 'too-loud', integratedLufs: m.integratedLufs })
  if (m.truePeakDbtp > WARN.clippingDbtp) out.push({ kind: 'clipping', truePeakDbtp: m.truePeakDbtp })
  if (m.leadingSilenceMs >= WARN.silenceMs) {
    const endMs = Math.round(m.leadingSilenceMs - WARN.keepSilenceMs)
    out.push({ kind: 'silence-start', durationMs: m.leadingSilenceMs, trim: { kind: 'delete', startMs: 0, endMs } })
  }
  if (m.trailingSilenceMs >= WARN.silenceMs) {
    const startMs = Math.round(m.durationMs - m.trailingSilenceMs + WARN.keepSilenceMs)
    out.push({
      kind: 'silence-end',
      durationMs: m.trailingSilenceMs,
      trim: { kind: 'delete', startMs, endMs: Math.round(m.durationMs) },
    })
  }
  return out
}
