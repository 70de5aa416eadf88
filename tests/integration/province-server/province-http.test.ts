import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createProvinceAccount, ownerOnlyFileSealer } from '../../../src/main/services/province/province-account'
import { createProvinceHttp } from '../../../src/main/services/province/province-http'
import { provinceCommands } from '../../../src/shared/ipc/province'
import { collectingLogger } from '../../unit/helpers/collecting-logger'
import { tempDirs } from '../../unit/helpers/temp-dir'
import { startTestServer, type TestServer } from './helpers'

const dirs = tempDirs('daixa-province-http-')
let t: TestServer
beforeAll(async () => {
  t = await startTestServer()
})
afterAll(async () => {
  await t.stop()
})

const request = (pathAndQuery: string) => ({
  method: 'GET' as const,
  pathAndQuery,
  headers: { accept: 'application/json' },
  body: null,
  timeoutMs: 5000,
})

describe('main/services/province/province-http (against the reference server)', () => {
  it('relays a request to the configured server and returns the headers the connector reads', async () => {
    const account = createProvinceAccount(await dirs.make(), ownerOnlyFileSealer, collectingLogger())
    await account.setServer(t.url)
    const answer = await createProvinceHttp(account)(request('/v1/health'))
    expect(answer.status).toBe(200)
    expect(JSON.parse(new TextDecoder().decode(answer.body))).toMatchObject({ status: 'ok' })
    expect(Object.keys(answer.headers)).toContain('content-type')
  })

  it('answers not-found before any server is set, and disconnected when the server does not answer', async () => {
    const account = createProvinceAccount(await dirs.make(), ownerOnlyFileSealer, collectingLogger())
    await expect(createProvinceHttp(account)(request('/v1/health'))).rejects.toMatchObject({ code: 'not-found' })
    await account.setServer('http://127.0.0.1:9')
    await expect(createProvinceHttp(account)(request('/v1/health'))).rejects.toMatchObject({ code: 'disconnected' })
  })

  it('lets only /v1/ paths of the API through the bridge', () => {
    const input = provinceCommands['province:http'].input
    expect(input.safeParse(request('/v1/pull?cursor=abc&limit=500')).success).toBe(true)
    expect(input.safeParse(request('/__test__/state')).success).toBe(false)
    expect(input.safeParse(request('//evil.example/v1/x')).success).toBe(false)
    expect(input.safeParse(request('/v1/../__test__/state')).success).toBe(false)
  })

  it('refuses a path that climbs out of /v1/ once resolved', async () => {
    const account = createProvinceAccount(await dirs.make(), ownerOnlyFileSealer, collectingLogger())
    await account.setServer(t.url)
    await expect(createProvinceHttp(account)(request('/v1/%2e%2e/__test__/state'))).rejects.toMatchObject({
      code: 'forbidden',
    })
  })

  it('stops reading a gzip answer that inflates past 32 MB, and calls an answer cut mid-way disconnected', async () => {
    // 64 MB of spaces is ~64 KB of gzip: what fetch inflates is counted, not what crossed the wire.
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20))
    const server: Server = createServer((req, res) => {
      if (req.url?.startsWith('/v1/bomb')) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' })
        res.end(bomb)
        return
      }
      // Half of a promised answer, then the connection goes.
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' })
      res.write('{"records":[')
      setTimeout(() => res.socket?.destroy(), 20)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const account = createProvinceAccount(await dirs.make(), ownerOnlyFileSealer, collectingLogger())
      await account.setServer(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)
      const http = createProvinceHttp(account)
      await expect(http(request('/v1/bomb'))).rejects.toMatchObject({ code: 'corrupt' })
      await expect(http(request('/v1/cut'))).rejects.toMatchObject({ code: 'disconnected' })
    } finally {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })
})
