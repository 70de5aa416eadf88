import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHttpConnector } from '../../../../src/renderer/sync/http-connector'

/** A loopback server answering what each test needs (a proxy page, a wrong body, a slow answer). */
let server: Server
let url = ''
const answers = new Map<string, { status: number; body: string; delayMs?: number; headers?: Record<string, string> }>()
const seen: { method: string; url: string; auth: string | undefined }[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', auth: req.headers.authorization })
    const answer = answers.get(new URL(req.url ?? '/', 'http://x').pathname) ?? { status: 404, body: '' }
    setTimeout(() => {
      if (res.destroyed) return
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers })
      res.end(answer.body)
    }, answer.delayMs ?? 0)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

const auth = { accessToken: 'tok' }

describe('renderer/sync/http-connector', () => {
  it('sends the bearer token and the query, and parses the answer with the contract', async () => {
    const serverTime = '2026-11-23T01:00:00.000Z'
    answers.set('/v1/pull', {
      status: 200,
      body: JSON.stringify({ upserts: [], tombstones: [], cursor: 'c2', hasMore: false, serverTime }),
    })
    const answer = await createHttpConnector({ baseUrl: url }).pull(auth, { cursor: 'c1', limit: 50 })
    expect(answer).toEqual({
      ok: true,
      value: { upserts: [], tombstones: [], cursor: 'c2', hasMore: false, serverTime },
    })
    expect(seen.at(-1)).toEqual({ method: 'GET', url: '/v1/pull?cursor=c1&limit=50', auth: 'Bearer tok' })
  })

  it('answers bad-response (not retryable) for a 200 that breaks the contract', async () => {
    answers.set('/v1/health', { status: 200, body: '{"status":"ok"}' })
    const answer = await createHttpConnector({ baseUrl: url }).health()
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad-response', retryable: false, status: 200 } })
  })

  it('classifies a gateway error page as retryable and reads Retry-After', async () => {
    answers.set('/v1/bootstrap', { status: 502, body: '<html>Bad Gateway</html>', headers: { 'retry-after': '12' } })
    const answer = await createHttpConnector({ baseUrl: url }).bootstrap(auth, {})
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal', retryable: true, retryAfterMs: 12_000 } })
  })

  it('gives up after its own timeout, and stops at once when the caller aborts', async () => {
    answers.set('/v1/bootstrap', { status: 200, body: '{}', delayMs: 2_000 })
    const connector = createHttpConnector({ baseUrl: url, timeoutMs: 100 })
    const started = Date.now()
    expect(await connector.bootstrap(auth, {})).toMatchObject({
      ok: false,
      error: { code: 'timeout', retryable: true },
    })
    const controller = new AbortController()
    const slow = createHttpConnector({ baseUrl: url, timeoutMs: 10_000 }).bootstrap(
      auth,
      {},
      { signal: controller.signal },
    )
    setTimeout(() => controller.abort(), 50)
    expect(await slow).toMatchObject({ ok: false, error: { code: 'network' } })
    expect(Date.now() - started).toBeLessThan(1_500)
  })

  it('answers network when nothing listens', async () => {
    const answer = await createHttpConnector({ baseUrl: 'http://127.0.0.1:9' }).health()
    expect(answer).toMatchObject({ ok: false, error: { code: 'network', status: null, retryable: true } })
  })
})
