import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { v7 as uuidv7 } from 'uuid'
import type { ScheduleContent } from '../../../src/shared/province/entities'
import { pushResponseSchema, type MutationResult } from '../../../src/shared/province/push'
import { DEMO_COMMUNE } from '../../province-server/demo-seed'
import { announcementCreate, push, serverState, signIn, startTestServer, testPost, type TestServer } from './helpers'

let t: TestServer
let token: string
/** Tomorrow 07:00 in Vietnam: no demo schedule plays then. */
const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10)
const base = Date.parse(`${today}T07:00:00+07:00`) + 24 * 3600_000

beforeAll(async () => {
  t = await startTestServer()
  token = (await signIn(t.url)).accessToken
})
afterAll(async () => {
  await t.stop()
})

const at = (minutes: number): string => new Date(base + minutes * 60_000).toISOString()
const item = (kind: 'program' | 'announcement', id: string, startMin: number, minutes = 5) => ({
  id: uuidv7(),
  target: { kind, id },
  startAt: at(startMin),
  durationMs: minutes * 60_000,
})

function content(items: ScheduleContent['items'], clusterIds = ['cl-001', 'cl-002']): ScheduleContent {
  return { date: at(0).slice(0, 10), sessionId: 'morning', timeZone: 'Asia/Ho_Chi_Minh', clusterIds, items, note: '' }
}

const create = (payload: ScheduleContent) => ({
  mutationId: uuidv7(),
  entity: 'schedule',
  op: 'create',
  entityId: uuidv7(),
  baseVersion: null,
  payload,
})

async function pushOne(mutation: unknown): Promise<MutationResult> {
  const result = pushResponseSchema.parse((await push(t.url, token, [mutation])).body).results[0]
  if (!result) throw new Error('no result')
  return result
}

const reasonOf = (r: MutationResult): string => (r.status === 'rejected' ? r.reason : r.status)

describe('province server schedule business checks', () => {
  it('applies a schedule of valid programs and an existing announcement', async () => {
    const announcement = announcementCreate('Thông báo họp')
    await push(t.url, token, [announcement])
    const result = await pushOne(
      create(content([item('program', 'pg-006', 0), item('announcement', announcement.entityId, 5)])),
    )
    expect(result).toMatchObject({ status: 'applied', version: 1, record: { status: 'active', origin: 'commune' } })
  })

  it.each([
    ['schedule-overlap', content([item('program', 'pg-006', 100), item('program', 'pg-007', 102)])],
    ['program-withdrawn', content([item('program', 'pg-020', 200)])],
    ['program-not-found', content([item('program', 'pg-404', 210)])],
    ['program-not-valid', content([item('program', 'pg-005', 6 * 24 * 60)])],
    ['announcement-not-found', content([item('announcement', uuidv7(), 220)])],
    ['unknown-cluster', content([item('program', 'pg-006', 230)], ['cl-001', 'cl-999'])],
    ['cluster-removed', content([item('program', 'pg-006', 240)], ['cl-040'])],
  ])('rejects with %s', async (reason, payload) => {
    const mutation = create(payload)
    const result = await pushOne(mutation)
    expect(reasonOf(result)).toBe(reason)
    expect(result.status === 'rejected' && result.message.length).toBeGreaterThan(0)
    expect((await serverState(t.url)).records[`schedule:${mutation.entityId}`]).toBeUndefined()
  })

  it('rejects an overlap with another active schedule on a shared cluster, not on disjoint clusters', async () => {
    expect(reasonOf(await pushOne(create(content([item('program', 'pg-008', 300, 10)], ['cl-003', 'cl-004']))))).toBe(
      'applied',
    )
    const shared = create(content([item('program', 'pg-009', 305)], ['cl-004', 'cl-005']))
    expect(reasonOf(await pushOne(shared))).toBe('schedule-overlap')
    const disjoint = create(content([item('program', 'pg-009', 305)], ['cl-010']))
    expect(reasonOf(await pushOne(disjoint))).toBe('applied')
  })

  it('re-checks on update with baseVersion, lets a province cancellation win, and lets a commune delete win', async () => {
    const mutation = create(content([item('program', 'pg-010', 400)], ['cl-020']))
    await pushOne(mutation)
    const update = (baseVersion: number, payload: Partial<ScheduleContent>) => ({
      mutationId: uuidv7(),
      entity: 'schedule',
      op: 'update',
      entityId: mutation.entityId,
      baseVersion,
      payload,
    })
    expect(reasonOf(await pushOne(update(1, { note: 'Sửa' })))).toBe('applied')
    expect(reasonOf(await pushOne(update(1, { note: 'Cũ' })))).toBe('version-conflict')
    expect(reasonOf(await pushOne(update(2, { items: [item('program', 'pg-020', 400)] })))).toBe('program-withdrawn')
    await testPost(t.url, 'province', {
      communeId: DEMO_COMMUNE.id,
      edit: { action: 'cancel-schedule', id: mutation.entityId, reason: 'Mất điện toàn xã' },
    })
    const cancelled = await pushOne(update(3, { note: 'Sau khi huỷ' }))
    expect(cancelled).toMatchObject({
      status: 'rejected',
      reason: 'cancelled-by-province',
      message: 'Mất điện toàn xã',
    })
    const del = {
      mutationId: uuidv7(),
      entity: 'schedule',
      op: 'delete',
      entityId: mutation.entityId,
      baseVersion: 1,
      payload: null,
    }
    expect(await pushOne(del)).toMatchObject({ status: 'applied', version: 4 })
  })
})
