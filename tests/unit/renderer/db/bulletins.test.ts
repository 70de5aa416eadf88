import { afterEach, describe, expect, it } from 'vitest'
import { createDatabase, type DaixaDb } from '../../../../src/renderer/db/database'
import {
  BulletinError,
  createBulletin,
  deleteBulletin,
  getBulletin,
  listBulletins,
  saveBulletinContent,
  setBulletinRendered,
} from '../../../../src/renderer/db/queries/bulletins'
import type { BulletinPart } from '../../../../src/shared/editor/bulletin'
import { newId } from '../../../../src/shared/ids'
import { isMediaInUse } from '../../../../src/renderer/db/queries/renditions'
import { dropDatabase, uniqueDbName } from './migration-harness'

let db: DaixaDb
afterEach(async () => dropDatabase(db))

async function fresh(): Promise<DaixaDb> {
  db = createDatabase(uniqueDbName('bulletins'))
  await db.open()
  return db
}

const part = (title: string, durationMs: number): BulletinPart => ({
  id: newId(),
  kind: 'announcement',
  source: { type: 'announcement', id: newId() },
  title,
  mediaHash: 'b'.repeat(64),
  durationMs,
  joint: { kind: 'gap', ms: 500 },
})

describe('bulletins queries', () => {
  it('creates a draft with the default 30-minute limit and lists newest first', async () => {
    await fresh()
    const first = await createBulletin(db, 'Bản tin sáng', undefined, new Date('2026-05-01T00:00:00Z'))
    const second = await createBulletin(db, 'Bản tin chiều', 45, new Date('2026-05-02T00:00:00Z'))
    expect(first).toMatchObject({ approval: 'draft', parts: [], timeLimitMin: 30, renderedHash: null })
    expect((await listBulletins(db)).map((b) => b.id)).toEqual([second.id, first.id])
  })

  it('saves parts in order and reads them back', async () => {
    await fresh()
    const b = await createBulletin(db, 'Bản tin')
    const parts = [part('Nhạc hiệu', 5000), part('Tiêm phòng', 60_000)]
    await saveBulletinContent(db, b.id, { title: 'Bản tin trưa', parts, timeLimitMin: 20 })
    expect(await getBulletin(db, b.id)).toMatchObject({ title: 'Bản tin trưa', parts, timeLimitMin: 20 })
  })

  it('withdraws approval and forgets the old render when the content changes', async () => {
    await fresh()
    const b = await createBulletin(db, 'Bản tin')
    await setBulletinRendered(db, b.id, 'c'.repeat(64))
    await db.bulletins.update(b.id, { approval: 'approved' })
    const saved = await saveBulletinContent(db, b.id, { title: 'Bản tin', parts: [part('A', 1000)], timeLimitMin: 30 })
    expect(saved).toMatchObject({ approval: 'draft', renderedHash: null })
  })

  it('says which old rendering a re-render replaces, and whether anything still holds it (no orphan files)', async () => {
    await fresh()
    const b = await createBulletin(db, 'Bản tin')
    const [h1, h2] = ['c'.repeat(64), 'd'.repeat(64)]
    expect(await setBulletinRendered(db, b.id, h1)).toBeNull()
    // The same bulletin exported again renders the same master: nothing to release.
    expect(await setBulletinRendered(db, b.id, h1)).toBeNull()
    expect(await setBulletinRendered(db, b.id, h2)).toBe(h1)
    expect(await isMediaInUse(db, h1)).toBe(false)
    expect(await isMediaInUse(db, h2)).toBe(true)
    // A file another bulletin (or an announcement) holds stays.
    const other = await createBulletin(db, 'Bản tin khác')
    await setBulletinRendered(db, other.id, h1)
    expect(await isMediaInUse(db, h1)).toBe(true)
  })

  it('refuses invalid content and unknown bulletins', async () => {
    await fresh()
    const b = await createBulletin(db, 'Bản tin')
    await expect(
      saveBulletinContent(db, b.id, { title: 'x', parts: [part('A', 0)], timeLimitMin: 30 }),
    ).rejects.toThrow(BulletinError)
    await expect(saveBulletinContent(db, newId(), { title: 'x', parts: [], timeLimitMin: 30 })).rejects.toMatchObject({
      code: 'not-found',
    })
    await expect(setBulletinRendered(db, newId(), 'c'.repeat(64))).rejects.toMatchObject({ code: 'not-found' })
    await expect(createBulletin(db, 'x', 0)).rejects.toMatchObject({ code: 'invalid' })
  })

  it('fills defaults for a row stored before the feature fields existed, and deletes', async () => {
    await fresh()
    await db.bulletins.add({ id: 'old', title: 'Cũ', approval: 'draft', updatedAt: '2026-01-01T00:00:00.000Z' })
    expect(await getBulletin(db, 'old')).toMatchObject({
      parts: [],
      timeLimitMin: 30,
      createdAt: '2026-01-01T00:00:00.000Z',
    })
    await deleteBulletin(db, 'old')
    expect(await getBulletin(db, 'old')).toBeUndefined()
  })
})
