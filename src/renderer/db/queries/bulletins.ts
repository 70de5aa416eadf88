/**
 * Bulletin queries and writes. Content is checked with the model's zod schema before it is stored,
 * so a row always holds a bulletin the renderer can play. Changing the parts of an approved
 * bulletin withdraws its approval (what was approved is no longer what would air).
 *
 * Outbox: Province API v1 has no bulletins, and the outbox does not know the entity yet, so these
 * writes queue nothing today (see the feature's note in docs/tts.md); once the API has bulletins,
 * each write here adds its outbox entry inside the transaction it already opens.
 */
import { bulletinContentSchema, DEFAULT_TIME_LIMIT_MIN, type BulletinContent } from '../../../shared/editor/bulletin'
import { newId } from '../../../shared/ids'
import type { DaixaDb } from '../database'
import type { BulletinRow } from '../records'

/** A bulletin row with its feature fields filled in (rows made before them get defaults). */
export type Bulletin = BulletinRow &
  Required<Pick<BulletinRow, 'parts' | 'timeLimitMin' | 'createdAt' | 'renderedHash'>>

export class BulletinError extends Error {
  readonly code: 'not-found' | 'invalid'
  constructor(code: 'not-found' | 'invalid', message: string) {
    super(message)
    this.name = 'BulletinError'
    this.code = code
  }
}

const complete = (row: BulletinRow): Bulletin => ({
  ...row,
  parts: row.parts ?? [],
  timeLimitMin: row.timeLimitMin ?? DEFAULT_TIME_LIMIT_MIN,
  createdAt: row.createdAt ?? row.updatedAt,
  renderedHash: row.renderedHash ?? null,
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
      ...(row.approval === 'approved' ? { approval: 'draft' as const } : {}),
    }
    await db.bulletins.update(id, change)
    return complete({ ...row, ...change })
  })
}

/** Remembers the file the bulletin was last rendered to (the media store hash). */
export async function setBulletinRendered(db: DaixaDb, id: string, hash: string, now = new Date()): Promise<void> {
  const updated = await db.bulletins.update(id, { renderedHash: hash, updatedAt: now.toISOString() })
  if (updated === 0) throw new BulletinError('not-found', `bulletin ${id} not found`)
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
