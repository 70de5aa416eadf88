/**
 * The ffmpeg jobs: measure loudness, render an edit list, and the two-pass normalisation (the
 * import's decode is decode-slices.ts). Each runs on the shared engine (one at a time) with
 * progress/cancel.
 */
import type { DecodeFailureReason } from '../../../shared/audio/decode-args'
import { editedDuration, toTimeline, type EditList, type Processing } from '../../../shared/editor/edit-list'
import {
  correctedGain,
  gainToTarget,
  parseMeasurement,
  type LoudnessMeasurement,
  type LoudnessTarget,
} from '../../../shared/editor/loudness'
import {
  fileMeasureArgs,
  measureArgs,
  renderArgs,
  type ExportTags,
  type OutputFormat,
} from '../../../shared/editor/render-graph'
import { onEngineReset, runJob, type JobOptions, type Session } from './engine'

export class DecodeError extends Error {
  constructor(
    readonly fileName: string,
    readonly reason: DecodeFailureReason,
    readonly log: string,
  ) {
    super(`ffmpeg: cannot decode ${fileName}: ${reason}`)
    this.name = 'DecodeError'
  }
}

const SOURCE = '/source.wav'
let cachedSource: string | null = null
onEngineReset(() => {
  cachedSource = null
})

/** Puts the edit list's source WAV into the engine's memory (kept while the hash stays the same). */
async function loadSource(s: Session, mediaUrl: (hash: string) => string, hash: string): Promise<void> {
  if (cachedSource === hash) return
  const response = await fetch(mediaUrl(hash))
  if (!response.ok) throw new Error(`ffmpeg: media ${hash} answered HTTP ${response.status}`)
  await s.ff.writeFile(SOURCE, new Uint8Array(await response.arrayBuffer()))
  cachedSource = hash
}

export interface MediaOptions extends JobOptions {
  /** URL of a media file by hash (`/media/<hash>.wav` in the browser host). */
  mediaUrl: (hash: string) => string
}

async function measureIn(s: Session, list: EditList, processing: Processing, isNormalized: boolean, o: JobOptions) {
  const durationMs = editedDuration(list)
  const args = measureArgs({ input: SOURCE, segments: toTimeline(list), processing, isNormalized })
  const { code, log } = await s.exec(args, { ...o, durationMs })
  if (code !== 0) throw new Error(`ffmpeg: measuring failed (${code})`)
  return parseMeasurement(log, durationMs)
}

/** Loudness, true peak and end silences of the edited take, with or without its normalisation. */
export function measureJob(list: EditList, isNormalized: boolean, options: MediaOptions): Promise<LoudnessMeasurement> {
  return runJob(async (s) => {
    await loadSource(s, options.mediaUrl, list.sourceHash)
    return measureIn(s, list, list.processing, isNormalized, options)
  }, options.signal)
}

async function renderIn(
  s: Session,
  list: EditList,
  processing: Processing,
  format: OutputFormat,
  tags: ExportTags | undefined,
  o: JobOptions,
) {
  const output = format.kind === 'mp3' ? '/render.mp3' : '/render.wav'
  const args = renderArgs({
    input: SOURCE,
    output,
    segments: toTimeline(list),
    processing,
    format,
    ...(tags ? { tags } : {}),
  })
  const { code } = await s.exec(args, { ...o, durationMs: editedDuration(list) })
  if (code !== 0) throw new Error(`ffmpeg: rendering failed (${code})`)
  const data = await s.ff.readFile(output)
  await s.ff.deleteFile(output)
  if (!(data instanceof Uint8Array)) throw new Error('ffmpeg: the render is not binary')
  return data
}

/** Renders the edit list (edits, denoise, normalisation) to MP3 or WAV bytes. */
export function renderJob(
  list: EditList,
  format: OutputFormat,
  tags: ExportTags | undefined,
  options: MediaOptions,
): Promise<Uint8Array> {
  return runJob(async (s) => {
    await loadSource(s, options.mediaUrl, list.sourceHash)
    return renderIn(s, list, list.processing, format, tags, options)
  }, options.signal)
}

export interface NormalizeResult {
  processing: Processing
  before: LoudnessMeasurement
  /** The trial render measured before the final correction. */
  trial: LoudnessMeasurement
}

/**
 * "Chuẩn hóa âm lượng": measure the edited take, apply the gain to the target with the limiter,
 * render it as the export format and measure that, then correct the gain by what is still
 * missing (the limiter and MP3 encoding each take a little off). Three passes over the take.
 */
export function normalizeJob(
  list: EditList,
  target: LoudnessTarget,
  format: OutputFormat,
  options: MediaOptions,
): Promise<NormalizeResult> {
  const step = (i: number) => (f: number) => options.onProgress?.((i + f) / 3)
  return runJob(async (s) => {
    await loadSource(s, options.mediaUrl, list.sourceHash)
    const base: Processing = { ...list.processing, normalizeGainDb: 0 }
    const before = await measureIn(s, list, base, false, { onProgress: step(0) })
    const gain = gainToTarget(before, target)
    if (gain === 0) return { processing: base, before, trial: before }
    const first: Processing = {
      ...base,
      normalizeGainDb: gain,
      targetLufs: target.targetLufs,
      ceilingDbtp: target.ceilingDbtp,
    }
    const rendered = await renderIn(s, list, first, format, undefined, { onProgress: step(1) })
    const name = format.kind === 'mp3' ? '/trial.mp3' : '/trial.wav'
    await s.ff.writeFile(name, rendered)
    const { log } = await s.exec(fileMeasureArgs(name), { durationMs: editedDuration(list), onProgress: step(2) })
    await s.ff.deleteFile(name)
    const trial = parseMeasurement(log, editedDuration(list))
    return { processing: { ...first, normalizeGainDb: correctedGain(gain, trial, target) }, before, trial }
  }, options.signal)
}
