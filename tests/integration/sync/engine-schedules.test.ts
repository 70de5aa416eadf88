import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newId } from '../../../src/shared/ids'
import type { DaixaDb } from '../../../src/renderer/db/database'
import type { SyncedScheduleRow } from '../../../src/renderer/db/queries/sync-rows'
import type { ScheduleContent } from '../../../src/shared/province/entities'
import { DEMO_COMMUNE } from '../../province-server/demo-seed'
import { call, startTestServer, type TestServer } from '../province-server/helpers'
import { communeState, createClient, syncToQuiescence, type TestClient } from './helpers'

let server: TestServer
let c: TestClient

beforeAll(async () => {
  server = await startTestServer()
  c = await createClient(server.url)
})
afterAll(async () => {
  await c.close()
  await server.stop()
})

const tomorrow = new Date(Date.now() + 24 * 3600_000)
const date = tomorrow.toISOString().slice(0, 10)
const startAt = `${date}T22:40:00.000Z`

function content(note: string, clusterId: string): ScheduleContent {
  return {
    date,
    sessionId: 'morning',
    timeZone: 'Asia/Ho_Chi_Minh',
    clusterIds: [clusterId],
    items: [{ id: newId(), target: { kind: 'program', id: 'pg-006' }, startAt, durationMs: 300_000 }],
    note,
  }
}

/** What the scheduler feature writes: the row and its outbox entry in one transaction. */
async function writeSchedule(db: DaixaDb, id: string, op: 'create' | 'update', payload: Partial<ScheduleContent>) {
  const at = new Date().toISOString()
  await db.transaction('rw', db.schedules, db.outbox, async () => {
    const row = await db.schedules.get(id)
    await db.schedules.put({
      ...row,
      id,
      date,
      sessionId: 'morning',
      serverVersion: row?.serverVersion ?? null,
      updatedAt: at,
      ...payload,
    })
    await db.outbox.add({
      id: newId(),
      entity: 'schedule',
      entityId: id,
      op,
      baseVersion: null,
      payload,
      createdAt: at,
      attempts: 0,
    })
  })
}

describe('sync engine with schedules', () => {
  it('pushes a schedule, rejects an overlapping one, and refuses edits to a schedule the province cancelled', async () => {
    await syncToQuiescence(c.engine, c.db)
    const cluster = (await c.db.clusters.filter((x) => x.status === 'working').first())?.id ?? ''
    const first = newId()
    const second = newId()
    await writeSchedule(c.db, first, 'create', content('Buổi sáng mai', cluster))
    await writeSchedule(c.db, second, 'create', content('Trùng giờ', cluster))
    await syncToQuiescence(c.engine, c.db)

    const row = (await c.db.schedules.get(first)) as SyncedScheduleRow | undefined
    expect(row).toMatchObject({ serverVersion: 1, note: 'Buổi sáng mai', status: 'active', clusterIds: [cluster] })
    expect(await c.db.schedules.get(second)).toBeUndefined()
    expect(await c.db.rejections.toArray()).toMatchObject([
      { entityId: second, reason: 'schedule-overlap', op: 'create' },
    ])

    await writeSchedule(c.db, first, 'update', { note: 'Đổi ghi chú' })
    await syncToQuiescence(c.engine, c.db)
    expect(await c.db.schedules.get(first)).toMatchObject({ serverVersion: 2, note: 'Đổi ghi chú' })

    await call(server.url, 'POST', '/__test__/province', {
      body: { communeId: DEMO_COMMUNE.id, edit: { action: 'cancel-schedule', id: first, reason: 'Mất điện' } },
    })
    await writeSchedule(c.db, first, 'update', { note: 'Sửa sau khi tỉnh hủy' })
    await syncToQuiescence(c.engine, c.db)
    const rejected = await c.db.rejections.filter((r) => r.entityId === first).toArray()
    expect(rejected).toMatchObject([{ reason: 'cancelled-by-province' }])
    expect(await c.db.schedules.get(first)).toMatchObject({
      status: 'cancelled',
      cancelledReason: 'Mất điện',
      note: 'Đổi ghi chú',
    })
    const server_ = (await communeState(server.url)).records[`schedule:${first}`]?.data
    expect(server_).toMatchObject({ status: 'cancelled', version: 3 })
  })
})
