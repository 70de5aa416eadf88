import { afterEach, describe, expect, it } from 'vitest'
import { createDatabase, type DaixaDb } from '../../../../src/renderer/db/database'
import { listAnnouncements } from '../../../../src/renderer/db/queries/announcements'
import {
  BulletinError,
  createBulletin,
  getBulletin,
  saveBulletinContent,
  saveBulletinToLibrary,
  setBulletinRendered,
  type RenderedFile,
} from '../../../../src/renderer/db/queries/bulletins'
import type { BulletinPart } from '../../../../src/shared/editor/bulletin'
import { newId } from '../../../../src/shared/ids'
import { announcementSchema, mediaAssetSchema } from '../../../../src/shared/model/announcement'
import { dropDatabase, uniqueDbName } from './migration-harness'

let db: DaixaDb
afterEach(async () => dropDatabase(db))

async function fresh(): Promise<DaixaDb> {
  db = createDatabase(uniqueDbName('bulletin-library'))
  await db.open()
  return db
}

const H1 = '1'.repeat(64)
const H2 = '2'.repeat(64)
const T0 = new Date('2026-05-01T07:00:00Z')
const T1 = new Date('2026-05-01T08:00:00Z')

const jingle: BulletinPart = {
  id: newId(),
  kind: 'intro',
  source: { type: 'jingle', name: 'default-intro' },
  title: 'Nhạc hiệu',
  mediaHash: 'c'.repeat(64),
  durationMs: 3000,
  joint: { kind: 'gap', ms: 0 },
}

const wav = (hash: string, durationMs = 6500): RenderedFile => ({
  hash,
  format: 'wav',
  sizeBytes: 44 + Math.round(durationMs * 44.1) * 2,
  durationMs,
  sampleRate: 44100,
  channels: 1,
})

async function renderedBulletin(title = 'Bản tin sáng thứ Hai'): Promise<string> {
  const b = await createBulletin(db, title, 30, T0)
  await saveBulletinContent(db, b.id, { title, parts: [jingle], timeLimitMin: 30 }, T0)
  await setBulletinRendered(db, b.id, wav(H1), T0)
  return b.id
}

describe('saveBulletinToLibrary', () => {
  it('stores the WAV rendering as a draft news announcement, its media asset and one outbox entry', async () => {
    await fresh()
    const id = await renderedBulletin()
    const { announcement, isNew } = await saveBulletinToLibrary(db, id, undefined, T1)
    expect(isNew).toBe(true)
    expect(announcementSchema.parse(announcement)).toEqual(announcement)
    expect(announcement).toMatchObject({
      title: 'Bản tin sáng thứ Hai',
      kind: 'news',
      language: 'vi',
      priority: 'normal',
      approval: 'draft',
      source: 'bulletin',
      mediaHash: H1,
      durationMs: 6500,
      createdAt: T1.toISOString(),
    })
    expect(await db.announcements.get(announcement.id)).toEqual(announcement)
    const asset = await db.mediaAssets.get(H1)
    expect(mediaAssetSchema.parse(asset)).toEqual({
      hash: H1,
      sizeBytes: wav(H1).sizeBytes,
      durationMs: 6500,
      sampleRate: 44100,
      channels: 1,
      createdAt: T1.toISOString(),
      uploadState: 'local',
      uploadedBytes: 0,
    })
    const outbox = await db.outbox.toArray()
    expect(outbox).toHaveLength(1)
    expect(outbox[0]).toMatchObject({
      entity: 'announcement',
      entityId: announcement.id,
      op: 'create',
      payload: announcement,
    })
  })

  it('takes the kind the officer chose', async () => {
    await fresh()
    const id = await renderedBulletin()
    const { announcement } = await saveBulletinToLibrary(db, id, 'feature', T1)
    expect(announcement.kind).toBe('feature')
  })

  it('saving the same rendering again answers the announcement already in the library and writes nothing', async () => {
    await fresh()
    const id = await renderedBulletin()
    const first = await saveBulletinToLibrary(db, id, 'news', T1)
    const second = await saveBulletinToLibrary(db, id, 'notice', new Date('2026-05-01T09:00:00Z'))
    expect(second).toEqual({ announcement: first.announcement, isNew: false })
    expect(await db.announcements.count()).toBe(1)
    expect(await db.mediaAssets.count()).toBe(1)
    expect(await db.outbox.count()).toBe(1)
  })

  it('after the bulletin changed and was rendered again, saving makes a new announcement', async () => {
    await fresh()
    const id = await renderedBulletin()
    const first = await saveBulletinToLibrary(db, id, 'news', T1)
    await saveBulletinContent(db, id, { title: 'Bản tin sáng (sửa)', parts: [jingle, jingle], timeLimitMin: 30 }, T1)
    // The change dropped the render: nothing to save until it is rendered again.
    await expect(saveBulletinToLibrary(db, id)).rejects.toMatchObject({ code: 'not-rendered' })
    await setBulletinRendered(db, id, wav(H2, 6000), T1)
    const second = await saveBulletinToLibrary(db, id, 'news', T1)
    expect(second.isNew).toBe(true)
    expect(second.announcement.id).not.toBe(first.announcement.id)
    expect(second.announcement).toMatchObject({ title: 'Bản tin sáng (sửa)', mediaHash: H2, durationMs: 6000 })
    expect((await listAnnouncements(db)).map((a) => a.mediaHash).sort()).toEqual([H1, H2])
    expect(await db.outbox.count()).toBe(2)
  })

  it('refuses a bulletin with no rendering, an MP3 rendering, or a render without its details', async () => {
    await fresh()
    const b = await createBulletin(db, 'Chưa xuất', 30, T0)
    await expect(saveBulletinToLibrary(db, b.id)).rejects.toBeInstanceOf(BulletinError)
    await setBulletinRendered(db, b.id, { ...wav(H1), format: 'mp3', sampleRate: 44100 }, T0)
    await expect(saveBulletinToLibrary(db, b.id)).rejects.toMatchObject({ code: 'not-rendered' })
    await setBulletinRendered(db, b.id, H1, T0) // a hash alone: what an older render kept
    expect((await getBulletin(db, b.id))?.rendered).toBeNull()
    await expect(saveBulletinToLibrary(db, b.id)).rejects.toMatchObject({ code: 'not-rendered' })
    await expect(saveBulletinToLibrary(db, newId())).rejects.toMatchObject({ code: 'not-found' })
    expect(await db.announcements.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
  })

  it('reads the bulletin and writes the three rows in one transaction: a failing write leaves nothing', async () => {
    await fresh()
    const id = await renderedBulletin()
    db.outbox.hook('creating').subscribe(() => {
      throw new Error('disk error simulated by a hook')
    })
    await expect(saveBulletinToLibrary(db, id, 'news', T1)).rejects.toThrow('disk error')
    expect(await db.announcements.count()).toBe(0)
    expect(await db.mediaAssets.count()).toBe(0)
  })

  it('a concurrent second save of the same rendering waits for the first and makes no duplicate', async () => {
    await fresh()
    const id = await renderedBulletin()
    const [a, b] = await Promise.all([saveBulletinToLibrary(db, id), saveBulletinToLibrary(db, id)])
    expect([a.isNew, b.isNew].sort()).toEqual([false, true])
    expect(a.announcement.id).toBe(b.announcement.id)
    expect(await db.announcements.count()).toBe(1)
  })
})
