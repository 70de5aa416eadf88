/**
 * Announcement queries and writes. A write to a synced table and its outbox entry happen in one
 * transaction, so the province always hears about every change made offline — or about none.
 */
import { CodedError } from '../../../shared/result'
import type { z } from 'zod'
import type { InputAudio } from '../../../shared/audio/decode-args'
import { editListSchema, type EditList } from '../../../shared/editor/edit-list'
import { isSameAudio, needsRendering, type RenditionRef } from '../../../shared/editor/rendition'
import { newId } from '../../../shared/ids'
import type { StoredMedia } from '../../../shared/ipc/media'
import type { FinishedMedia } from '../../../shared/ipc/recording'
import { announcementSchema, type Announcement, type MediaAsset } from '../../../shared/model/announcement'
import type { ContentKind } from '../../../shared/model/common'
import type { DaixaDb } from '../database'
import { outboxEntry } from './outbox'
import { airAudioOf, provinceMediaOf } from './renditions'

export function listAnnouncements(db: DaixaDb): Promise<Announcement[]> {
  return db.announcements.orderBy('createdAt').reverse().toArray()
}

/** What a new announcement's audio is: the stored file and what its media asset row records. */
export interface NewAnnouncementMedia {
  hash: string
  sizeBytes: number
  durationMs: number
  sampleRate: number
  channels: number
  /** An imported file's own format (the stored WAV is mono 44.1 kHz). */
  input?: InputAudio | null
}

/** What differs between the ways an announcement is made; the rest starts as a plain draft. */
export interface NewAnnouncement {
  title: string
  source: Announcement['source']
  /** Default 'notice' (thông báo). */
  kind?: ContentKind
  media: NewAnnouncementMedia
  /** An edit list from the start (text-to-speech: its loudness normalisation). */
  editList?: EditList
  /** The rendition of that edit list, when already rendered: what the province receives. */
  rendition?: RenditionRef
}

/**
 * Stores a draft announcement (in Vietnamese, normal priority, not yet approved), its media asset
 * and its outbox entry in one transaction: the province hears about it, or nothing is written.
 * Inside a caller's transaction that holds these tables, it joins that one.
 */
export async function addAnnouncement(db: DaixaDb, fields: NewAnnouncement, now = new Date()): Promise<Announcement> {
  const at = now.toISOString()
  const { media } = fields
  const announcement: Announcement = {
    ...{ id: newId(), title: fields.title, kind: fields.kind ?? 'notice', language: 'vi', priority: 'normal' },
    ...{ approval: 'draft', source: fields.source, mediaHash: media.hash, durationMs: media.durationMs },
    ...{ category: '', author: null, validFrom: null, validTo: null, approvedBy: null, approvedAt: null },
    ...{ createdAt: at, updatedAt: at },
    ...(fields.editList ? { editList: fields.editList, rendition: fields.rendition ?? null } : {}),
  }
  const asset: MediaAsset = {
    ...{ hash: media.hash, sizeBytes: media.sizeBytes, durationMs: media.durationMs, sampleRate: media.sampleRate },
    ...{ channels: media.channels, createdAt: at, uploadState: 'local', uploadedBytes: 0 },
    ...(media.input ? { input: media.input } : {}),
  }
  await db.transaction('rw', [db.announcements, db.mediaAssets, db.outbox], async () => {
    await db.mediaAssets.put(asset)
    await db.announcements.add(announcement)
    // The province receives the audio that airs (the rendition when there is one).
    const payload = { ...announcement, ...provinceMediaOf(announcement) }
    await db.outbox.add(outboxEntry('announcement', announcement.id, 'create', payload, at))
  })
  return announcement
}

/** Stores a finished recording as a draft announcement plus its media asset. */
export function addRecordedAnnouncement(db: DaixaDb, media: FinishedMedia, now = new Date()): Promise<Announcement> {
  return addAnnouncement(db, { title: media.title, source: 'recording', media }, now)
}

/**
 * Stores an imported file (decoded into the media store) as a draft announcement with its media
 * asset and outbox entry, in one transaction. The title comes from the file name. The asset
 * records the stored WAV as it is (the rate main verified, mono) and the officer's file as it came.
 */
export function addImportedAnnouncement(
  db: DaixaDb,
  media: StoredMedia,
  title: string,
  input: InputAudio | null = null,
  now = new Date(),
): Promise<Announcement> {
  const channels = 1 // the import decode downmixes to mono (decodeArgs: -ac 1); main verifies it
  return addAnnouncement(db, { title, source: 'import', media: { ...media, channels, input } }, now)
}

export async function renameAnnouncement(db: DaixaDb, id: string, title: string, now = new Date()): Promise<void> {
  const at = now.toISOString()
  await db.transaction('rw', [db.announcements, db.outbox], async () => {
    const updated = await db.announcements.update(id, { title, updatedAt: at })
    if (updated === 0) return
    await db.outbox.add(outboxEntry('announcement', id, 'update', { title, updatedAt: at }, at))
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
    await db.outbox.add(outboxEntry('announcement', id, 'delete', null, at))
  })
}

/** Why a metadata, approval or edit write was refused (translated as `editor.errors.<code>`). */
export type AnnouncementErrorCode = 'not-found' | 'invalid' | 'wrong-state' | 'not-rendered'

export class AnnouncementError extends CodedError<AnnouncementErrorCode> {
  override readonly name = 'AnnouncementError'
}

