import Dexie from 'dexie'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDatabase, type DaixaDb } from '../../../../../src/renderer/db/database'
import { badgeInputs, dismissRejection, listOpenRejections } from '../../../../../src/renderer/sync/app/sync-rows'

let db: DaixaDb
let n = 0
beforeEach(async () => {
  db = createDatabase(`daixa-sync-rows-${process.pid}-${++n}`)
  await db.open()
})
afterEach(async () => {
  db.close()
  await Dexie.delete(db.name)
})

const rejection = (id: string, at: string, entityId: string) => ({
  id,
  mutationId: `m-${id}`,
  at,
  reason: 'version-conflict',
  message: 'changed at the province',
  entity: 'announcement',
  entityId,
})

describe('renderer/sync/app/sync-rows', () => {
  it('lists open rejections newest first and hides a dismissed one', async () => {
    await db.rejections.bulkAdd([
      rejection('r1', '2026-11-23T01:00:00.000Z', 'a1'),
      rejection('r2', '2026-11-23T02:00:00.000Z', 'a2'),
    ])
    expect((await listOpenRejections(db)).map((r) => r.id)).toEqual(['r2', 'r1'])
    await dismissRejection(db, 'r2', '2026-11-23T03:00:00.000Z')
    expect((await listOpenRejections(db)).map((r) => r.id)).toEqual(['r1'])
  })

  it('collects the badge inputs: waiting ids, open rejections by record, media states', async () => {
    await db.outbox.add({
      id: 'o1',
      entity: 'announcement',
      entityId: 'a1',
      op: 'create',
      baseVersion: null,
      payload: {},
      createdAt: '2026-11-23T01:00:00.000Z',
      attempts: 0,
    })
    await db.rejections.bulkAdd([
      rejection('r1', '2026-11-23T01:00:00.000Z', 'a2'),
      { ...rejection('r2', '2026-11-23T02:00:00.000Z', 'a3'), dismissedAt: '2026-11-23T03:00:00.000Z' },
    ])
    const hash = 'b'.repeat(64)
    await db.mediaAssets.add({
      hash,
      sizeBytes: 10,
      durationMs: 1,
      sampleRate: 44100,
      channels: 1,
      createdAt: '2026-11-23T01:00:00.000Z',
      uploadState: 'uploading',
      uploadedBytes: 4,
    })
    const inputs = await badgeInputs(db)
    expect([...inputs.pendingIds]).toEqual(['a1'])
    expect([...inputs.rejected.keys()]).toEqual(['a2'])
    expect(inputs.media.get(hash)).toMatchObject({ uploadState: 'uploading', uploadedBytes: 4, sizeBytes: 10 })
  })
})
