import { request as httpRequest } from 'node:http'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EntityRecord } from '../../../src/shared/province/entities'
import { bootstrapResponseSchema, pullResponseSchema, type PullResponse } from '../../../src/shared/province/pull'
import { DEMO_COMMUNE } from '../../province-server/demo-seed'
import { call, signIn, startTestServer, testPost, type TestServer } from './helpers'

let t: TestServer
let token: string

beforeAll(async () => {
  t = await startTestServer()
  token = (await signIn(t.url)).accessToken
})
afterAll(async () => {
  await t.stop()
})

const keyOf = (r: { entity: string; id: string }): string => `${r.entity}:${r.id}`

/** Pages through bootstrap; returns every record and the final pull cursor. */
async function bootstrapAll(limit: number): Promise<{ records: EntityRecord[]; cursor: string; pages: number }> {
  const records: EntityRecord[] = []
  let cursor: string | undefined
  for (let pages = 1; pages <= 50; pages += 1) {
    const answer = await call(t.url, 'GET', '/v1/bootstrap', { token, query: { limit, ...(cursor ? { cursor } : {}) } })
    const page = bootstrapResponseSchema.parse(answer.body)
    records.push(...page.records)
    cursor = page.cursor
    if (!page.hasMore) return { records, cursor, pages }
  }
  throw new Error('bootstrap did not finish in 50 pages')
}

async function pullAll(cursor: string, limit = 200): Promise<{ pages: PullResponse[]; cursor: string }> {
  const pages: PullResponse[] = []
  for (let i = 0; i < 50; i += 1) {
    const page = pullResponseSchema.parse(
      (await call(t.url, 'GET', '/v1/pull', { token, query: { cursor, limit } })).body,
    )
    pages.push(page)
    cursor = page.cursor
    if (!page.hasMore) return { pages, cursor }
  }
  throw new Error('pull did not finish in 50 pages')
}

const province = (edit: unknown) => testPost(t.url, 'province', { communeId: DEMO_COMMUNE.id, edit })

