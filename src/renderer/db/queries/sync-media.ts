/**
 * The Dexie side of a `MediaUploader`: which audio files the province does not hold yet and how
 * their state moves. The uploader in main sends the bytes (tus); this says what to send and
 * records the outcome: `uploading` with confirmed bytes while it runs, `uploaded` only once the
 * province has verified the SHA-256 (the engine calls `markVerified` after `mediaStatus`).
 */
import type { DaixaDb } from '../database'
import { provinceMediaOf } from './renditions'

export interface PendingMediaRow {
  hash: string
  size: number
  mime: string
  announcementId: string
}

/** The media store keeps WAV (RIFF, 16-bit PCM) files. */
const MEDIA_MIME = 'audio/wav'

/**
 * Files not yet verified by the province that an announcement references there (oldest first):
 * the audio that airs — an edited announcement's rendition, not its source (docs/sync.md,
 * "Which audio the province receives").
 */
export async function pendingMedia(db: DaixaDb): Promise<PendingMediaRow[]> {
  const assets = await db.mediaAssets
    .orderBy('createdAt')
    .filter((a) => a.uploadState !== 'uploaded')
    .toArray()
  if (assets.length === 0) return []
  const referenced = new Map<string, string>()
  await db.announcements.each((a) => {
    const { mediaHash } = provinceMediaOf(a)
    if (!referenced.has(mediaHash)) referenced.set(mediaHash, a.id)
  })
  return assets.flatMap((asset) => {
    const announcementId = referenced.get(asset.hash)
    return announcementId ? [{ hash: asset.hash, size: asset.sizeBytes, mime: MEDIA_MIME, announcementId }] : []
  })
}

export async function markMediaProgress(db: DaixaDb, hash: string, confirmedBytes: number): Promise<void> {
  await db.mediaAssets.update(hash, { uploadState: 'uploading', uploadedBytes: confirmedBytes })
}

export async function markMediaVerified(db: DaixaDb, hash: string): Promise<void> {
  await db.transaction('rw', db.mediaAssets, async () => {
    const asset = await db.mediaAssets.get(hash)
    if (asset) await db.mediaAssets.update(hash, { uploadState: 'uploaded', uploadedBytes: asset.sizeBytes })
  })
}