/** What the metadata form may change. Approval has its own functions below. */
export const announcementMetadataSchema = announcementSchema
  .pick({
    title: true,
    kind: true,
    category: true,
    language: true,
    priority: true,
    author: true,
    validFrom: true,
    validTo: true,
  })
  .partial()
  .strict()
  .refine((m) => !m.validFrom || !m.validTo || m.validFrom < m.validTo, 'validTo must be after validFrom')
export type AnnouncementMetadata = z.infer<typeof announcementMetadataSchema>

/** Applies `change(row)` to one announcement and queues the changed fields, in one transaction. */
async function updateWithOutbox(
  db: DaixaDb,
  id: string,
  now: Date,
  change: (row: Announcement) => Partial<Announcement>,
): Promise<Announcement> {
  const at = now.toISOString()
  return db.transaction('rw', [db.announcements, db.outbox], async () => {
    const row = await db.announcements.get(id)
    if (!row) throw new AnnouncementError('not-found', `announcement ${id} not found`)
    const payload = { ...change(row), updatedAt: at }
    await db.announcements.update(id, payload)
    await db.outbox.add(outboxEntry('announcement', id, 'update', payload, at, row.serverVersion ?? null))
    return { ...row, ...payload }
  })
}

/** Title, kind, category, language, priority, author, validity window. */
export async function updateAnnouncementMetadata(
  db: DaixaDb,
  id: string,
  metadata: AnnouncementMetadata,
  now = new Date(),
): Promise<Announcement> {
  const parsed = announcementMetadataSchema.safeParse(metadata)
  if (!parsed.success) throw new AnnouncementError('invalid', parsed.error.message)
  const clean = parsed.data
  return updateWithOutbox(db, id, now, (row) => {
    const from = clean.validFrom !== undefined ? clean.validFrom : row.validFrom
    const to = clean.validTo !== undefined ? clean.validTo : row.validTo
    if (from && to && from >= to) throw new AnnouncementError('invalid', 'validTo must be after validFrom')
    return clean
  })
}

/** draft → awaiting approval. */
export function requestApproval(db: DaixaDb, id: string, now = new Date()): Promise<Announcement> {
  return updateWithOutbox(db, id, now, (row) => {
    if (row.approval !== 'draft') throw new AnnouncementError('wrong-state', `announcement ${id} is ${row.approval}`)
    return { approval: 'awaiting-approval' }
  })
}

/**
 * awaiting approval → approved, recording who approved it and when. An edited announcement is
 * approved only once its rendition is attached (the screen renders it first: ensureRendition).
 */
export async function approveAnnouncement(
  db: DaixaDb,
  id: string,
  approver: string,
  now = new Date(),
): Promise<Announcement> {
  const name = approver.trim()
  if (!name || name.length > 200) throw new AnnouncementError('invalid', 'approver name required')
  return updateWithOutbox(db, id, now, (row) => {
    if (row.approval !== 'awaiting-approval')
      throw new AnnouncementError('wrong-state', `announcement ${id} is ${row.approval}`)
    // What is approved is what airs: the rendering of the current edit list must exist.
    if (airAudioOf(row).state !== 'ready')
      throw new AnnouncementError('not-rendered', `announcement ${id} has no rendering of its edits yet`)
    return { approval: 'approved', approvedBy: name, approvedAt: now.toISOString() }
  })
}

/** Back to draft (from awaiting approval or approved): the approval is withdrawn. */
export function returnToDraft(db: DaixaDb, id: string, now = new Date()): Promise<Announcement> {
  return updateWithOutbox(db, id, now, () => ({ approval: 'draft', approvedBy: null, approvedAt: null }))
}

/**
 * Stores the editor's edit list. When its audio changes (not only markers), the rendition of the
 * old list no longer airs: it is detached (the keeper renders the new list), and an approved
 * announcement goes back to draft, because what was approved is no longer what would air. Going
 * back to a list that changes nothing makes the source the aired audio again, and the province is
 * told so in the same outbox entry.
 */
export async function saveEditList(
  db: DaixaDb,
  id: string,
  editList: EditList,
  now = new Date(),
): Promise<Announcement> {
  const parsed = editListSchema.safeParse(editList)
  if (!parsed.success) throw new AnnouncementError('invalid', parsed.error.message)
  const clean = parsed.data
  return updateWithOutbox(db, id, now, (row) => {
    if (clean.sourceHash !== row.mediaHash)
      throw new AnnouncementError('invalid', 'edit list is for another media file')
    if (isSameAudio(row.editList, clean)) return { editList: clean }
    const withdrawn =
      row.approval === 'approved' ? { approval: 'draft' as const, approvedBy: null, approvedAt: null } : {}
    const sourceAirs = needsRendering(clean) ? {} : { mediaHash: row.mediaHash, durationMs: row.durationMs }
    return { editList: clean, rendition: null, ...withdrawn, ...sourceAirs }
  })
}

export function getAnnouncement(db: DaixaDb, id: string): Promise<Announcement | undefined> {
  return db.announcements.get(id)
}

/**
 * Stores synthesised speech (source 'speech') as a draft announcement in the officer's language,
 * with its media asset: the same rows as a recording, so it is edited, approved and aired like one.
 * `normalised` is its loudness normalisation (edit list) and that list's rendition.
 */
export function addSpeechAnnouncement(
  db: DaixaDb,
  media: { hash: string; sizeBytes: number; durationMs: number; sampleRate: number },
  title: string,
  normalised: { editList?: EditList; rendition?: RenditionRef } = {},
  now = new Date(),
): Promise<Announcement> {
  return addAnnouncement(db, { title, source: 'speech', media: { ...media, channels: 1 }, ...normalised }, now)
}
