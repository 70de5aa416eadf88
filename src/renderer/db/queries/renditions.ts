/**
 * Renditions in Dexie (docs/audio.md, "Renditions"): which audio an announcement airs, the cache
 * of rendered edit lists, and what may be released. The rendering itself (ffmpeg.wasm) and the
 * media store are the caller's (src/renderer/audio/renditions); everything here is one Dexie
 * transaction at a time, so a rendition is attached only to the edit list it was rendered from.
 */
import { editedDuration, type EditList } from '../../../shared/editor/edit-list'
import { isSameAudio, needsRendering, type RenditionRef } from '../../../shared/editor/rendition'
import type { Announcement, MediaAsset } from '../../../shared/model/announcement'
import type { DaixaDb } from '../database'
import type { RenditionRow } from '../records'
import { outboxEntry } from './outbox'

/** The audio an announcement airs: ready (a file and its length) or not rendered yet. */
export type AirAudio =
  | { state: 'ready'; hash: string; durationMs: number; isRendition: boolean }
  | { state: 'not-rendered'; expectedDurationMs: number }

type AirFields = Pick<Announcement, 'mediaHash' | 'durationMs' | 'editList' | 'rendition'>

/**
 * What airs for this announcement, from its row alone: the source file when its edit list changes
 * nothing, the rendition of the edit list when one is attached, else "not rendered" (with the
 * length the edit list will have). Everything that airs, joins a bulletin, exports or uploads
 * audio of an announcement asks this (the schedule's library, trial playout, uploads).
 */
export function airAudioOf(a: AirFields): AirAudio {
  if (!needsRendering(a.editList)) {
    return { state: 'ready', hash: a.mediaHash, durationMs: a.durationMs, isRendition: false }
  }
  if (a.rendition) {
    return { state: 'ready', hash: a.rendition.hash, durationMs: a.rendition.durationMs, isRendition: true }
  }
  return { state: 'not-rendered', expectedDurationMs: a.editList ? editedDuration(a.editList) : a.durationMs }
}

/** The length shown anywhere for an announcement: the rendered one, or the one it will have. */
export function airDurationMs(a: AirFields): number {
  const air = airAudioOf(a)
  return air.state === 'ready' ? air.durationMs : air.expectedDurationMs
}

/**
 * The hash and length the province holds (or will) for this announcement: its aired audio, or,
 * while a new edit is not rendered yet, the file last sent (the rendition or the source).
 */
export function provinceMediaOf(a: AirFields): { mediaHash: string; durationMs: number } {
  const air = airAudioOf(a)
  if (air.state === 'ready') return { mediaHash: air.hash, durationMs: air.durationMs }
  return { mediaHash: a.mediaHash, durationMs: a.durationMs }
}

/** A rendered WAV as the media store answered. */
export interface RenderedWav {
  hash: string
  durationMs: number
  sizeBytes: number
}

/** The cached rendition for a key, its use time moved to now; undefined when there is none. */
export async function takeCachedRendition(
  db: DaixaDb,
  key: string,
  now = new Date(),
): Promise<RenditionRow | undefined> {
  return db.transaction('rw', db.renditions, async () => {
    const row = await db.renditions.get(key)
    if (row) await db.renditions.update(key, { usedAt: now.toISOString() })
    return row
  })
}

/**
 * Keeps a rendered WAV in the cache with its media asset (so it is uploaded like any file), its
 * use time now. Exports and bulletins render through the cache even before the edit list is saved.
 */
export async function cacheRendition(
  db: DaixaDb,
  list: Pick<EditList, 'sourceHash'>,
  key: string,
  file: RenderedWav,
  now = new Date(),
): Promise<void> {
  const at = now.toISOString()
  await db.transaction('rw', [db.renditions, db.mediaAssets], async () => {
    const existing = await db.renditions.get(key)
    await db.renditions.put({
      ...{ key, sourceHash: list.sourceHash, hash: file.hash, durationMs: file.durationMs },
      ...{ sizeBytes: file.sizeBytes, createdAt: existing?.createdAt ?? at, usedAt: at },
    })
    if (!(await db.mediaAssets.get(file.hash))) await db.mediaAssets.put(renditionAsset(file, at))
  })
}

