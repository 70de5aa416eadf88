import { afterEach, describe, expect, it } from 'vitest'
import type { FinishedMedia } from '../../../../src/shared/ipc/recording'
import { createDatabase, type DaixaDb } from '../../../../src/renderer/db/database'
import {
  addRecordedAnnouncement,
  deleteAnnouncementRows,
  isLastUseOfMedia,
  listAnnouncements,
  renameAnnouncement,
} from '../../../../src/renderer/db/queries/announcements'
import { dropDatabase, uniqueDbName } from './migration-harness'

const media = (hash: string, title: string): FinishedMedia => ({
  hash,
  sampleRate: 44100,
  channels: 1,
  sampleCount: 220500,
  durationMs: 5000,
  sizeBytes: 441044,
  startedAt: '2026-11-23T00:00:00.000Z',
  title,
})
const H1 = 'a'.repeat(64)
const H2 = 'b'.repeat(64)

let db: DaixaDb
afterEach(async () => dropDatabase(db))

async function fresh(): Promise<DaixaDb> {
  db = createDatabase(uniqueDbName('ann'))
  await db.open()
  return db
}

describe('db/queries/announcements', () => {
  it('stores a recording as a draft announcement, its media asset and one outbox entry together', async () => {
    await fresh()
    const a = await addRecordedAnnouncement(db, media(H1, 'Thông báo'), new Date('2026-11-23T01:00:00Z'))
    expect(a).toMatchObject({ title: 'Thông báo', approval: 'draft', source: 'recording', durationMs: 5000 })
    expect(a.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(await db.mediaAssets.get(H1)).toMatchObject({ uploadState: 'local', sizeBytes: 441044 })
    const outbox = await db.outbox.toArray()
    expect(outbox).toHaveLength(1)
    expect(outbox[0]).toMatchObject({ entity: 'announcement', entityId: a.id, op: 'create', baseVersion: null })
  })

  it('writes nothing when the transaction fails part-way', async () => {
    await fresh()
    const first = await addRecordedAnnouncement(db, media(H1, 'Một'))
    // announcements.add fails (a hook throws, as a storage error would) after mediaAssets.put
    // succeeded inside the same transaction: all of it must roll back.
    db.announcements.hook('creating').subscribe(function (primKey) {
      if (primKey !== first.id) throw new Error('disk error simulated by a hook')
    })
    await expect(addRecordedAnnouncement(db, media(H2, 'Hai'))).rejects.toThrow()
    expect(await db.mediaAssets.get(H2)).toBeUndefined()
    expect(await db.outbox.count()).toBe(1)
  })

  it('lists newest first and records a rename in the outbox', async () => {
    await fresh()
    await addRecordedAnnouncement(db, media(H1, 'Cũ'), new Date('2026-11-01T00:00:00Z'))
    const b = await addRecordedAnnouncement(db, media(H2, 'Mới'), new Date('2026-11-02T00:00:00Z'))
    expect((await listAnnouncements(db)).map((a) => a.title)).toEqual(['Mới', 'Cũ'])
    await renameAnnouncement(db, b.id, 'Mới hơn')
    expect((await db.announcements.get(b.id))?.title).toBe('Mới hơn')
    expect(await db.outbox.where('[entity+entityId]').equals(['announcement', b.id]).count()).toBe(2)
  })

  it('deletes the media asset row only with the last announcement that uses it', async () => {
    await fresh()
    const a = await addRecordedAnnouncement(db, media(H1, 'A'))
    const b = await addRecordedAnnouncement(db, media(H1, 'B (same audio)'))
    expect(await isLastUseOfMedia(db, a)).toBe(false)
    await deleteAnnouncementRows(db, a.id)
    expect(await db.mediaAssets.get(H1)).toBeDefined()
    expect(await isLastUseOfMedia(db, b)).toBe(true)
    await deleteAnnouncementRows(db, b.id)
    expect(await db.mediaAssets.get(H1)).toBeUndefined()
    expect(await db.announcements.count()).toBe(0)
    expect((await db.outbox.toArray()).filter((e) => e.op === 'delete')).toHaveLength(2)
  })
})