describe('province server bootstrap and pull', () => {
  it('bootstraps the demo commune in pages without gaps or repeats', async () => {
    const { records, pages } = await bootstrapAll(25)
    expect(pages).toBe(3)
    const counts = records.reduce<Record<string, number>>(
      (acc, r) => ({ ...acc, [r.entity]: (acc[r.entity] ?? 0) + 1 }),
      {},
    )
    expect(counts).toEqual({ station: 1, program: 20, cluster: 40, schedule: 3 })
    expect(new Set(records.map(keyOf)).size).toBe(records.length)
    expect(records.filter((r) => r.entity === 'program' && r.priority === 'emergency')).toHaveLength(2)
  })

  it('pulls nothing right after bootstrap, then province changes as upserts and tombstones', async () => {
    const { cursor } = await bootstrapAll(100)
    const idle = await pullAll(cursor)
    expect(idle.pages[0]?.upserts).toEqual([])
    expect(idle.pages[0]?.tombstones).toEqual([])
    const program = (await bootstrapAll(100)).records.find((r) => r.id === 'pg-003')
    if (program?.entity !== 'program') throw new Error('pg-003 missing')
    await province({ action: 'put', record: { ...program, title: 'Đổi tên' } })
    await province({ action: 'put', record: { ...program, title: 'Đổi tên lần hai' } })
    await province({ action: 'delete', entity: 'cluster', id: 'cl-007' })
    const changes = await pullAll(idle.cursor)
    const page = changes.pages[0]
    expect(page?.upserts.map((r) => [r.id, r.version, r.entity === 'program' ? r.title : ''])).toEqual([
      ['pg-003', 3, 'Đổi tên lần hai'],
    ])
    expect(page?.tombstones).toEqual([expect.objectContaining({ entity: 'cluster', id: 'cl-007', version: 2 })])
    const after = await pullAll(changes.cursor)
    expect(after.pages[0]?.upserts).toHaveLength(0)
  })

  it('pages a pull with limit/hasMore and delivers each change once', async () => {
    const { cursor } = await bootstrapAll(200)
    const clusters = (await bootstrapAll(200)).records.filter((r) => r.entity === 'cluster').slice(0, 7)
    for (const cluster of clusters) await province({ action: 'put', record: { ...cluster, status: 'faulty' } })
    const { pages } = await pullAll(cursor, 3)
    expect(pages.map((p) => p.upserts.length)).toEqual([3, 3, 1])
    expect(pages.map((p) => p.hasMore)).toEqual([true, true, false])
    expect(pages.flatMap((p) => p.upserts.map((r) => r.id))).toEqual(clusters.map((c) => c.id))
  })

  it('answers 410 resync-required for a cursor older than the horizon, and bootstrap starts over', async () => {
    const { cursor } = await bootstrapAll(200)
    await province({ action: 'delete', entity: 'program', id: 'pg-018' })
    await testPost(t.url, 'clock', { advanceMs: 1000 })
    const compacted = await testPost(t.url, 'compact', { communeId: DEMO_COMMUNE.id, olderThanMs: 0 })
    expect(compacted.body.purged).toBeGreaterThanOrEqual(1)
    const stale = await call(t.url, 'GET', '/v1/pull', { token, query: { cursor } })
    expect([stale.status, stale.body.code]).toEqual([410, 'resync-required'])
    expect(stale.body.serverTime).toEqual(expect.any(String))
    const fresh = await bootstrapAll(200)
    expect(fresh.records.some((r) => r.id === 'pg-018')).toBe(false)
    expect((await call(t.url, 'GET', '/v1/pull', { token, query: { cursor: fresh.cursor } })).status).toBe(200)
  })

  it('refuses made-up cursors and bootstrap cursors on pull with 400 cursor-invalid', async () => {
    const junk = await call(t.url, 'GET', '/v1/pull', { token, query: { cursor: 'bm90LWEtY3Vyc29y' } })
    expect([junk.status, junk.body.code]).toEqual([400, 'cursor-invalid'])
    const first = bootstrapResponseSchema.parse(
      (await call(t.url, 'GET', '/v1/bootstrap', { token, query: { limit: 5 } })).body,
    )
    expect(first.hasMore).toBe(true)
    const wrongKind = await call(t.url, 'GET', '/v1/pull', { token, query: { cursor: first.cursor } })
    expect([wrongKind.status, wrongKind.body.code]).toEqual([400, 'cursor-invalid'])
    const badLimit = await call(t.url, 'GET', '/v1/pull', { token, query: { cursor: first.cursor, limit: 9999 } })
    expect([badLimit.status, badLimit.body.code]).toEqual([400, 'invalid-request'])
  })

  it('gzips a large answer for a client that accepts it, and sends it plain otherwise', async () => {
    const get = (acceptEncoding: string) =>
      new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
        const target = new URL('/v1/bootstrap?limit=50', t.url)
        const req = httpRequest(target, {
          headers: { authorization: `Bearer ${token}`, 'accept-encoding': acceptEncoding },
          timeout: 10_000,
        })
        req.on('response', (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }))
          res.on('error', reject)
        })
        req.on('error', reject)
        req.end()
      })
    const zipped = await get('gzip, deflate')
    const plain = await get('identity')
    expect(zipped.encoding).toBe('gzip')
    expect(plain.encoding).toBeUndefined()
    expect(zipped.body.byteLength).toBeLessThan(plain.body.byteLength / 3)
    const fromZipped = bootstrapResponseSchema.parse(JSON.parse(gunzipSync(zipped.body).toString('utf8')))
    const fromPlain = bootstrapResponseSchema.parse(JSON.parse(plain.body.toString('utf8')))
    expect(fromZipped.records).toEqual(fromPlain.records)
  })
})