/**
 * Caches a rendered WAV and attaches it to the announcement when the announcement's edit list
 * still renders this audio (`list` is the edit list it was rendered from). Attaching queues an
 * outbox update carrying the new hash and length: the province receives the audio that airs.
 * Answers the row as it is now.
 */
export async function attachRendition(
  db: DaixaDb,
  announcementId: string,
  list: EditList,
  key: string,
  file: RenderedWav,
  now = new Date(),
): Promise<Announcement | undefined> {
  const at = now.toISOString()
  const tables = [db.announcements, db.renditions, db.mediaAssets, db.outbox]
  return db.transaction('rw', tables, async () => {
    await cacheRendition(db, list, key, file, now)
    const announcement = await db.announcements.get(announcementId)
    if (!announcement || !isSameAudio(announcement.editList, list)) return announcement
    const ref: RenditionRef = { key, hash: file.hash, durationMs: file.durationMs }
    if (announcement.rendition?.hash === ref.hash) return announcement
    await db.announcements.update(announcementId, { rendition: ref })
    const payload = { mediaHash: ref.hash, durationMs: ref.durationMs }
    const base = announcement.serverVersion ?? null
    await db.outbox.add(outboxEntry('announcement', announcementId, 'update', payload, at, base))
    return { ...announcement, rendition: ref }
  })
}

/** A rendition's media asset: the store's format (mono 44.1 kHz 16-bit WAV), not uploaded yet. */
const renditionAsset = (file: RenderedWav, at: string): MediaAsset => ({
  ...{ hash: file.hash, sizeBytes: file.sizeBytes, durationMs: file.durationMs, sampleRate: 44_100 },
  ...{ channels: 1, createdAt: at, uploadState: 'local', uploadedBytes: 0 },
})

/** Renditions unused for this long are released (an undo within it reuses the file). */
export const RELEASE_AFTER_MS = 24 * 3600_000

/** Every media hash something still needs: announcements (source and rendition) and bulletins. */
async function hashesInUse(db: DaixaDb): Promise<Set<string>> {
  const used = new Set<string>()
  await db.announcements.each((a) => {
    used.add(a.mediaHash)
    if (a.rendition) used.add(a.rendition.hash)
  })
  await db.bulletins.each((b) => {
    if (b.renderedHash) used.add(b.renderedHash)
    for (const part of b.parts ?? []) used.add(part.mediaHash)
  })
  return used
}

/**
 * Whether anything still needs this file: an announcement (its source or its rendition), a
 * bulletin (its rendering or a part), or the renditions cache (released by its own sweep).
 */
export async function isMediaInUse(db: DaixaDb, hash: string): Promise<boolean> {
  if ((await db.renditions.where('hash').equals(hash).count()) > 0) return true
  return (await hashesInUse(db)).has(hash)
}

/** Forgets the media-asset row of a file that was deleted (when nothing took the hash meanwhile). */
export async function forgetMedia(db: DaixaDb, hash: string): Promise<void> {
  await db.transaction('rw', [db.mediaAssets, db.announcements, db.bulletins, db.renditions], async () => {
    if (!(await isMediaInUse(db, hash))) await db.mediaAssets.delete(hash)
  })
}

/** Renditions nothing refers to and unused for `RELEASE_AFTER_MS`: their files may be deleted. */
export async function releasableRenditions(db: DaixaDb, now = new Date()): Promise<RenditionRow[]> {
  const before = new Date(now.getTime() - RELEASE_AFTER_MS).toISOString()
  const stale = await db.renditions.where('usedAt').below(before).toArray()
  if (stale.length === 0) return []
  const used = await hashesInUse(db)
  // Two keys may render the same bytes: a file another recent rendition holds stays.
  await db.renditions
    .where('usedAt')
    .aboveOrEqual(before)
    .each((r) => void used.add(r.hash))
  return stale.filter((r) => !used.has(r.hash))
}

/**
 * Forgets a released rendition (after its file was deleted): its cache row, and its media asset
 * unless something took the hash meanwhile (then the asset stays and the caller's file check
 * re-renders it on demand).
 */
export async function forgetRendition(db: DaixaDb, row: RenditionRow): Promise<void> {
  await db.transaction('rw', [db.renditions, db.mediaAssets, db.announcements, db.bulletins], async () => {
    await db.renditions.delete(row.key)
    if (!(await hashesInUse(db)).has(row.hash)) await db.mediaAssets.delete(row.hash)
  })
}
