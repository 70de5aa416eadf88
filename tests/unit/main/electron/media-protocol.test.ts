import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProtocolHandler } from '../../../../src/main/electron/app-protocol'
import { createMediaHandler } from '../../../../src/main/electron/media-protocol'
import { createOriginCheck } from '../../../../src/main/electron/schemes'
import { createLogger } from '../../../../src/main/services/logger'
import { createMediaStore } from '../../../../src/main/services/media/media-store'

describe('media-protocol', () => {
  const hash = 'ab'.repeat(32)
  const absent = 'cd'.repeat(32)
  const bytes = randomBytes(100_000)
  let dir: string
  let handle: ProtocolHandler

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'daixa-media-protocol-'))
    const store = await createMediaStore(join(dir, 'media'))
    await writeFile(store.pathOf(hash), bytes)
    handle = createMediaHandler({ store, isTrustedOrigin: createOriginCheck(null), log: createLogger(() => undefined) })
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  const url = (name: string) => `daixa-media://media/${name}.wav`
  const get = (target: string, init?: RequestInit) => handle(new Request(target, init))

  it('serves the whole file as audio/wav with Accept-Ranges', async () => {
    const res = await get(url(hash))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('audio/wav')
    expect(res.headers.get('accept-ranges')).toBe('bytes')
    expect(res.headers.get('content-length')).toBe('100000')
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true)
  })

  it('serves exactly the requested range, open-ended and suffix ranges included', async () => {
    const middle = await get(url(hash), { headers: { Range: 'bytes=1000-1999' } })
    expect(middle.status).toBe(206)
    expect(middle.headers.get('content-range')).toBe('bytes 1000-1999/100000')
    expect(Buffer.from(await middle.arrayBuffer()).equals(bytes.subarray(1000, 2000))).toBe(true)
    const tail = await get(url(hash), { headers: { Range: 'bytes=99990-' } })
    expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(99_990))).toBe(true)
    const suffix = await get(url(hash), { headers: { Range: 'bytes=-16' } })
    expect(suffix.headers.get('content-range')).toBe('bytes 99984-99999/100000')
    expect(Buffer.from(await suffix.arrayBuffer()).equals(bytes.subarray(99_984))).toBe(true)
  })

  it('answers 416 for a range past the end', async () => {
    const res = await get(url(hash), { headers: { Range: 'bytes=100000-' } })
    expect(res.status).toBe(416)
    expect(res.headers.get('content-range')).toBe('bytes */100000')
  })

  it('answers 404 for anything that is not a stored lower-case SHA-256 name', async () => {
    for (const target of [
      url(absent),
      url(hash.toUpperCase()),
      url('../settings'),
      url(`${hash}/x`),
      `daixa-media://media/${hash}.peaks.json`,
      `daixa-media://other/${hash}.wav`,
      'daixa-media://media/',
    ]) {
      expect((await get(target)).status, target).toBe(404)
    }
  })

  it('lets the app origin read the media with CORS, and no other origin', async () => {
    const fromApp = await get(url(hash), { headers: { Origin: 'app://daixa', Range: 'bytes=0-3' } })
    expect(fromApp.headers.get('access-control-allow-origin')).toBe('app://daixa')
    expect(fromApp.headers.get('access-control-expose-headers')).toContain('Content-Range')
    expect(fromApp.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    const fromElsewhere = await get(url(hash), { headers: { Origin: 'https://evil.example' } })
    expect(fromElsewhere.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('answers a CORS preflight for the app origin only', async () => {
    const ok = await get(url(hash), { method: 'OPTIONS', headers: { Origin: 'app://daixa' } })
    expect(ok.status).toBe(204)
    expect(ok.headers.get('access-control-allow-headers')).toBe('Range')
    const refused = await get(url(hash), { method: 'OPTIONS', headers: { Origin: 'https://evil.example' } })
    expect(refused.status).toBe(403)
  })

  it('sends headers but no body for HEAD, and refuses other methods', async () => {
    const head = await get(url(hash), { method: 'HEAD' })
    expect(head.headers.get('content-length')).toBe('100000')
    expect((await head.arrayBuffer()).byteLength).toBe(0)
    expect((await get(url(hash), { method: 'DELETE' })).status).toBe(405)
  })
})
