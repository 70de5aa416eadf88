import { afterEach, describe, expect, it } from 'vitest'
import { createDatabase, type DaixaDb } from '../../../../src/renderer/db/database'
import {
  addRecordedAnnouncement,
  AnnouncementError,
  approveAnnouncement,
  requestApproval,
  returnToDraft,
  saveEditList,
  updateAnnouncementMetadata,
} from '../../../../src/renderer/db/queries/announcements'
import { emptyEditList } from '../../../../src/shared/editor/edit-list'
import type { FinishedMedia } from '../../../../src/shared/ipc/recording'
import { dropDatabase, uniqueDbName } from './migration-harness'

const H1 = 'c'.repeat(64)
const media: FinishedMedia = {
  hash: H1,
  sampleRate: 44100,
  channels: 1,
  sampleCount: 441000,
  durationMs: 10_000,
  sizeBytes: 882044,
  startedAt: '2026-11-23T00:00:00.000Z',
  title: 'Thông báo tiêm chủng',
}

let db: DaixaDb
afterEach(async () => dropDatabase(db))

async function withOne() {
  db = createDatabase(uniqueDbName('ann-meta'))
  await db.open()
  return addRecordedAnnouncement(db, media, new Date('2026-11-23T01:00:00Z'))
}

const updates = async () => (await db.outbox.toArray()).filter((e) => e.op === 'update')

describe('db/queries/announcements (metadata, approval, edit list)', () => {
  it('stores metadata and queues exactly the changed fields when the form is saved', async () => {
    const a = await withOne()
    const at = new Date('2026-11-23T02:00:00Z')
    const next = await updateAnnouncementMetadata(
      db,
      a.id,
      {
        kind: 'article',
        category: 'Y tế',
        language: 'km',
        priority: 'priority',
        author: 'Trạm y tế xã',
        validFrom: '2026-11-24T00:00:00.000Z',
        validTo: '2026-11-30T00:00:00.000Z',
      },
      at,
    )
    expect(next).toMatchObject({ kind: 'article', category: 'Y tế', language: 'km', author: 'Trạm y tế xã' })
    expect(await db.announcements.get(a.id)).toMatchObject({ priority: 'priority', updatedAt: at.toISOString() })
    const [entry] = await updates()
    expect(entry?.payload).toEqual({
      kind: 'article',
      category: 'Y tế',
      language: 'km',
      priority: 'priority',
      author: 'Trạm y tế xã',
      validFrom: '2026-11-24T00:00:00.000Z',
      validTo: '2026-11-30T00:00:00.000Z',
      updatedAt: at.toISOString(),
    })
  })

  it('refuses a validity window that ends before it starts, writing nothing', async () => {
    const a = await withOne()
    await updateAnnouncementMetadata(db, a.id, { validFrom: '2026-11-30T00:00:00.000Z' })
    const refused = updateAnnouncementMetadata(db, a.id, { validTo: '2026-11-24T00:00:00.000Z' })
    await expect(refused).rejects.toBeInstanceOf(AnnouncementError)
    await expect(refused).rejects.toMatchObject({ code: 'invalid' })
    expect((await db.announcements.get(a.id))?.validTo).toBeNull()
    expect(await updates()).toHaveLength(1)
  })

  it('refuses unknown fields and an unknown announcement', async () => {
    const a = await withOne()
    const sneaky = { approval: 'approved' } as unknown as Parameters<typeof updateAnnouncementMetadata>[2]
    await expect(updateAnnouncementMetadata(db, a.id, sneaky)).rejects.toMatchObject({ code: 'invalid' })
    await expect(updateAnnouncementMetadata(db, 'nope', { title: 'x' })).rejects.toMatchObject({ code: 'not-found' })
    expect(await updates()).toHaveLength(0)
  })

  it('goes draft → awaiting approval → approved with who and when', async () => {
    const a = await withOne()
    await expect(approveAnnouncement(db, a.id, 'Ông Nguyễn Văn A')).rejects.toMatchObject({ code: 'wrong-state' })
    await requestApproval(db, a.id)
    await expect(requestApproval(db, a.id)).rejects.toMatchObject({ code: 'wrong-state' })
    await expect(approveAnnouncement(db, a.id, '   ')).rejects.toMatchObject({ code: 'invalid' })
    const at = new Date('2026-11-23T03:00:00Z')
    const approved = await approveAnnouncement(db, a.id, ' Ông Nguyễn Văn A ', at)
    expect(approved).toMatchObject({
      approval: 'approved',
      approvedBy: 'Ông Nguyễn Văn A',
      approvedAt: at.toISOString(),
    })
    const payloads = (await updates()).map((e) => e.payload)
    expect(payloads).toEqual([
      expect.objectContaining({ approval: 'awaiting-approval' }),
      {
        approval: 'approved',
        approvedBy: 'Ông Nguyễn Văn A',
        approvedAt: at.toISOString(),
        updatedAt: at.toISOString(),
      },
    ])
    const back = await returnToDraft(db, a.id)
    expect(back).toMatchObject({ approval: 'draft', approvedBy: null, approvedAt: null })
  })

  it('stores the edit list and withdraws an approval when the audio changes', async () => {
    const a = await withOne()
    await requestApproval(db, a.id)
    await approveAnnouncement(db, a.id, 'Chủ tịch xã')
    const list = { ...emptyEditList(H1, 10_000), ops: [{ kind: 'delete' as const, startMs: 0, endMs: 1200 }] }
    const saved = await saveEditList(db, a.id, list)
    expect(saved).toMatchObject({ approval: 'draft', approvedBy: null, editList: list })
    expect((await db.announcements.get(a.id))?.editList?.ops).toHaveLength(1)
    expect((await db.announcements.get(a.id))?.durationMs).toBe(10_000)
    const last = (await updates()).at(-1)
    expect(last?.payload).toMatchObject({ editList: list, approval: 'draft' })
  })

  it('refuses an edit list for another file or with a bad operation', async () => {
    const a = await withOne()
    await expect(saveEditList(db, a.id, emptyEditList('d'.repeat(64), 10_000))).rejects.toMatchObject({
      code: 'invalid',
    })
    const bad = { ...emptyEditList(H1, 10_000), ops: [{ kind: 'delete' as const, startMs: 500, endMs: 100 }] }
    await expect(saveEditList(db, a.id, bad)).rejects.toMatchObject({ code: 'invalid' })
    expect(await updates()).toHaveLength(0)
  })
})
