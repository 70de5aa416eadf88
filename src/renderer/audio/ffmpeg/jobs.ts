/**
 * The ffmpeg jobs of the editor and the renditions: measure, normalise, render an edit list to its
 * WAV rendition, encode an export from a rendered WAV (the import's decode is decode-slices.ts).
 * Each runs on the shared engine (one at a time, progress, cancel, a fresh instance after any
 * failure) and hands the session to the shared procedures (src/shared/editor/render-jobs.ts),
 * the same code the tests run on native ffmpeg.
 */
import type { DecodeFailureReason } from '../../../shared/audio/decode-args'
import type { EditList } from '../../../shared/editor/edit-list'
import type { LoudnessMeasurement, LoudnessTarget } from '../../../shared/editor/loudness'
import type { ExportTags, OutputFormat } from '../../../shared/editor/render-graph'
import {
  encodeExport,
  measureList,
  normalizeList,
  renderListWav,
  type NormalizeResult,
} from '../../../shared/editor/render-jobs'
import { onEngineReset, runJob, runnerOf, type JobOptions, type Session } from './engine'

export type { NormalizeResult }

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

const SOURCE = 'source.wav'
let cachedSource: string | null = null
onEngineReset(() => {
  cachedSource = null
})

/** Puts a stored WAV into the engine's memory as `source.wav` (kept while the hash stays the same). */
async function loadSource(s: Session, mediaUrl: (hash: string) => string, hash: string): Promise<void> {
  if (cachedSource === hash) return
  cachedSource = null
  const response = await fetch(mediaUrl(hash))
  if (!response.ok) throw new Error(`ffmpeg: media ${hash} answered HTTP ${response.status}`)
  await s.ff.writeFile(`/${SOURCE}`, new Uint8Array(await response.arrayBuffer()))
  cachedSource = hash
}

export interface MediaOptions extends JobOptions {
  /** URL of a media file by hash (`/media/<hash>.wav` in the browser host). */
  mediaUrl: (hash: string) => string
}

const progressOf = (o: JobOptions) => (o.onProgress ? { onProgress: o.onProgress } : {})

/** Loudness, true peak and end silences of the edited take, with or without its normalisation. */
export function measureJob(list: EditList, isNormalized: boolean, options: MediaOptions): Promise<LoudnessMeasurement> {
  return runJob(async (s) => {
    await loadSource(s, options.mediaUrl, list.sourceHash)
    return measureList({ runner: runnerOf(s), input: SOURCE, list, ...progressOf(options) }, isNormalized)
  }, options.signal)
}

/** "Chuẩn hóa âm lượng": the gain whose rendered WAV measures the target (±0.3 LU). */
export function normalizeJob(list: EditList, target: LoudnessTarget, options: MediaOptions): Promise<NormalizeResult> {
  return runJob(async (s) => {
    await loadSource(s, options.mediaUrl, list.sourceHash)
    return normalizeList({ runner: runnerOf(s), input: SOURCE, list, ...progressOf(options) }, target)
  }, options.signal)
}

/** The edit list rendered to its WAV rendition (verified on the file when it carries a loudness target). */
export function renderWavJob(list: EditList, options: MediaOptions): Promise<Uint8Array> {
  return runJob(async (s) => {
    await loadSource(s, options.mediaUrl, list.sourceHash)
    const runner = runnerOf(s)
    const output = 'rendition.wav'
    try {
      await renderListWav({ runner, input: SOURCE, list, ...progressOf(options) }, output)
      return await runner.readFile(output)
    } finally {
      await runner.deleteFile(output)
    }
  }, options.signal)
}

export interface EncodeRequest {
  /** The rendered WAV in the media store (a rendition, a bulletin's master, or an unedited source). */
  hash: string
  durationMs: number
  format: OutputFormat
  tags?: ExportTags
  /** The loudness it was rendered to: the encoded file is corrected to it; null = encode as it is. */
  target: LoudnessTarget | null
}

/** An export from a stored WAV, its loudness measured on the encoded file and corrected for this format. */
export function encodeJob(request: EncodeRequest, options: MediaOptions): Promise<Uint8Array> {
  return runJob(async (s) => {
    await loadSource(s, options.mediaUrl, request.hash)
    const runner = runnerOf(s)
    const output = request.format.kind === 'mp3' ? 'export.mp3' : 'export.wav'
    try {
      await encodeExport({
        runner,
        input: SOURCE,
        output,
        format: request.format,
        ...(request.tags ? { tags: request.tags } : {}),
        target: request.target,
        durationMs: request.durationMs,
        ...progressOf(options),
      })
      return await runner.readFile(output)
    } finally {
      await runner.deleteFile(output)
    }
  }, options.signal)
}
