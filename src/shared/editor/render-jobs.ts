/**
 * The audio procedures on any ffmpeg (`FfRunner`: ffmpeg.wasm in the app, native ffmpeg in the
 * tests), so the tests run the very code and arguments the officer's exports run:
 *
 *   normalizeList   "Chuẩn hóa âm lượng": measure the edited take, then find the gain whose
 *                   rendered WAV measures the target (loudness-loop.ts); stored in the edit list.
 *   renderListWav   the rendition of an edit list: WAV, verified on the file when it has a target.
 *   encodeExport    an export (MP3 or WAV) from a rendered WAV, verified and corrected on the
 *                   encoded file: each format gets its own correction.
 *   measureList     loudness of the edited take with or without its normalisation.
 *
 * Inputs and outputs are the runner's file names; the caller writes and reads them.
 */
import type { FfRunner } from '../audio/ff-runner'
import { editedDuration, toTimeline, type EditList, type Processing } from './edit-list'
import { gainToTarget, parseMeasurement, type LoudnessMeasurement, type LoudnessTarget } from './loudness'
import { renderToTarget, type LoudnessLoopResult, type LoudnessSetting } from './loudness-loop'
import {
  DEFAULT_CEILING_DBTP,
  encodeArgs,
  measureArgs,
  renderArgs,
  type ExportTags,
  type OutputFormat,
} from './render-graph'

export interface ListJob {
  runner: FfRunner
  /** The runner's name of the source WAV. */
  input: string
  list: EditList
  onProgress?: (fraction: number) => void
}

/** The target an edit list was normalised to; null when it carries no loudness decision. */
export function targetOf(processing: Processing): LoudnessTarget | null {
  if (processing.targetLufs === undefined || processing.normalizeGainDb === 0) return null
  return { targetLufs: processing.targetLufs, ceilingDbtp: processing.ceilingDbtp ?? DEFAULT_CEILING_DBTP }
}

export async function measureList(job: ListJob, isNormalized: boolean): Promise<LoudnessMeasurement> {
  const { runner, list } = job
  const durationMs = editedDuration(list)
  const args = measureArgs({
    input: runner.path(job.input),
    segments: toTimeline(list),
    processing: list.processing,
    isNormalized,
  })
  const { code, log } = await runner.exec(args, {
    durationMs,
    ...(job.onProgress ? { onProgress: job.onProgress } : {}),
  })
  if (code !== 0) throw new Error(`ffmpeg: measuring failed (${code})`)
  return parseMeasurement(log, durationMs)
}

const wavArgs = (job: ListJob, output: string, processing: Processing): string[] =>
  renderArgs({
    input: job.runner.path(job.input),
    output: job.runner.path(output),
    segments: toTimeline(job.list),
    processing,
    format: { kind: 'wav' },
  })

/**
 * Renders the edit list to a WAV named `output`. With a loudness decision, the gain is checked on
 * the written file and corrected until it measures the target ±0.3 LU; answers that result (null
 * without a decision).
 */
export async function renderListWav(job: ListJob, output: string): Promise<LoudnessLoopResult | null> {
  const { runner, list } = job
  const target = targetOf(list.processing)
  const durationMs = editedDuration(list)
  if (!target) {
    const options = { durationMs, ...(job.onProgress ? { onProgress: job.onProgress } : {}) }
    const { code } = await runner.exec(wavArgs(job, output, list.processing), options)
    if (code !== 0) throw new Error(`ffmpeg: rendering failed (${code})`)
    return null
  }
  return renderToTarget({
    runner,
    output,
    durationMs,
    target,
    startGainDb: list.processing.normalizeGainDb,
    argsFor: ({ gainDb, ceilingDbtp }) =>
      wavArgs(job, output, { ...list.processing, normalizeGainDb: gainDb, ceilingDbtp }),
    ...(job.onProgress ? { onProgress: job.onProgress } : {}),
  })
}

export interface NormalizeResult {
  processing: Processing
  before: LoudnessMeasurement
  /** The rendered WAV at the final gain, as measured. */
  trial: LoudnessMeasurement
}

/** "Chuẩn hóa âm lượng": the gain (with target and ceiling) that brings the rendered take to the target. */
export async function normalizeList(job: ListJob, target: LoudnessTarget): Promise<NormalizeResult> {
  const base: Processing = { ...job.list.processing, normalizeGainDb: 0 }
  const half = (offset: number) => (f: number) => job.onProgress?.(offset + f / 2)
  const before = await measureList({ ...job, list: { ...job.list, processing: base }, onProgress: half(0) }, false)
  const gain = gainToTarget(before, target)
  if (gain === 0) return { processing: base, before, trial: before }
  const first: Processing = { ...base, normalizeGainDb: gain, ...target }
  const trialName = 'normalize-trial.wav'
  try {
    const loop = await renderListWav(
      { ...job, list: { ...job.list, processing: first }, onProgress: half(0.5) },
      trialName,
    )
    if (!loop) return { processing: first, before, trial: before }
    const processing = { ...first, normalizeGainDb: loop.gainDb, ceilingDbtp: loop.ceilingDbtp }
    return { processing, before, trial: loop.measurement }
  } finally {
    await job.runner.deleteFile(trialName)
  }
}

export interface EncodeJob {
  runner: FfRunner
  /** The runner's name of a rendered WAV (a rendition, a bulletin's master). */
  input: string
  output: string
  format: OutputFormat
  tags?: ExportTags
  /** The loudness the WAV was rendered to; null = encode as it is (no decision was made). */
  target: LoudnessTarget | null
  durationMs: number
  onProgress?: (fraction: number) => void
}

/** Encodes the export, its loudness measured on the encoded file and corrected for this format. */
export async function encodeExport(job: EncodeJob): Promise<LoudnessLoopResult | null> {
  const { runner, target } = job
  // The first pass encodes the WAV as it is; a correction adds the gain and the limiter.
  const isPlain = (s: LoudnessSetting | null) => !s || (s.gainDb === 0 && s.ceilingDbtp === target?.ceilingDbtp)
  const argsFor = (setting: LoudnessSetting | null) =>
    encodeArgs({
      input: runner.path(job.input),
      output: runner.path(job.output),
      format: job.format,
      ...(job.tags ? { tags: job.tags } : {}),
      ...(isPlain(setting) || !setting ? {} : setting),
    })
  const progress = job.onProgress ? { onProgress: job.onProgress } : {}
  if (!target) {
    const { code } = await runner.exec(argsFor(null), { durationMs: job.durationMs, ...progress })
    if (code !== 0) throw new Error(`ffmpeg: encoding failed (${code})`)
    return null
  }
  return renderToTarget({
    runner,
    output: job.output,
    durationMs: job.durationMs,
    target,
    startGainDb: 0,
    argsFor,
    ...progress,
  })
}
