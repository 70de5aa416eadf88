/**
 * Announcement queries and writes. A write to a synced table and its outbox entry happen in one
 * transaction, so the province always hears about every change made offline — or about none.
 */
import { newId } from '../../../shared/ids'
import type { FinishedMedia } from '../../../shared/ipc/recording'
import type { Announcement, MediaAsset } from '../../../shared/model/announcement'
import type { DaixaDb } from '../database'

export function listAnnouncements(db: DaixaDb): Promise<Announcement[]> {
  return db.announcements.orderBy('createdAt').reverse().toArray()
}

/** Stores a finished recording as a draft announcement plus its media asset. */
export async function addRecordedAnnouncement(
  db: DaixaDb,
  media: FinishedMedia,
  now = new Date(),
): Promise<Announcement> {
  const at = now.toISOString()
  const announcement: Announcement = {
    id: newId(),
    title: media.title,
    kind: 'notice',
    language: 'vi',
    priority: 'normal',
    approval: 'draft',
    source: 'recording',
    mediaHash: media.hash,
    durationMs: media.durationMs,
    category: '',
    author: null,
    validFrom: null,
    validTo: null,
    approvedBy: null,
    approvedAt: null,
    createdAt: at,
    updatedAt: at,
  }
  const asset: MediaAsset = {
    hash: media.hash,
    sizeBytes: media.sizeBytes,
    durationMs: media.durationMs,
    sampleRate: media.sampleRate,
    channels: media.channels,
    createdAt: at,
    uploadState: 'local',
    uploadedBytes: 0,
  }
  await db.transaction('rw', [db.announcements, db.mediaAssets, db.outbox], async () => {
    await db.mediaAssets.put(asset)
    await db.announcements.add(announcement)
    await db.outbox.add({
      id: newId(),
      entity: 'announcement',
      entityId: announcement.id,
      op: 'create',
      baseVersion: null,
      payload: announcement,
      createdAt: at,
      attempts: 0,
    })
  })
  return announcement
}

export async function renameAnnouncement(db: DaixaDb, id: string, title: string, now = new Date()): Promise<void> {
  const at = now.toISOString()
  await db.transaction('rw', [db.announcements, db.outbox], async () => {
    const updated = await db.announcements.update(id, { title, updatedAt: at })
    if (updated === 0) return
    await db.outbox.add({
      id: newId(),
      entity: 'announcement',
      entityId: id,
      op: 'update',
      baseVersion: null,
      payload: { title, updatedAt: at },
      createdAt: at,
      attempts: 0,
    })
  })
}

/** Whether deleting this announcement leaves its media file unused (so the file may go too). */
export async function isLastUseOfMedia(db: DaixaDb, announcement: Announcement): Promise<boolean> {
  return (await db.announcements.where('mediaHash').equals(announcement.mediaHash).count()) <= 1
}

/** Removes the announcement, and its media asset row when no other announcement uses it. */
export async function deleteAnnouncementRows(db: DaixaDb, id: string, now = new Date()): Promise<void> {
  const at = now.toISOString()
  await db.transaction('rw', [db.announcements, db.mediaAssets, db.outbox], async () => {
    const row = await db.announcements.get(id)
    if (!row) return
    await db.announcements.delete(id)
    if ((await db.announcements.where('mediaHash').equals(row.mediaHash).count()) === 0) {
      await db.mediaAssets.delete(row.mediaHash)
    }
    await db.outbox.add({
      id: newId(),
      entity: 'announcement',
      entityId: id,
      op: 'delete',
      baseVersion: null,
      payload: null,
      createdAt: at,
      attempts: 0,
    })
  })
}
