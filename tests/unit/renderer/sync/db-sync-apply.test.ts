import { afterEach, describe, expect, it } from 'vitest'
import { createDatabase, type DaixaDb } from '../../../../src/renderer/db/database'
import { applyPulledPage, applyServerState, syncTables } from '../../../../src/renderer/db/queries/sync-apply'
import { getShadow } from '../../../../src/renderer/db/queries/sync-state'
import type { AnnouncementRecord, Program } from '../../../../src/shared/province/entities'
import { dropDatabase, uniqueDbName } from '../db/migration-harness'

const ID = '01900000-0000-7000-8000-0000000000a1'
const at = '2026-11-23T01:00:00.000Z'

const announcement = (version: number, title: string): AnnouncementRecord => ({
  entity: 'announcement',
  id: ID,
  version,
  updatedAt: at,
  title,
  kind: 'notice',
  language: 'vi',
  priority: 'normal',
  source: 'recording',
  mediaHash: 'a'.repeat(64),
  durationMs: 1000,
  author: null,
  createdAt: at,
  mediaStatus: 'awaiting-media',
  moderation: { status: 'pending', reviewedBy: null, reviewedAt: null, reason: null },
})

const program = (version: number, title: string): Program => ({
  entity: 'program',
  id: 'pg-1',
  version,
  updatedAt: at,
  code: 'P1',
  title,
  kind: 'news',
  source: 'province',
  priority: 'normal',
  language: 'vi',
  validFrom: at,
  validTo: null,
  status: 'active',
  mediaHash: null,
  durationMs: 60_000,
  text: null,
})

let db: DaixaDb
afterEach(async () => dropDatabase(db))

async function fresh(): Promise<DaixaDb> {
  db = createDatabase(uniqueDbName('sync-apply'))
  await db.open()
  return db
}

const inTx = (fn: () => Promise<void>) => db.transaction('rw', syncTables(db), fn)

describe('db/queries/sync-apply', () => {
  it('overwrites programs with newer versions only and removes them on a tombstone', async () => {
    await fresh()
    await inTx(() => applyPulledPage(db, [program(2, 'Hai')]))
    await inTx(() => applyPulledPage(db, [program(1, 'Một (cũ)')]))
    expect(await db.programs.get('pg-1')).toMatchObject({ title: 'Hai', serverVersion: 2, code: 'P1' })
    await inTx(() => applyPulledPage(db, [{ entity: 'program', id: 'pg-1', version: 3, deletedAt: at }]))
    expect(await db.programs.get('pg-1')).toBeUndefined()
  })

  it('keeps the local fields of an announcement and shows the province state when nothing is pending', async () => {
    await fresh()
    await inTx(() => applyServerState(db, 'announcement', ID, announcement(1, 'Từ tỉnh')))
    await db.announcements.update(ID, { category: 'Y tế' })
    await inTx(() => applyServerState(db, 'announcement', ID, announcement(2, 'Sửa ở máy khác')))
    expect(await db.announcements.get(ID)).toMatchObject({
      title: 'Sửa ở máy khác',
      category: 'Y tế',
      serverVersion: 2,
    })
    expect(await getShadow(db, 'announcement', ID)).toMatchObject({ version: 2, base: 2 })
  })

  it('never overwrites a row with a pending change; the shadow keeps the base of that change', async () => {
    await fresh()
    await inTx(() => applyServerState(db, 'announcement', ID, announcement(1, 'Gốc')))
    await db.announcements.update(ID, { title: 'Đang sửa' })
    await db.outbox.add({
      id: '01900000-0000-7000-8000-000000000001',
      entity: 'announcement',
      entityId: ID,
      op: 'update',
      baseVersion: null,
      payload: { title: 'Đang sửa' },
      createdAt: at,
      attempts: 0,
    })
    await inTx(() => applyServerState(db, 'announcement', ID, announcement(2, 'Máy khác')))
    expect((await db.announcements.get(ID))?.title).toBe('Đang sửa')
    expect(await getShadow(db, 'announcement', ID)).toMatchObject({ version: 2, base: 1 })
  })

  it('removes the row of a create the province refused (it never knew the record)', async () => {
    await fresh()
    await db.announcements.put({
      ...announcement(1, 'Chỉ ở máy'),
      approval: 'draft',
      category: '',
      validFrom: null,
      validTo: null,
      approvedBy: null,
      approvedAt: null,
    })
    await inTx(() => applyServerState(db, 'announcement', ID, null, { isPushAnswer: true }))
    expect(await db.announcements.get(ID)).toBeUndefined()
    expect(await getShadow(db, 'announcement', ID)).toBeNull()
  })
})
