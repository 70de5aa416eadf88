/**
 * The province tokens stay in main: the whole set of main-side handlers (as either host runs
 * them) against the reference server. A page signs in, refreshes and syncs through the bridge, and
 * no command answer or event ever carries a real token; uploads go only to the province's origin.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppServices, type AppServices } from '../../../src/main/app-services'
import { commands } from '../../../src/shared/ipc/contract'
import { TOKEN_HELD_BY_MAIN, provinceSessionSchema, type ProvinceHttpAnswer } from '../../../src/shared/ipc/province'
import type { Result } from '../../../src/shared/result'
import { DEMO_ACCOUNT } from '../../province-server/demo-seed'
import { collectingLogger } from '../../unit/helpers/collecting-logger'
import { tempDirs } from '../../unit/helpers/temp-dir'
import { CLIENT_ID, startTestServer, type TestServer } from './helpers'

const dirs = tempDirs('daixa-token-isolation-')
const ctx = { sender: 'test-page', owner: 'ws:1' }
let t: TestServer
let services: AppServices
let dataDir: string
const seen: string[] = []

beforeAll(async () => {
  t = await startTestServer()
  dataDir = await dirs.make()
  services = await createAppServices({
    dataDir,
    info: { version: '0.0.0-test', host: 'browser', platform: process.platform, mediaBaseUrl: '/media/' },
    log: collectingLogger(),
  })
  services.bus.subscribe((channel, payload) => seen.push(JSON.stringify({ channel, payload })))
})
afterAll(async () => {
  await services.stop()
  await t.stop()
  await dirs.cleanup()
})

/** A call as the page makes it; every answer is kept for the final sweep. */
async function page(channel: string, input: unknown): Promise<Result<unknown>> {
  const result = await services.dispatch(channel, input, ctx)
  seen.push(JSON.stringify(result, (_k, v: unknown) => (v instanceof Uint8Array ? new TextDecoder().decode(v) : v)))
  return result
}

async function http(method: 'GET' | 'POST', pathAndQuery: string, body: unknown, token: string | null) {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (body !== null) headers['content-type'] = 'application/json'
  if (token !== null) headers.authorization = `Bearer ${token}`
  const result = await page('province:http', {
    method,
    pathAndQuery,
    headers,
    body: body === null ? null : JSON.stringify(body),
    timeoutMs: 10_000,
  })
  if (!result.ok) throw new Error(`${pathAndQuery}: ${result.error.code} ${result.error.message}`)
  const answer = result.value as ProvinceHttpAnswer
  return { status: answer.status, json: JSON.parse(new TextDecoder().decode(answer.body)) as Record<string, unknown> }
}

const storedSession = async () =>
  provinceSessionSchema.parse(JSON.parse(await readFile(join(dataDir, 'province-session.bin'), 'utf8')))

describe('province tokens stay in main', () => {
  const realTokens: string[] = []

  it('hands the page placeholders when it signs in and refreshes, and the real pair works for it', async () => {
    expect((await page('province:setServer', { serverUrl: t.url })).ok).toBe(true)
    const credentials = { username: DEMO_ACCOUNT.username, password: DEMO_ACCOUNT.password, clientId: CLIENT_ID }
    const signIn = await http('POST', '/v1/auth/sign-in', credentials, null)
    expect(signIn.status).toBe(200)
    expect(signIn.json).toMatchObject({ accessToken: TOKEN_HELD_BY_MAIN, refreshToken: TOKEN_HELD_BY_MAIN })
    const first = await storedSession()
    realTokens.push(first.accessToken, first.refreshToken)
    expect(first.accessToken).not.toBe(TOKEN_HELD_BY_MAIN)

    // The page's placeholder (or anything it writes there) is replaced by main's access token.
    for (const token of [TOKEN_HELD_BY_MAIN, 'forged-by-the-page', null]) {
      const pulled = await http('GET', '/v1/bootstrap?limit=5', null, token)
      expect(pulled.status, String(token)).toBe(token === null ? 401 : 200)
    }

    // Refresh: the page sends the placeholder, main sends the stored refresh token and keeps the new pair.
    const refreshed = await http('POST', '/v1/auth/refresh', { refreshToken: TOKEN_HELD_BY_MAIN }, null)
    expect(refreshed.status).toBe(200)
    expect(refreshed.json).toMatchObject({ accessToken: TOKEN_HELD_BY_MAIN, refreshToken: TOKEN_HELD_BY_MAIN })
    const second = await storedSession()
    expect(second.refreshToken).not.toBe(first.refreshToken)
    expect(second).toMatchObject({ username: DEMO_ACCOUNT.username, communeName: first.communeName })
    realTokens.push(second.accessToken, second.refreshToken)
    expect((await http('GET', '/v1/bootstrap?limit=5', null, TOKEN_HELD_BY_MAIN)).status).toBe(200)
  })

  it('answers no token through any bridge command', async () => {
    for (const channel of Object.keys(commands)) {
      if (channel === 'province:signOut' || channel === 'province:setServer') continue
      await page(channel, {})
    }
    await page('province:connection', {})
    await page('uploads:list', {})
    expect(Object.keys(commands)).not.toContain('province:session')
    expect(seen.length).toBeGreaterThan(Object.keys(commands).length)
    for (const text of seen) for (const token of realTokens) expect(text).not.toContain(token)
  })

  it('refuses an upload to a foreign origin and sends it nothing', async () => {
    let requests = 0
    const foreign: Server = createServer((_req, res) => {
      requests += 1
      res.writeHead(201, { Location: '/files/x', 'Tus-Resumable': '1.0.0' }).end()
    })
    await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve))
    const foreignUrl = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}`
    try {
      for (const endpoint of [`${foreignUrl}/files`, `http://localhost:${new URL(t.url).port}/files`]) {
        const result = await page('uploads:run', {
          hash: 'a'.repeat(64),
          target: { endpoint, headers: { authorization: `Bearer ${TOKEN_HELD_BY_MAIN}` }, metadata: {} },
        })
        expect(result.ok ? null : result.error.code, endpoint).toBe('forbidden')
      }
      expect(requests).toBe(0)
    } finally {
      foreign.closeAllConnections()
      await new Promise<void>((resolve) => foreign.close(() => resolve()))
    }
  })

  it('answers a refresh after sign-out locally with refresh-invalid, sending nothing', async () => {
    expect((await page('province:signOut', {})).ok).toBe(true)
    const refused = await http('POST', '/v1/auth/refresh', { refreshToken: TOKEN_HELD_BY_MAIN }, null)
    expect(refused.status).toBe(401)
    expect(refused.json).toMatchObject({ code: 'refresh-invalid' })
  })
})
