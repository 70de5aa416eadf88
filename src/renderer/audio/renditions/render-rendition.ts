/**
 * Producing renditions (docs/audio.md, "Renditions"): the rendered WAV of an edit list, through
 * the cache — a list already rendered (and its file still in the store) is never rendered again;
 * otherwise ffmpeg.wasm renders it (verified on the file when it carries a loudness decision),
 * the media store keeps it under its own SHA-256, and the cache remembers it. The source file is
 * never altered.
 */
import type { EditList } from '../../../shared/editor/edit-list'
import { renditionKey } from './rendition-key'
import { appDatabase } from '../../db/database'
import { getAnnouncement } from '../../db/queries/announcements'
import {
  airAudioOf,
  attachRendition,
  cacheRendition,
  takeCachedRendition,
  type AirAudio,
  type RenderedWav,
} from '../../db/queries/renditions'
import type { JobOptions } from '../ffmpeg/engine'
import { renderWavJob } from '../ffmpeg/jobs'
import { isStoredWav, mediaUrlOf } from '../ffmpeg/media-url'
import { storeBytes } from '../ffmpeg/store-upload'

export interface Rendition extends RenderedWav {
  key: string
}

/** The rendition of `list`: from the cache when its file is there, else rendered and stored now. */
export async function renditionFor(list: EditList, options: JobOptions = {}): Promise<Rendition> {
  const db = appDatabase()
  const key = await renditionKey(list)
  const cached = await takeCachedRendition(db, key)
  if (cached && (await isStoredWav(cached.hash))) {
    options.onProgress?.(1)
    return { key, hash: cached.hash, durationMs: cached.durationMs, sizeBytes: cached.sizeBytes }
  }
  const render = (f: number) => options.onProgress?.(0.95 * f)
  const bytes = await renderWavJob(list, {
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: render,
    mediaUrl: await mediaUrlOf(),
  })
  const stored = await storeBytes(bytes, 'wav', options.signal ? { signal: options.signal } : {})
  const file = { hash: stored.hash, durationMs: stored.durationMs, sizeBytes: stored.sizeBytes }
  await cacheRendition(db, list, key, file)
  options.onProgress?.(1)
  return { key, ...file }
}

export class NotRenderedError extends Error {
  constructor(readonly announcementId: string) {
    super(`renditions: announcement ${announcementId} changed while it was being rendered`)
    this.name = 'NotRenderedError'
  }
}

/**
 * Makes the announcement's aired audio ready: nothing to do when its edit list changes nothing or
 * its rendition's file is there; else renders (or reuses) the rendition and attaches it. Throws
 * NotRenderedError when the edit list changed meanwhile (render again for the new one).
 */
export async function ensureRendition(
  announcementId: string,
  options: JobOptions = {},
): Promise<Extract<AirAudio, { state: 'ready' }>> {
  const db = appDatabase()
  const row = await getAnnouncement(db, announcementId)
  if (!row) throw new NotRenderedError(announcementId)
  const air = airAudioOf(row)
  if (air.state === 'ready' && (!air.isRendition || (await isStoredWav(air.hash)))) return air
  if (!row.editList) throw new NotRenderedError(announcementId)
  const rendition = await renditionFor(row.editList, options)
  const now = await attachRendition(db, announcementId, row.editList, rendition.key, rendition)
  const after = now ? airAudioOf(now) : null
  if (after?.state !== 'ready') throw new NotRenderedError(announcementId)
  return after
}
