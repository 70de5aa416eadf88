/**
 * Render to a loudness target, verified on the file written: render with a gain, measure the
 * encoded result with ebur128, and while it is more than ±0.3 LU from the target, correct the
 * gain and render again. The peak limiter takes loudness off peaky speech, and MP3 encoding
 * takes a few tenths more, so a gain computed before encoding misses (−16.56 LUFS for −16 was
 * seen); each output format therefore gets its own correction.
 *
 * The next gain is a secant step over the last two tries (the limiter makes loudness grow less
 * than 1 dB per dB of gain), a plain step the first time; each step is at most 12 dB. The limiter
 * sees samples, not the peaks between them: when the file's true peak is still over the ceiling,
 * the next pass also lowers the limiter's ceiling by the excess. After `MAX_LOUDNESS_PASSES` the
 * best try is kept (within the ceiling first, then the closest), rendered again if it was not the last.
 */
import type { FfRunner } from '../audio/ff-runner'
import { parseMeasurement, SILENT_LUFS, type LoudnessMeasurement, type LoudnessTarget } from './loudness'
import { fileMeasureArgs } from './render-graph'

export const LOUDNESS_TOLERANCE_LU = 0.3
/** How far over the ceiling a true peak may read (ebur128 prints one decimal). */
export const PEAK_TOLERANCE_DB = 0.1
export const MAX_LOUDNESS_PASSES = 4
const MAX_STEP_DB = 12
/** The limiter's ceiling is lowered at most this far under the station's. */
const MAX_CEILING_DROP_DB = 6

/** One render's settings: the gain, and the ceiling given to the limiter (dBTP). */
export interface LoudnessSetting {
  gainDb: number
  ceilingDbtp: number
}

export interface LoudnessLoop {
  runner: FfRunner
  /** Arguments that write `output` with this gain and limiter ceiling. */
  argsFor(setting: LoudnessSetting): string[]
  /** The runner's name of the file the arguments write. */
  output: string
  /** Length of the output in ms (progress, silence at the ends). */
  durationMs: number
  target: LoudnessTarget
  startGainDb: number
  onProgress?: (fraction: number) => void
}

export interface LoudnessLoopResult extends LoudnessSetting {
  /** The written file as measured. */
  measurement: LoudnessMeasurement
  /** Renders it took (1 when the first was within the tolerance). */
  passes: number
}

interface Try extends LoudnessSetting {
  measurement: LoudnessMeasurement
}

const missBy = (t: Try, target: LoudnessTarget): number => Math.abs(t.measurement.integratedLufs - target.targetLufs)
const peakOver = (t: Try, target: LoudnessTarget): number =>
  Math.max(0, t.measurement.truePeakDbtp - target.ceilingDbtp - PEAK_TOLERANCE_DB)
const isDone = (t: Try, target: LoudnessTarget): boolean =>
  t.measurement.integratedLufs <= SILENT_LUFS ||
  (missBy(t, target) <= LOUDNESS_TOLERANCE_LU && peakOver(t, target) === 0)
/** Better: within the ceiling, then closer to the target. */
const isBetter = (a: Try, b: Try, target: LoudnessTarget): boolean =>
  peakOver(a, target) !== peakOver(b, target)
    ? peakOver(a, target) < peakOver(b, target)
    : missBy(a, target) < missBy(b, target)

const clampGain = (db: number): number => Math.round(Math.max(-60, Math.min(60, db)) * 100) / 100

/** The setting to try next: the gain by a secant step, the ceiling lowered by any excess peak. */
export function nextSetting(tries: readonly Try[], target: LoudnessTarget): LoudnessSetting {
  const last = tries.at(-1)
  if (!last) throw new Error('loudness-loop: no try yet')
  const over = peakOver(last, target)
  const lowest = target.ceilingDbtp - MAX_CEILING_DROP_DB
  const ceilingDbtp =
    over > 0 ? Math.max(lowest, Math.round((last.ceilingDbtp - over - 0.1) * 100) / 100) : last.ceilingDbtp
  return { gainDb: nextGain(tries, target), ceilingDbtp }
}

/** The gain to try next from what the tries so far measured. */
export function nextGain(tries: readonly Try[], target: LoudnessTarget): number {
  const last = tries.at(-1)
  if (!last) throw new Error('loudness-loop: no try yet')
  const prev = tries.at(-2)
  let slope = 1
  if (prev && Math.abs(last.gainDb - prev.gainDb) >= 0.05) {
    const s = (last.measurement.integratedLufs - prev.measurement.integratedLufs) / (last.gainDb - prev.gainDb)
    if (Number.isFinite(s) && s >= 0.1 && s <= 1.5) slope = s
  }
  const step = (target.targetLufs - last.measurement.integratedLufs) / slope
  return clampGain(last.gainDb + Math.max(-MAX_STEP_DB, Math.min(MAX_STEP_DB, step)))
}

async function renderAndMeasure(o: LoudnessLoop, setting: LoudnessSetting, pass: number): Promise<Try> {
  // Progress: two passes are expected; any further pass stays near the end.
  const share = (step: number) => (f: number) => o.onProgress?.(Math.min(0.99, (pass * 2 + step + f) / 4))
  const rendered = await o.runner.exec(o.argsFor(setting), { durationMs: o.durationMs, onProgress: share(0) })
  if (rendered.code !== 0) throw new Error(`ffmpeg: rendering failed (${rendered.code})`)
  const measureArgs = fileMeasureArgs(o.runner.path(o.output))
  const measured = await o.runner.exec(measureArgs, { durationMs: o.durationMs, onProgress: share(1) })
  if (measured.code !== 0) throw new Error(`ffmpeg: measuring failed (${measured.code})`)
  return { ...setting, measurement: parseMeasurement(measured.log, o.durationMs) }
}

const sameSetting = (a: LoudnessSetting, b: LoudnessSetting): boolean =>
  a.gainDb === b.gainDb && a.ceilingDbtp === b.ceilingDbtp

/** Renders `output` at the setting that lands within ±0.3 LU of the target under the ceiling (or the best tried). */
export async function renderToTarget(o: LoudnessLoop): Promise<LoudnessLoopResult> {
  const tries: Try[] = []
  let setting: LoudnessSetting = { gainDb: clampGain(o.startGainDb), ceilingDbtp: o.target.ceilingDbtp }
  for (let pass = 0; pass < MAX_LOUDNESS_PASSES; pass += 1) {
    const t = await renderAndMeasure(o, setting, pass)
    tries.push(t)
    if (isDone(t, o.target)) {
      o.onProgress?.(1)
      return { ...t, passes: tries.length }
    }
    const next = nextSetting(tries, o.target)
    if (tries.some((done) => sameSetting(done, next))) break
    setting = next
  }
  const best = tries.reduce((a, b) => (isBetter(b, a, o.target) ? b : a))
  if (best === tries.at(-1)) return { ...best, passes: tries.length }
  const again = await renderAndMeasure(o, best, tries.length)
  o.onProgress?.(1)
  return { ...again, passes: tries.length + 1 }
}
