/**
 * The audio job API of the renderer: everything that runs ffmpeg.wasm. One engine instance,
 * one job at a time, each with `onProgress` (0..1) and an AbortSignal to cancel.
 *
 *   const a = await importFile(file, { onProgress, signal })    // → draft announcement
 *   const m = await measure(editList, { isNormalized: false })  // LUFS, dBTP, end silences
 *   const n = await normalize(editList, prefs.loudness)          // → processing with the gain
 *   const mp3 = await render({ ...editList, processing: n.processing }, { kind: 'mp3', bitrateKbps: 96 }, tags)
 *   const stored = await storeRendered(mp3)                      // the upload format, in the store
 *   downloadBytes(mp3, exportFileName(title, 'mp3'))
 *
 * Errors: `DecodeError` (file name + reason: empty / not-audio / no-audio-stream / damaged),
 * `JobCancelledError` when the signal aborted, `BridgeError` from the store. Loudness warnings
 * for a measurement: `loudnessWarnings()` in src/shared/editor/loudness. Filter graph and
 * arguments: src/shared/editor/render-graph (the same arguments native ffmpeg runs in tests).
 */
import type { EditList } from '../../../shared/editor/edit-list'
import type { LoudnessMeasurement, LoudnessTarget } from '../../../shared/editor/loudness'
import type { ExportTags, OutputFormat } from '../../../shared/editor/render-graph'
import type { StoredMedia } from '../../../shared/ipc/media'
import { call } from '../../bridge/bridge'
import type { JobOptions } from './engine'
import { measureJob, normalizeJob, renderJob, type NormalizeResult } from './jobs'
import { withStation } from './station-tags'
import { storeBytes } from './store-upload'

export { JobCancelledError, resetEngine, type JobOptions } from './engine'
export { DecodeError, type NormalizeResult } from './jobs'
export { importFile } from './import-file'
export { stationTagArgs } from './station-tags'
export { downloadBytes } from './download'
export { exportFileName, titleFromFileName } from './file-names'

let mediaBase: Promise<string> | null = null
/** URL of a stored WAV by hash, from the host's `mediaBaseUrl`. */
async function mediaUrlOf(): Promise<(hash: string) => string> {
  mediaBase ??= call('app:info', {}).then((info) => info.mediaBaseUrl)
  const base = await mediaBase
  return (hash) => `${base}${hash}.wav`
}

export interface MeasureOptions extends JobOptions {
  /** With the edit list's normalisation applied (what the export will measure) or without. */
  isNormalized?: boolean
}

export async function measure(list: EditList, options: MeasureOptions = {}): Promise<LoudnessMeasurement> {
  return measureJob(list, options.isNormalized ?? true, { ...options, mediaUrl: await mediaUrlOf() })
}

/** Computes the normalisation gain to the target for the given export format (MP3 by default). */
export async function normalize(
  list: EditList,
  target: LoudnessTarget,
  format: OutputFormat = { kind: 'mp3', bitrateKbps: 96 },
  options: JobOptions = {},
): Promise<NormalizeResult> {
  return normalizeJob(list, target, format, { ...options, mediaUrl: await mediaUrlOf() })
}

/** The station's name from Settings ("Tên đài"), '' when none is set. */
export async function stationName(): Promise<string> {
  const prefs = await call('settings:get', {})
  return prefs.stationName?.trim() ?? ''
}

/** Renders the edit list; an MP3 with tags also carries the station's name (Settings → "Tên đài"). */
export async function render(
  list: EditList,
  format: OutputFormat,
  tags?: ExportTags,
  options: JobOptions = {},
): Promise<Uint8Array> {
  const tagged = tags && format.kind === 'mp3' ? withStation(tags, await stationName()) : tags
  return renderJob(list, format, tagged, { ...options, mediaUrl: await mediaUrlOf() })
}

/** Stores a rendered MP3 in the media store (`<hash>.mp3`), the format uploaded to the province. */
export function storeRendered(mp3: Uint8Array, options: JobOptions = {}): Promise<StoredMedia> {
  return storeBytes(mp3, 'mp3', options)
}
