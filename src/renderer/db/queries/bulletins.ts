/**
 * Bulletin queries and writes. Content is checked with the model's zod schema before it is stored,
 * so a row always holds a bulletin the renderer can play. Changing the parts of an approved
 * bulletin withdraws its approval (what was approved is no longer what would air).
 *
 * Outbox: Province API v1 has no bulletins, and the outbox does not know the entity yet, so these
 * writes queue nothing today (see the feature's note in docs/tts.md); once the API has bulletins,
 * each write here adds its outbox entry inside the transaction it already opens. What reaches the
 * province today is a rendering saved to the library (`saveBulletinToLibrary`): an announcement.
 */
import { CodedError } from '../../../shared/result'
import { bulletinContentSchema, DEFAULT_TIME_LIMIT_MIN, type BulletinContent } from '../../../shared/editor/bulletin'
import { newId } from '../../../shared/ids'
import type { Announcement } from '../../../shared/model/announcement'
import type { ContentKind } from '../../../shared/model/common'
import type { DaixaDb } from '../database'
import type { BulletinRow, RenderedFileRow } from '../records'
import { addAnnouncement } from './announcements'

/** A bulletin row with its feature fields filled in (rows made before them get defaults). */
export type Bulletin = BulletinRow &
  Required<Pick<BulletinRow, 'parts' | 'timeLimitMin' | 'createdAt' | 'renderedHash' | 'rendered'>>

/** The rendered file: its hash in the media store and what it is. */
export type RenderedFile = RenderedFileRow & { hash: string }

/** Why a bulletin write was refused (translated as `bulletins.errors.<code>`). */
export type BulletinErrorCode = 'not-found' | 'invalid' | 'not-rendered'

export class BulletinError extends CodedError<BulletinErrorCode> {
  override readonly name = 'BulletinError'
}

const complete = (row: BulletinRow): Bulletin => ({
  ...row,
  parts: row.parts ?? [],
  timeLimitMin: row.timeLimitMin ?? DEFAULT_TIME_LIMIT_MIN,
  createdAt: row.createdAt ?? row.updatedAt,
  renderedHash: row.renderedHash ?? null,
  // A render remembered before its details were kept has none: render again to know them.
  rendered: row.renderedHash ? (row.rendered ?? null) : null,
})

export async function listBulletins(db: DaixaDb): Promise<Bulletin[]> {
  return (await db.bulletins.orderBy('updatedAt').reverse().toArray()).map(complete)
}

export async function getBulletin(db: DaixaDb, id: string): Promise<Bulletin | undefined> {
  const row = await db.bulletins.get(id)
  return row && complete(row)
}

/** Starts an empty draft bulletin. */
export async function createBulletin(
  db: DaixaDb,
  title: string,
  timeLimitMin = DEFAULT_TIME_LIMIT_MIN,
  now = new Date(),
): Promise<Bulletin> {
  const parsed = bulletinContentSchema.safeParse({ title, parts: [], timeLimitMin })
  if (!parsed.success) throw new BulletinError('invalid', parsed.error.message)
  const at = now.toISOString()
  const row: Bulletin = {
    id: newId(),
    approval: 'draft',
    createdAt: at,
    updatedAt: at,
    renderedHash: null,
    rendered: null,
    ...parsed.data,
  }
  await db.transaction('rw', [db.bulletins], async () => {
    await db.bulletins.add(row)
  })
  return row
}

/** Replaces title, parts and time limit; an approved bulletin goes back to draft; the old render is dropped. */
export async function saveBulletinContent(
  db: DaixaDb,
  id: string,
  content: BulletinContent,
  now = new Date(),
): Promise<Bulletin> {
  const parsed = bulletinContentSchema.safeParse(content)
  if (!parsed.success) throw new BulletinError('invalid', parsed.error.message)
  return db.transaction('rw', [db.bulletins], async () => {
    const row = await db.bulletins.get(id)
    if (!row) throw new BulletinError('not-found', `bulletin ${id} not found`)
    const change: Partial<BulletinRow> = {
      ...parsed.data,
      updatedAt: now.toISOString(),
      renderedHash: null,
      rendered: null,
      ...(row.approval === 'approved' ? { approval: 'draft' as const } : {}),
    }
    await db.bulletins.update(id, change)
    return complete({ ...row, ...change })
  })
}

