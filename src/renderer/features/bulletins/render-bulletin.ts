/**
 * Renders a bulletin to one file with the pipeline's ffmpeg.wasm engine (one job at a time,
 * progress, cancel). Each part's audio is gathered first: an announcement with an edit list is
 * rendered as edited (the pipeline's own render, to WAV), anything else is the stored file. Then
 * one job writes the inputs into the engine's memory and runs the bulletin graph
 * (src/shared/editor/bulletin-graph.ts, the same arguments native ffmpeg runs in the tests).
 * An MP3 is tagged with the station's name (Settings → "Tên đài") as artist and publisher.
 */
import type { BulletinPart } from '../../../shared/editor/bulletin'
import { bulletinDuration } from '../../../shared/editor/bulletin'
import { bulletinRenderArgs, type BulletinFormat } from '../../../shared/editor/bulletin-graph'
import { render, stationName, stationTagArgs } from '../../audio/ffmpeg'
import { runJob, type JobOptions } from '../../audio/ffmpeg/engine'
import { call } from '../../bridge/bridge'
import { appDatabase } from '../../db/database'
import { getAnnouncement } from '../../db/queries/announcements'

async function partBytes(part: BulletinPart, mediaBase: string, signal?: AbortSignal): Promise<Uint8Array> {
  if (part.source.type === 'announcement') {
    const announcement = await getAnnouncement(appDatabase(), part.source.id)
    if (announcement?.editList && announcement.editList.ops.length > 0) {
      return render(announcement.editList, { kind: 'wav' }, undefined, signal ? { signal } : {})
    }
  }
  const response = await fetch(`${mediaBase}${part.mediaHash}.wav`, signal ? { signal } : {})
  if (!response.ok) throw new Error(`bulletins: media ${part.mediaHash} answered HTTP ${response.status}`)
  return new Uint8Array(await response.arrayBuffer())
}

export async function renderBulletin(
  parts: readonly BulletinPart[],
  format: BulletinFormat,
  title: string,
  options: JobOptions = {},
): Promise<Uint8Array> {
  const { mediaBaseUrl } = await call('app:info', {})
  const station = format.kind === 'mp3' ? await stationName() : ''
  const inputs: Uint8Array[] = []
  for (const part of parts) inputs.push(await partBytes(part, mediaBaseUrl, options.signal))
  return runJob(async (s) => {
    const names = inputs.map((_, i) => `/bulletin-in${i}.wav`)
    const output = format.kind === 'mp3' ? '/bulletin.mp3' : '/bulletin.wav'
    try {
      for (const [i, bytes] of inputs.entries()) await s.ff.writeFile(names[i] as string, bytes)
      const args = bulletinRenderArgs({ inputs: names, parts, output, format, title })
      // Options before the output file apply to it: the station's name beside the title.
      args.splice(args.length - 1, 0, ...stationTagArgs(station))
      const { code } = await s.exec(args, { ...options, durationMs: bulletinDuration(parts) })
      if (code !== 0) throw new Error(`bulletins: rendering failed (${code})`)
      const data = await s.ff.readFile(output)
      if (!(data instanceof Uint8Array)) throw new Error('bulletins: the render is not binary')
      return data
    } finally {
      for (const name of [...names, output]) await s.ff.deleteFile(name).catch(() => undefined)
    }
  }, options.signal)
}
