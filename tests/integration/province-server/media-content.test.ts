import { createHash, randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pullResponseSchema } from '../../../src/shared/province/pull'
import { call, signIn, startTestServer, type TestServer } from './helpers'
import { publishProgram, publishWithAudio } from './publish'

let t: TestServer
let token: string
const bytes = randomBytes(200_000)
let sha256 = ''

beforeAll(async () => {
  t = await startTestServer()
  token = (await signIn(t.url)).accessToken
  sha256 = (await publishWithAudio(t.url, { id: 'pg-dl-1' }, bytes, 'audio/mpeg')).mediaHash ?? ''
})
afterAll(async () => {
  await t.stop()
})

const content = (hash: string, headers: Record<string, string> = {}) =>
  fetch(`${t.url}/v1/media/${hash}/content`, { headers: { authorization: `Bearer ${token}`, ...headers } })

describe('GET /v1/media/{sha256}/content (reference server)', () => {
  it('serves the whole file with its ETag, length and type, never gzipped', async () => {
    const answer = await content(sha256, { 'accept-encoding': 'gzip' })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('etag')).toBe(`"${sha256}"`)
    expect(answer.headers.get('content-type')).toBe('audio/mpeg')
    expect(answer.headers.get('content-length')).toBe(String(bytes.length))
    expect(answer.headers.get('accept-ranges')).toBe('bytes')
    expect(answer.headers.get('content-encoding')).toBeNull()
    expect(answer.headers.get('x-server-time')).toBeTruthy()
    const got = Buffer.from(await answer.arrayBuffer())
    expect(createHash('sha256').update(got).digest('hex')).toBe(sha256)
  })

  it('resumes from a byte with Range and If-Range, and ignores the range for another validator', async () => {
    const part = await content(sha256, { range: 'bytes=150000-', 'if-range': `"${sha256}"` })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 150000-199999/200000`)
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(150_000))).toBe(true)

    const stale = await content(sha256, { range: 'bytes=150000-', 'if-range': '"something-else"' })
    expect(stale.status).toBe(200)
    expect((await stale.arrayBuffer()).byteLength).toBe(bytes.length)
  })

  it('answers 416 with the size for a range past the end, 404 for a file it does not have', async () => {
    const past = await content(sha256, { range: 'bytes=200000-' })
    expect(past.status).toBe(416)
    expect(past.headers.get('content-range')).toBe('bytes */200000')
    expect(await past.json()).toMatchObject({ code: 'range-not-satisfiable' })

    const ghost = 'e'.repeat(64)
    await publishProgram(t.url, { id: 'pg-dl-ghost', mediaHash: ghost, mediaSize: 1000 })
    const missing = await content(ghost)
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ code: 'not-found' })
    // a hash no programme of this commune names is not served, even if the library has it
    const other = await fetch(`${t.url}/__test__/library?mime=audio/wav`, { method: 'POST', body: randomBytes(10) })
    const { sha256: unnamed } = (await other.json()) as { sha256: string }
    expect((await content(unnamed)).status).toBe(404)
  })

  it('asks for the bearer token', async () => {
    const answer = await fetch(`${t.url}/v1/media/${sha256}/content`)
    expect(answer.status).toBe(401)
  })
})

describe('GET /v1/pull with wait (long-poll, reference server)', () => {
  it('holds an empty answer until a change arrives, then answers at once', async () => {
    const boot = await call(t.url, 'GET', '/v1/bootstrap', { token, query: { limit: 2000 } })
    const cursor = String(boot.body.cursor)
    const started = Date.now()
    const held = call(t.url, 'GET', '/v1/pull', { token, query: { cursor, wait: 20 } })
    await new Promise((r) => setTimeout(r, 300))
    await publishProgram(t.url, { id: 'pg-longpoll', priority: 'emergency', title: 'Khẩn: bão số 5' })
    const answer = pullResponseSchema.parse((await held).body)
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(answer.upserts.map((r) => r.id)).toContain('pg-longpoll')
  })

  it('answers an empty page when nothing changes within wait', async () => {
    const boot = await call(t.url, 'GET', '/v1/bootstrap', { token, query: { limit: 2000 } })
    const started = Date.now()
    const answer = await call(t.url, 'GET', '/v1/pull', { token, query: { cursor: String(boot.body.cursor), wait: 1 } })
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    expect(pullResponseSchema.parse(answer.body)).toMatchObject({ upserts: [], tombstones: [], hasMore: false })
  })
})
