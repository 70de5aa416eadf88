/**
 * The audio job API of the renderer: everything that runs ffmpeg.wasm. One engine instance,
 * one job at a time, each with `onProgress` (0..1) and an AbortSignal to cancel; after any
 * failure the next job gets a fresh instance.
 *
 *   const a = await importFile(file, { onProgress, signal })    // → draft announcement
 *   const m = await measure(editList, { isNormalized: false })  // LUFS, dBTP, end silences
 *   const n = await normalize(editList, prefs.loudness)          // → processing with the gain
 *   const mp3 = await render({ ...editList, processing: n.processing }, { kind: 'mp3', bitrateKbps: 96 }, tags)
 *   const stored = await storeRendered(mp3)                      // the upload format, in the store
 *   downloadBytes(mp3, exportFileName(title, 'mp3'))
 *
 * `render` exports the edit list's rendition (src/renderer/audio/renditions: rendered once, kept
 * in the media store, reused), encoded to the format with its own loudness correction measured
 * on the encoded file. Errors: `DecodeError` (file name + reason: empty / not-audio /
 * no-audio-stream / damaged), `JobCancelledError` when the signal aborted, `BridgeError` from the
 * store. Filter graphs and procedures: src/shared/editor (the same code native ffmpeg runs in tests).
 */
import type { EditList } from '../../../shared/editor/edit-list'
import type { LoudnessMeasurement, LoudnessTarget } from '../../../shared/editor/loudness'
import type { ExportTags, OutputFormat } from '../../../shared/editor/render-graph'
import { targetOf } from '../../../shared/editor/render-jobs'
import { needsRendering } from '../../../shared/editor/rendition'
import type { StoredMedia } from '../../../shared/ipc/media'
import { call } from '../../bridge/bridge'
import { renditionFor } from '../renditions/render-rendition'
import type { JobOptions } from './engine'
import { encodeJob, measureJob, normalizeJob, type NormalizeResult } from './jobs'
import { mediaUrlOf } from './media-url'
import { withStation } from './station-tags'
import { storeBytes } from './store-upload'

export { JobCancelledError, resetEngine, engineStats, type JobOptions } from './engine'
export { DecodeError, type NormalizeResult } from './jobs'
export { importFile } from './import-file'
export { stationTagArgs } from './station-tags'
export { downloadBytes } from './download'
export { exportFileName, titleFromFileName } from './file-names'

export interface MeasureOptions extends JobOptions {
  /** With the edit list's normalisation applied (what the export will measure) or without. */
  isNormalized?: boolean
}

export async function measure(list: EditList, options: MeasureOptions = {}): Promise<LoudnessMeasurement> {
  return measureJob(list, options.isNormalized ?? true, { ...options, mediaUrl: await mediaUrlOf() })
}

/** Computes the normalisation gain to the target, verified on the rendered WAV. */
export async function normalize(
  list: EditList,
  target: LoudnessTarget,
  options: JobOptions = {},
): Promise<NormalizeResult> {
  return normalizeJob(list, target, { ...options, mediaUrl: await mediaUrlOf() })
}

/** The station's name from Settings ("Tên đài"), '' when none is set. */
export async function stationName(): Promise<string> {
  const prefs = await call('settings:get', {})
  return prefs.stationName?.trim() ?? ''
}

/**
 * Exports the edit list: its rendition (rendered once and kept, or the source when the list
 * changes nothing) encoded to the format, the loudness checked on the encoded file and corrected
 * for this format. An MP3 with tags also carries the station's name (Settings → "Tên đài").
 */
export async function render(
  list: EditList,
  format: OutputFormat,
  tags?: ExportTags,
  options: JobOptions = {},
): Promise<Uint8Array> {
  const tagged = tags && format.kind === 'mp3' ? withStation(tags, await stationName()) : tags
  const signal = options.signal ? { signal: options.signal } : {}
  const share = (from: number, to: number) => (f: number) => options.onProgress?.(from + (to - from) * f)
  const wav = needsRendering(list)
    ? await renditionFor(list, { ...signal, onProgress: share(0, 0.6) })
    : { hash: list.sourceHash, durationMs: list.sourceDurationMs }
  const request = {
    hash: wav.hash,
    durationMs: wav.durationMs,
    format,
    ...(tagged ? { tags: tagged } : {}),
    target: targetOf(list.processing),
  }
  return encodeJob(request, { ...signal, onProgress: share(0.6, 1), mediaUrl: await mediaUrlOf() })
}

/** Stores a rendered MP3 in the media store (`<hash>.mp3`), the format uploaded to the province. */
export function storeRendered(mp3: Uint8Array, options: JobOptions = {}): Promise<StoredMedia> {
  return storeBytes(mp3, 'mp3', options)
}
