import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pushResponseSchema, type MutationResult } from '../../../src/shared/province/push'
import { DEMO_COMMUNE } from '../../province-server/demo-seed'
import {
  announcementCreate,
  call,
  CLIENT_ID,
  liveRecords,
  newMutationId,
  push,
  serverState,
  signIn,
  startTestServer,
  testPost,
  type TestServer,
} from './helpers'

let t: TestServer
let token: string

beforeAll(async () => {
  t = await startTestServer()
  token = (await signIn(t.url)).accessToken
})
afterAll(async () => {
  await t.stop()
})

const statuses = (results: MutationResult[]) =>
  results.map((r) => (r.status === 'rejected' ? `rejected:${r.reason}` : r.status))
const faults = (config: unknown) => testPost(t.url, 'faults', config)

describe('province server push', () => {
  it('applies a batch, then answers the same batch again with the stored receipts as duplicates', async () => {
    const batch = [announcementCreate('Họp dân thôn 1'), announcementCreate('Họp dân thôn 2')]
    const first = await push(t.url, token, batch)
    expect(statuses(pushResponseSchema.parse(first.body).results)).toEqual(['applied', 'applied'])
    const again = pushResponseSchema.parse((await push(t.url, token, batch)).body)
    expect(statuses(again.results)).toEqual(['duplicate', 'duplicate'])
    const receipt = again.results[0]
    expect(receipt?.status === 'duplicate' && receipt.receipt).toMatchObject({ status: 'applied', version: 1 })
    const state = await serverState(t.url)
    expect(batch.every((m) => state.receipts[m.mutationId]?.clientId === CLIENT_ID)).toBe(true)
    expect(batch.filter((m) => liveRecords(state).has(`announcement:${m.entityId}`))).toHaveLength(2)
  })

  it('answers duplicate, not applied twice, when the answer was lost after commit', async () => {
    const mutation = announcementCreate('Mất phản hồi')
    await faults({ script: [{ fault: 'drop-after-commit', path: '/v1/push' }] })
    await expect(push(t.url, token, [mutation])).rejects.toThrow()
    const retry = pushResponseSchema.parse((await push(t.url, token, [mutation])).body)
    expect(statuses(retry.results)).toEqual(['duplicate'])
    const state = await serverState(t.url)
    const logged = state.log.filter((e) => e.key === `announcement:${mutation.entityId}`)
    expect(logged).toHaveLength(1)
    expect(state.records[`announcement:${mutation.entityId}`]?.version).toBe(1)
  })

  it('applies a retry after the connection dropped before commit', async () => {
    const mutation = announcementCreate('Rớt trước khi ghi')
    await faults({ script: [{ fault: 'drop-before-commit', path: '/v1/push' }] })
    await expect(push(t.url, token, [mutation])).rejects.toThrow()
    expect((await serverState(t.url)).receipts[mutation.mutationId]).toBeUndefined()
    expect(statuses(pushResponseSchema.parse((await push(t.url, token, [mutation])).body).results)).toEqual(['applied'])
  })

  it('answers 503 and 429 with Retry-After and serverTime, without applying anything', async () => {
    await faults({ script: [{ fault: 'status-503' }, { fault: 'status-429' }], retryAfterSeconds: 7 })
    const mutation = announcementCreate('Quá tải')
    for (const [status, code] of [
      [503, 'unavailable'],
      [429, 'rate-limited'],
    ] as const) {
      const answer = await push(t.url, token, [mutation])
      expect([answer.status, (answer.body as unknown as { code: string }).code]).toEqual([status, code])
      expect(answer.headers.get('retry-after')).toBe('7')
    }
    expect((await serverState(t.url)).receipts[mutation.mutationId]).toBeUndefined()
  })

  it('rejects a malformed mutation or a province-owned entity on its own and applies the rest', async () => {
    const good = announcementCreate('Hợp lệ')
    const malformed = { ...announcementCreate('Thiếu tiêu đề'), payload: { title: '' } }
    const program = {
      mutationId: newMutationId(),
      entity: 'program',
      op: 'update',
      entityId: 'pg-001',
      baseVersion: 1,
      payload: {},
    }
    const results = pushResponseSchema.parse((await push(t.url, token, [malformed, program, good])).body).results
    expect(statuses(results)).toEqual(['rejected:invalid-mutation', 'rejected:read-only-entity', 'applied'])
    expect(results[1]?.record).toMatchObject({ entity: 'program', id: 'pg-001' })
    expect(statuses(pushResponseSchema.parse((await push(t.url, token, [malformed])).body).results)).toEqual([
      'duplicate',
    ])
  })

  it('keeps field ownership on announcements: moderation changes do not block content edits, approval does', async () => {
    const create = announcementCreate('Bản gốc')
    await push(t.url, token, [create])
    const moderate = (status: string) =>
      testPost(t.url, 'province', {
        communeId: DEMO_COMMUNE.id,
        edit: { action: 'moderate', id: create.entityId, status, reviewedBy: 'Sở VH', reason: null },
      })
    await moderate('rejected')
    const edit = (baseVersion: number, title: string) => ({
      mutationId: newMutationId(),
      entity: 'announcement',
      op: 'update',
      entityId: create.entityId,
      baseVersion,
      payload: { title },
    })
    const overModeration = pushResponseSchema.parse((await push(t.url, token, [edit(1, 'Sửa lại')])).body).results[0]
    expect(overModeration).toMatchObject({
      status: 'applied',
      version: 3,
      record: { moderation: { status: 'pending' } },
    })
    await moderate('approved')
    const stale = pushResponseSchema.parse((await push(t.url, token, [edit(3, 'Sửa sau duyệt')])).body).results[0]
    expect(stale).toMatchObject({ status: 'rejected', reason: 'version-conflict', record: { version: 4 } })
    const sameBase = pushResponseSchema.parse((await push(t.url, token, [edit(1, 'Sửa cũ')])).body).results[0]
    expect(sameBase).toMatchObject({ status: 'rejected', reason: 'version-conflict' })
  })

  it('deletes idempotently and refuses to recreate a deleted record', async () => {
    const create = announcementCreate('Sẽ xoá')
    await push(t.url, token, [create])
    const del = () => ({
      mutationId: newMutationId(),
      entity: 'announcement',
      op: 'delete',
      entityId: create.entityId,
      baseVersion: 1,
      payload: null,
    })
    const results = pushResponseSchema.parse(
      (await push(t.url, token, [del(), del(), { ...create, mutationId: newMutationId() }])).body,
    ).results
    expect(statuses(results)).toEqual(['applied', 'applied', 'rejected:gone'])
    expect(results[1]).toMatchObject({ version: 2, record: { entity: 'announcement', version: 2 } })
    expect(results[1]?.record && 'deletedAt' in results[1].record).toBe(true)
  })

  it('updates the station contact fields only, and answers 426 for an unsupported schemaVersion', async () => {
    const mutation = {
      mutationId: newMutationId(),
      entity: 'station',
      op: 'update',
      entityId: 'st-xa-demo',
      baseVersion: 1,
      payload: { contactPhone: '0911 111 111' },
    }
    const result = pushResponseSchema.parse((await push(t.url, token, [mutation])).body).results[0]
    expect(result).toMatchObject({
      status: 'applied',
      record: { contactPhone: '0911 111 111', licence: { frequencyMHz: 62.5 } },
    })
    const licence = { ...mutation, mutationId: newMutationId(), baseVersion: 2, payload: { licence: null } }
    const refused = pushResponseSchema.parse((await push(t.url, token, [licence])).body).results[0]
    expect(refused).toMatchObject({ status: 'rejected', reason: 'invalid-mutation' })
    const old = await call(t.url, 'POST', '/v1/push', {
      token,
      body: { clientId: CLIENT_ID, schemaVersion: 99, mutations: [mutation] },
    })
    expect([old.status, old.body.code]).toEqual([426, 'upgrade-required'])
  })
})