/**
 * Remembers the file the bulletin was last rendered to (the media store hash), with what it is
 * when known (needed to store it in the library). Answers the file it replaces (null: none, or
 * the same): the caller releases it when nothing else uses it.
 */
export async function setBulletinRendered(
  db: DaixaDb,
  id: string,
  file: string | RenderedFile,
  now = new Date(),
): Promise<string | null> {
  const change =
    typeof file === 'string'
      ? { renderedHash: file, rendered: null }
      : { renderedHash: file.hash, rendered: renderedFileRow(file) }
  return db.transaction('rw', [db.bulletins], async () => {
    const row = await db.bulletins.get(id)
    if (!row) throw new BulletinError('not-found', `bulletin ${id} not found`)
    await db.bulletins.update(id, { ...change, updatedAt: now.toISOString() })
    const previous = row.renderedHash ?? null
    return previous !== change.renderedHash ? previous : null
  })
}

const renderedFileRow = (file: RenderedFile): RenderedFileRow => ({
  format: file.format,
  sizeBytes: file.sizeBytes,
  durationMs: file.durationMs,
  sampleRate: file.sampleRate,
  channels: file.channels,
})

/** The library keeps WAV takes (peaks, the editor, uploads as audio/wav): only a WAV render goes there. */
export const LIBRARY_FORMAT = 'wav'

export interface SavedToLibrary {
  announcement: Announcement
  /** false: this rendering was already in the library; `announcement` is the one that holds it. */
  isNew: boolean
}

/**
 * Stores the bulletin's WAV rendering as a draft announcement (title = the bulletin's, language
 * vi, source 'bulletin') with its media
 * asset and outbox entry, all in one transaction with the read of the bulletin. The same rendering
 * saved again answers the announcement that already holds it; a changed, re-rendered bulletin
 * has another file, so it makes a new one.
 */
export async function saveBulletinToLibrary(
  db: DaixaDb,
  id: string,
  kind: ContentKind = 'news',
  now = new Date(),
): Promise<SavedToLibrary> {
  return db.transaction('rw', [db.bulletins, db.announcements, db.mediaAssets, db.outbox], async () => {
    const row = await db.bulletins.get(id)
    if (!row) throw new BulletinError('not-found', `bulletin ${id} not found`)
    const { renderedHash: hash, rendered } = complete(row)
    if (!hash || rendered?.format !== LIBRARY_FORMAT)
      throw new BulletinError('not-rendered', `bulletin ${id} has no ${LIBRARY_FORMAT} rendering`)
    const held = await db.announcements.where('mediaHash').equals(hash).first()
    if (held) return { announcement: held, isNew: false }
    const media = { hash, ...rendered }
    const announcement = await addAnnouncement(db, { title: row.title, kind, source: 'bulletin', media }, now)
    return { announcement, isNew: true }
  })
}

export async function deleteBulletin(db: DaixaDb, id: string): Promise<void> {
  await db.bulletins.delete(id)
}

/** A shipped jingle once imported into the media store (kept in the local settings table). */
export interface StoredJingle {
  hash: string
  durationMs: number
}

const jingleKey = (name: string) => `bulletins.jingle.${name}`

export async function getStoredJingle(db: DaixaDb, name: string): Promise<StoredJingle | null> {
  const row = await db.settings.get(jingleKey(name))
  const value = row?.value as Partial<StoredJingle> | undefined
  return typeof value?.hash === 'string' && typeof value.durationMs === 'number'
    ? { hash: value.hash, durationMs: value.durationMs }
    : null
}

export async function setStoredJingle(db: DaixaDb, name: string, jingle: StoredJingle): Promise<void> {
  await db.settings.put({ key: jingleKey(name), value: jingle })
}
