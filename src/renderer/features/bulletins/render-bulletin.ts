/**
 * Renders a bulletin with the pipeline's ffmpeg.wasm engine (one job at a time, progress, cancel).
 * Each part plays what airs: an announcement part its rendition (the announcement's edit list and
 * loudness decision rendered, src/renderer/audio/renditions), anything else its stored file. One
 * job joins them and brings the whole bulletin to the station's loudness, verified on the written
 * WAV (src/shared/editor/bulletin-render.ts, the code native ffmpeg runs in the tests): that
 * master is stored in the media store and is what airs and goes to the library. An export is the
 * master encoded to MP3 or WAV with its own loudness correction, tagged with the title and the
 * station's name (Settings → "Tên đài").
 */
import type { BulletinPart } from '../../../shared/editor/bulletin'
import type { BulletinFormat } from '../../../shared/editor/bulletin-graph'
import { renderBulletinMaster } from '../../../shared/editor/bulletin-render'
import { DEFAULT_LOUDNESS, type LoudnessTarget } from '../../../shared/editor/loudness'
import { needsRendering } from '../../../shared/editor/rendition'
import { stationName } from '../../audio/ffmpeg'
import { runJob, runnerOf, type JobOptions } from '../../audio/ffmpeg/engine'
import { encodeJob } from '../../audio/ffmpeg/jobs'
import { mediaUrlOf } from '../../audio/ffmpeg/media-url'
import { withStation } from '../../audio/ffmpeg/station-tags'
import { storeBytes } from '../../audio/ffmpeg/store-upload'
import { ensureRendition } from '../../audio/renditions/render-rendition'
import { call } from '../../bridge/bridge'
import { appDatabase } from '../../db/database'
import { getAnnouncement } from '../../db/queries/announcements'
import type { StoredMedia } from '../../../shared/ipc/media'

/** The station's loudness target (Settings → Âm lượng và xuất tệp). */
export async function stationTarget(): Promise<LoudnessTarget> {
  return (await call('settings:get', {})).loudness ?? DEFAULT_LOUDNESS
}

/**
 * The file a part plays. A part added before renditions existed snapshots an edited
 * announcement's source file: the announcement's aired audio replaces it (its length is the
 * edited length the part already holds).
 */
async function partHash(part: BulletinPart, signal?: AbortSignal): Promise<string> {
  if (part.source.type !== 'announcement') return part.mediaHash
  const a = await getAnnouncement(appDatabase(), part.source.id)
  if (!a || part.mediaHash !== a.mediaHash || !needsRendering(a.editList)) return part.mediaHash
  return (await ensureRendition(a.id, signal ? { signal } : {})).hash
}

async function partBytes(part: BulletinPart, mediaUrl: (hash: string) => string, signal?: AbortSignal) {
  const hash = await partHash(part, signal)
  const response = await fetch(mediaUrl(hash), signal ? { signal } : {})
  if (!response.ok) throw new Error(`bulletins: media ${hash} answered HTTP ${response.status}`)
  return new Uint8Array(await response.arrayBuffer())
}

/** Joins the parts into the bulletin's master WAV at the station's loudness, stored in the media store. */
export async function renderBulletinWav(
  parts: readonly BulletinPart[],
  options: JobOptions = {},
): Promise<StoredMedia> {
  const mediaUrl = await mediaUrlOf()
  const target = await stationTarget()
  const inputs: Uint8Array[] = []
  for (const part of parts) inputs.push(await partBytes(part, mediaUrl, options.signal))
  const master = await runJob(async (s) => {
    const runner = runnerOf(s)
    const names = inputs.map((_, i) => `bulletin-in${i}.wav`)
    const output = 'bulletin.wav'
    try {
      for (const [i, bytes] of inputs.entries()) await runner.writeFile(names[i] as string, bytes)
      await renderBulletinMaster({
        ...{ runner, inputs: names, parts: [...parts], output, target },
        ...(options.onProgress ? { onProgress: (f: number) => options.onProgress?.(0.9 * f) } : {}),
      })
      return await runner.readFile(output)
    } finally {
      for (const name of [...names, output]) await runner.deleteFile(name)
    }
  }, options.signal)
  const stored = await storeBytes(master, 'wav', options.signal ? { signal: options.signal } : {})
  options.onProgress?.(1)
  return stored
}

/** The master encoded for download, its loudness corrected on the encoded file for this format. */
export async function exportBulletin(
  master: Pick<StoredMedia, 'hash' | 'durationMs'>,
  format: BulletinFormat,
  title: string,
  options: JobOptions = {},
): Promise<Uint8Array> {
  const tags = format.kind === 'mp3' ? withStation({ title }, await stationName()) : undefined
  const request = { hash: master.hash, durationMs: master.durationMs, format, target: await stationTarget() }
  return encodeJob({ ...request, ...(tags ? { tags } : {}) }, { ...options, mediaUrl: await mediaUrlOf() })
}