describe('province server observations', () => {
  const observation = (id: string, clusterId: string) => ({
    id,
    clusterId,
    at: new Date().toISOString(),
    kind: 'test-ok',
    note: '',
  })

  it('stores entries once, answers duplicates and rejects unknown clusters or malformed entries', async () => {
    const a = observation(newMutationId(), 'cl-001')
    const playLog = {
      id: newMutationId(),
      scheduleId: null,
      scheduleItemId: null,
      target: { kind: 'program', id: 'pg-001' },
      priority: 'emergency',
      clusterIds: ['cl-001'],
      plannedStart: null,
      actualStart: new Date().toISOString(),
      actualEnd: null,
      outcome: 'played',
      note: '',
    }
    const body = {
      playLog: [playLog, { id: 'broken' }],
      deviceObservations: [a, observation(newMutationId(), 'cl-999')],
    }
    const first = await call<{ results: { status: string; reason: string | null }[] }>(
      t.url,
      'POST',
      '/v1/observations',
      { token, body },
    )
    expect(first.body.results.map((r) => r.reason ?? r.status)).toEqual([
      'stored',
      'invalid-entry',
      'stored',
      'unknown-cluster',
    ])
    const again = await call<{ results: { status: string }[] }>(t.url, 'POST', '/v1/observations', { token, body })
    expect(again.body.results.map((r) => r.status)).toEqual(['duplicate', 'rejected', 'duplicate', 'rejected'])
    const state = await serverState(t.url)
    expect(Object.keys(state.deviceObservations)).toEqual([a.id])
  })
})
