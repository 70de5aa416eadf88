import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppFileHandler, resolveAppPath, type ProtocolHandler } from '../../../../src/main/electron/app-protocol'
import { ELECTRON_CSP } from '../../../../src/main/electron/csp'
import { createLogger } from '../../../../src/main/services/logger'

describe('app-protocol', () => {
  let base: string
  let root: string
  let handle: ProtocolHandler
  const index = '<!doctype html><title>Đài Xã</title>'
  const script = 'console.log("đài")'

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'daixa-app-protocol-'))
    root = join(base, 'renderer')
    await mkdir(join(root, 'assets'), { recursive: true })
    await writeFile(join(root, 'index.html'), index)
    await writeFile(join(root, 'assets', 'app-1a2b.js'), script)
    await writeFile(join(root, 'assets', 'ffmpeg-core.wasm'), new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]))
    await writeFile(join(base, 'secret.txt'), 'not for the page')
    handle = createAppFileHandler({ root, log: createLogger(() => undefined) })
  })
  afterAll(() => rm(base, { recursive: true, force: true }))

  const get = (url: string, init?: RequestInit) => handle(new Request(url, init))

  it('serves index.html for the root with the CSP header', async () => {
    const res = await get('app://daixa/')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(res.headers.get('content-security-policy')).toBe(ELECTRON_CSP)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await res.text()).toBe(index)
  })

  it('serves assets with their content types', async () => {
    const js = await get('app://daixa/assets/app-1a2b.js')
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await js.text()).toBe(script)
    const wasm = await get('app://daixa/assets/ffmpeg-core.wasm')
    expect(wasm.headers.get('content-type')).toBe('application/wasm')
    expect(new Uint8Array(await wasm.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]))
  })

  it('gives the app shell for unknown paths without an extension, 404 for missing files', async () => {
    expect(await (await get('app://daixa/record/new')).text()).toBe(index)
    const missing = await get('app://daixa/assets/gone.js')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-security-policy')).toBe(ELECTRON_CSP)
  })

  it('never serves a file outside the renderer folder', async () => {
    for (const url of [
      'app://daixa/..%2fsecret.txt',
      'app://daixa/%2e%2e/secret.txt',
      'app://daixa/assets/..%2f..%2fsecret.txt',
    ]) {
      const res = await get(url)
      expect(await res.text()).not.toBe('not for the page')
    }
    for (const path of ['/../secret.txt', '/..%2f..%2fsecret.txt', '/a/../../secret.txt']) {
      const file = resolveAppPath(root, path)
      expect(file === null || file.startsWith(root + '/')).toBe(true)
    }
    expect(resolveAppPath(root, '/%E0%A4%A')).toBeNull()
    expect(resolveAppPath(root, '/index.html%00.png')).toBeNull()
  })

  it('answers only its own host and only GET and HEAD', async () => {
    expect((await get('app://other/index.html')).status).toBe(404)
    expect((await get('app://daixa/index.html', { method: 'POST', body: 'x' })).status).toBe(405)
    const head = await get('app://daixa/index.html', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(index)))
    expect(await head.text()).toBe('')
  })

  it('honours a byte range', async () => {
    const res = await get('app://daixa/assets/app-1a2b.js', { headers: { Range: 'bytes=0-6' } })
    expect(res.status).toBe(206)
    expect(res.headers.get('content-range')).toBe(`bytes 0-6/${Buffer.byteLength(script)}`)
    expect(await res.text()).toBe('console')
  })
})
