import { describe, expect, it } from 'vitest'
import { createHttpConnector } from '../../../src/renderer/sync/http-connector'
import { DEMO_ACCOUNT, DEMO_COMMUNE } from '../../province-server/demo-seed'
import { announcementCreate, testPost } from '../province-server/helpers'
import { faults, healFaults } from './helpers'
import { useProvinceServer } from './server-fixture'

const province = useProvinceServer()
const clientId = '01900000-0000-7000-8000-00000000c0de'

async function signedIn() {
  const connector = createHttpConnector({ baseUrl: province.url, timeoutMs: 2_000 })
  const answer = await connector.signIn({ username: DEMO_ACCOUNT.username, password: DEMO_ACCOUNT.password, clientId })
  if (!answer.ok) throw new Error(answer.error.message)
  return { connector, auth: { accessToken: answer.value.accessToken }, tokens: answer.value }
}

describe('renderer/sync/http-connector against the reference province server', () => {
  it('signs in, pages a bootstrap to a pull cursor and pulls what changed, with serverTime', async () => {
    const { connector, auth, tokens } = await signedIn()
    expect(tokens.commune.id).toBe(DEMO_COMMUNE.id)
    const records = []
    let page = await connector.bootstrap(auth, { limit: 25 })
    for (let n = 0; n < 10 && page.ok; n++) {
      records.push(...page.value.records)
      expect(Date.parse(page.value.serverTime)).not.toBeNaN()
      if (!page.value.hasMore) break
      page = await connector.bootstrap(auth, { cursor: page.value.cursor, limit: 25 })
    }
    if (!page.ok) throw new Error(page.error.message)
    expect(page.value.hasMore).toBe(false)
    expect(records.filter((r) => r.entity === 'program')).toHaveLength(20)

    const pushed = await connector.push(auth, {
      clientId,
      schemaVersion: 1,
      mutations: [announcementCreate('Qua connector')],
    })
    expect(pushed.ok && pushed.value.results[0]?.status).toBe('applied')
    const pulled = await connector.pull(auth, { cursor: page.value.cursor })
    expect(pulled.ok && pulled.value.upserts.map((r) => r.entity)).toEqual(['announcement'])
  })

  it('answers errors as ConnectorError: bad token 401, unknown cursor 400, 503 with Retry-After', async () => {
    const { connector, auth } = await signedIn()
    const bad = await connector.pull({ accessToken: 'nope' }, { cursor: 'x' })
    expect(bad).toMatchObject({ ok: false, error: { status: 401, retryable: false } })
    const cursor = await connector.pull(auth, { cursor: 'not-a-cursor' })
    expect(cursor).toMatchObject({ ok: false, error: { code: 'cursor-invalid', status: 400, retryable: false } })
    await faults(province.url, { retryAfterSeconds: 9, script: [{ fault: 'status-503', path: '/v1/bootstrap' }] })
    const busy = await connector.bootstrap(auth, {})
    expect(busy).toMatchObject({ ok: false, error: { code: 'unavailable', retryable: true, retryAfterMs: 9_000 } })
    if (!busy.ok) expect(busy.error.serverTime).not.toBeNull()
    await healFaults(province.url)
  })

  it('reports a dropped connection as network and a hang as timeout, both retryable', async () => {
    const { auth } = await signedIn()
    const quick = createHttpConnector({ baseUrl: province.url, timeoutMs: 200 })
    await faults(province.url, {
      hangMs: 1_000,
      script: [
        { fault: 'hang', path: '/v1/bootstrap' },
        { fault: 'drop-before-commit', path: '/v1/bootstrap' },
      ],
    })
    expect(await quick.bootstrap(auth, {})).toMatchObject({ ok: false, error: { code: 'timeout', retryable: true } })
    expect(await quick.bootstrap(auth, {})).toMatchObject({ ok: false, error: { code: 'network', retryable: true } })
    await healFaults(province.url)
  })

  it('says token-expired when the access token is old, and refresh gives a new pair', async () => {
    const { connector, auth, tokens } = await signedIn()
    await testPost(province.url, 'clock', { advanceMs: 20 * 60_000 })
    expect(await connector.bootstrap(auth, {})).toMatchObject({
      ok: false,
      error: { code: 'token-expired', status: 401 },
    })
    const refreshed = await connector.refresh({ refreshToken: tokens.refreshToken })
    expect(refreshed.ok).toBe(true)
    if (refreshed.ok)
      expect((await connector.bootstrap({ accessToken: refreshed.value.accessToken }, {})).ok).toBe(true)
  })

  it('declares media and turns the answer into an absolute tus target with the bearer token', async () => {
    const { connector, auth } = await signedIn()
    const hash = 'c'.repeat(64)
    const declared = await connector.createMediaUpload(auth, {
      sha256: hash,
      size: 1000,
      mime: 'audio/wav',
      announcementId: clientId,
    })
    if (!declared.ok) throw new Error(declared.error.message)
    const target = connector.mediaUploadTarget(auth, declared.value)
    expect(target?.endpoint).toBe(`${province.url}/files`)
    expect(target?.headers.authorization).toBe(`Bearer ${auth.accessToken}`)
    expect(target?.metadata).toMatchObject({ sha256: hash, size: '1000' })
    const status = await connector.mediaStatus(auth, hash)
    expect(status.ok && status.value.asset.status).toBe('missing')
    const health = await connector.health()
    expect(health.ok).toBe(true)
  })
})
