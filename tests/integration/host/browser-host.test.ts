import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newId } from '../../../src/shared/ids'
import type { FinishedMedia } from '../../../src/shared/ipc/recording'
import type { Result } from '../../../src/shared/result'
import { CONTENT_SECURITY_POLICY } from '../../../src/shared/security'
import { encodeWire } from '../../../src/shared/ipc/wire'
import { createAppServices, type AppServices } from '../../../src/main/app-services'
import { createRequestHandler } from '../../../src/main/host/static-files'
import { attachWsBridge } from '../../../src/main/host/ws-bridge-server'
import { createHostAccess } from '../../../src/main/host/host-access'
import { createPeakBuilder } from '../../../src/main/services/recorder/peaks'
import { wavHeader } from '../../../src/main/services/recorder/wav'
import { collectingLogger } from '../../unit/helpers/collecting-logger'
import { concatBytes, noiseBytes, sinePcm } from '../../unit/helpers/pcm'
import { tempDirs } from '../../unit/helpers/temp-dir'
import { connectBridge, httpRequest as rawRequest, refusedStatus, type BridgeClient } from './bridge-client'

const INDEX_HTML = '<!doctype html><html lang="vi"><title>Đài Xã</title><div id="root"></div></html>'
const SECRET = '{"name":"outside-the-renderer-folder"}'

const dirs = tempDirs('daixa-host-')
const log = collectingLogger()
let services: AppServices
let server: Server
let closeBridge: () => Promise<void>
let port: number
let origin: string
const clients: BridgeClient[] = []
const access = createHostAccess({ port: () => port })
/** The session cookie the page holds once it opened the printed address (see host-security.test.ts). */
let session: Record<string, string> = {}

/** An HTTP request as the opened page makes it: with this launch's session cookie. */
const httpRequest = (p: number, path: string, options: { method?: string; headers?: Record<string, string> } = {}) =>
  rawRequest(p, path, { ...options, headers: { ...session, ...options.headers } })

beforeAll(async () => {
  const root = await dirs.make()
  const rendererDir = join(root, 'renderer')
  await mkdir(join(rendererDir, 'assets'), { recursive: true })
  await writeFile(join(rendererDir, 'index.html'), INDEX_HTML)
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("app")')
  await writeFile(join(rendererDir, 'assets', 'empty.css'), '')
  // A file beside the renderer folder: a traversal would reach it.
  await writeFile(join(root, 'package.json'), SECRET)

  services = await createAppServices({
    dataDir: join(root, 'data'),
    info: { version: '0.0.0-test', host: 'browser', platform: process.platform, mediaBaseUrl: '/media/' },
    log,
  })
  const handle = createRequestHandler(rendererDir, services.store, access)
  server = createServer((req, res) => void handle(req, res))
  closeBridge = attachWsBridge({
    server,
    dispatch: services.dispatch,
    bus: services.bus,
    log,
    allowedOrigins: () => [origin, origin.replace('127.0.0.1', 'localhost')],
    access,
    onOwnerGone: services.ownerGone,
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  origin = `http://127.0.0.1:${port}`
  const opened = await rawRequest(port, new URL(access.launchUrl(origin)).search.replace(/^/, '/'))
  const cookie = String(opened.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? ''
  session = { Cookie: cookie }
})

afterAll(async () => {
  for (const c of clients.splice(0)) await c.close()
  await closeBridge()
  await services.stop()
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await dirs.cleanup()
})

async function client(): Promise<BridgeClient> {
  const c = await connectBridge(port, origin, session)
  clients.push(c)
  return c
}

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`)
  return result.value as T
}

/** Puts a small WAV into the media store the way a finished recording gets there. */
async function adoptWav(pcm: Uint8Array): Promise<{ hash: string; bytes: Buffer }> {
  const staging = join(await dirs.make(), 'staged.wav')
  const bytes = Buffer.from(
    concatBytes([wavHeader({ sampleRate: 8000, channels: 1, bitsPerSample: 16 }, pcm.byteLength), pcm]),
  )
  await writeFile(staging, bytes)
  const peaks = createPeakBuilder(8000)
  peaks.push(pcm)
  const { hash } = await services.store.adopt(staging, peaks.result())
  return { hash, bytes }
}

const expectAlive = async () => {
  const res = await httpRequest(port, '/')
  expect(res.status).toBe(200)
}

describe('browser-host', () => {
  describe('static files', () => {
    it('serves index.html with the security headers when / is asked for', async () => {
      const res = await httpRequest(port, '/')
      expect(res.status).toBe(200)
      expect(res.body.toString('utf8')).toBe(INDEX_HTML)
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin')
      expect(res.headers['cross-origin-embedder-policy']).toBe('require-corp')
      expect(res.headers['x-content-type-options']).toBe('nosniff')
    })

    it('serves an asset with its type and the shell for an unknown route', async () => {
      const js = await httpRequest(port, '/assets/app.js')
      expect(js.status).toBe(200)
      expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8')
      expect(js.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
      const route = await httpRequest(port, '/library')
      expect(route.status).toBe(200)
      expect(route.body.toString('utf8')).toBe(INDEX_HTML)
      const missing = await httpRequest(port, '/assets/missing.js')
      expect(missing.status).toBe(404)
      expect(missing.headers['x-content-type-options']).toBe('nosniff')
    })

    it('answers 404 and never the file outside when the path tries to climb out', async () => {
      for (const path of [
        '/../package.json',
        '/%2e%2e/package.json',
        '/%2E%2E/package.json',
        '/..%2fpackage.json',
        '/%2e%2e%2fpackage.json',
        '/assets/../../package.json',
        '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
        '/..\\package.json',
      ]) {
        const res = await httpRequest(port, path)
        expect(res.status, path).toBe(404)
        expect(res.body.toString('utf8'), path).not.toContain('outside-the-renderer-folder')
      }
    })

    it('answers 404 and stays up when the path has broken percent-encoding', async () => {
      for (const path of ['/%E0%A4%A', '/%', '/media/%zz.wav', '//']) {
        const res = await httpRequest(port, path)
        expect(res.status, path).toBe(404)
      }
      await expectAlive()
    })

    it('stays up when the path names a folder', async () => {
      const res = await httpRequest(port, '/assets')
      expect(res.status).toBe(200)
      expect(res.body.toString('utf8')).toBe(INDEX_HTML)
      await expectAlive()
    })

    it('serves an empty body when the file is empty', async () => {
      const res = await httpRequest(port, '/assets/empty.css')
      expect(res.status).toBe(200)
      expect(res.headers['content-length']).toBe('0')
      expect(res.headers['content-type']).toBe('text/css; charset=utf-8')
      expect(res.body.byteLength).toBe(0)
    })

    it('answers 405 when the method is not GET or HEAD', async () => {
      const res = await httpRequest(port, '/', { method: 'POST' })
      expect(res.status).toBe(405)
      expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    })
  })

  describe('media route', () => {
    it('serves a stored WAV whole and by byte ranges when Range is sent', async () => {
      const { hash, bytes } = await adoptWav(sinePcm(8000, 440, 0.5, 800))
      const size = bytes.byteLength
      const whole = await httpRequest(port, `/media/${hash}.wav`)
      expect(whole.status).toBe(200)
      expect(whole.headers['content-type']).toBe('audio/wav')
      expect(whole.headers['accept-ranges']).toBe('bytes')
      expect(whole.body.equals(bytes)).toBe(true)

      const first = await httpRequest(port, `/media/${hash}.wav`, { headers: { Range: 'bytes=0-99' } })
      expect(first.status).toBe(206)
      expect(first.headers['content-range']).toBe(`bytes 0-99/${size}`)
      expect(first.headers['content-length']).toBe('100')
      expect(first.body.equals(bytes.subarray(0, 100))).toBe(true)

      const middle = await httpRequest(port, `/media/${hash}.wav`, { headers: { Range: 'bytes=1000-' } })
      expect(middle.status).toBe(206)
      expect(middle.headers['content-range']).toBe(`bytes 1000-${size - 1}/${size}`)
      expect(middle.body.equals(bytes.subarray(1000))).toBe(true)

      const tail = await httpRequest(port, `/media/${hash}.wav`, { headers: { Range: 'bytes=-44' } })
      expect(tail.status).toBe(206)
      expect(tail.body.equals(bytes.subarray(size - 44))).toBe(true)

      const beyond = await httpRequest(port, `/media/${hash}.wav`, { headers: { Range: `bytes=${size}-` } })
      expect(beyond.status).toBe(416)
      expect(beyond.headers['content-range']).toBe(`bytes */${size}`)
      expect(beyond.body.byteLength).toBe(0)

      const head = await httpRequest(port, `/media/${hash}.wav`, { method: 'HEAD' })
      expect(head.status).toBe(200)
      expect(head.headers['content-length']).toBe(String(size))
      expect(head.body.byteLength).toBe(0)
    })

    it('answers 404 when the hash is malformed or not in the store', async () => {
      for (const path of [
        '/media/xyz.wav',
        `/media/${'A'.repeat(64)}.wav`,
        `/media/${'a'.repeat(64)}.wav`,
        '/media/..%2f..%2fpackage.json.wav',
        `/media/${'a'.repeat(64)}.peaks.json`,
      ]) {
        const res = await httpRequest(port, path)
        expect(res.status, path).toBe(404)
        expect(res.body.toString('utf8')).not.toContain('outside-the-renderer-folder')
      }
    })
  })

  describe('bridge', () => {
    it('answers app:info when the client comes from the host origin', async () => {
      const c = await client()
      const info = value<{ host: string; mediaBaseUrl: string; version: string }>(await c.invoke('app:info', {}))
      expect(info).toMatchObject({ host: 'browser', mediaBaseUrl: '/media/', version: '0.0.0-test' })
      const unknown = await c.invoke('app:reboot', {})
      expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-command' } })
    })

    it('also lets the localhost spelling of the origin in', async () => {
      const c = await connectBridge(port, `http://localhost:${port}`, session)
      clients.push(c)
      expect((await c.invoke('settings:get', {})).ok).toBe(true)
    })

    it('records over binary frames and serves the result when start, append and stop are invoked', async () => {
      const c = await client()
      const id = newId()
      value(await c.invoke('recording:start', { id, title: 'Loa phường', sampleRate: 8000 }))
      const chunks = [sinePcm(8000, 440, 0.5, 5000), noiseBytes(2 * 3000, 21), new Uint8Array(0)]
      let seq = 0
      let ack = { sampleCount: 0 }
      for (const pcm of chunks) ack = value(await c.invoke('recording:append', { id, seq: seq++, pcm }))
      expect(ack.sampleCount).toBe(8000)
      // A replay of the last real chunk is acknowledged, not stored twice.
      expect(value(await c.invoke('recording:append', { id, seq: 1, pcm: chunks[1] }))).toEqual({ sampleCount: 8000 })
      const odd = await c.invoke('recording:append', { id, seq: 3, pcm: new Uint8Array(3) })
      expect(odd).toMatchObject({ ok: false, error: { code: 'invalid-input' } })

      const media = value<FinishedMedia>(await c.invoke('recording:stop', { id }))
      expect(media).toMatchObject({ sampleCount: 8000, sampleRate: 8000, title: 'Loa phường' })
      const served = await httpRequest(port, `/media/${media.hash}.wav`)
      expect(served.status).toBe(200)
      expect(served.body.subarray(44).equals(Buffer.from(concatBytes(chunks)))).toBe(true)
      expect(served.body.equals(await readFile(services.store.pathOf(media.hash)))).toBe(true)

      const peaks = value<{ peaks: number[] }>(await c.invoke('media:peaks', { hash: media.hash }))
      expect(peaks.peaks).toHaveLength(Math.ceil(8000 / 160))
      value(await c.invoke('recording:commit', { id }))
    })

    it('ends a recording when its page disconnects, tells the other pages, and lets the page continue it', async () => {
      const page = await client()
      const other = await client()
      const id = newId()
      value(await page.invoke('recording:start', { id, title: 'Tab bị đóng', sampleRate: 8000 }))
      const first = noiseBytes(2 * 4000, 31)
      value(await page.invoke('recording:append', { id, seq: 0, pcm: first }))
      const changed = other.nextEvent('recording:changed')
      page.socket.terminate() // the tab's process died: no close handshake
      expect(await changed).toEqual({ id })
      const offered = value<Array<{ id: string; sampleCount: number }>>(
        await other.invoke('recording:listInterrupted', {}),
      )
      expect(offered).toMatchObject([{ id, sampleCount: 4000, hash: null }])

      // The same page, reconnected (its socket dropped but the tab lives): it continues the take.
      const again = await client()
      expect(value(await again.invoke('recording:resume', { id, nextSeq: 1 }))).toEqual({
        sampleCount: 4000,
        stored: null,
      })
      const second = noiseBytes(2 * 4000, 32)
      value(await again.invoke('recording:append', { id, seq: 1, pcm: second }))
      const media = value<FinishedMedia>(await again.invoke('recording:stop', { id }))
      expect(media.sampleCount).toBe(8000)
      const file = await readFile(services.store.pathOf(media.hash))
      expect(file.subarray(44).equals(Buffer.from(concatBytes([first, second])))).toBe(true)
      value(await again.invoke('recording:commit', { id }))
      expect(value(await other.invoke('recording:listInterrupted', {}))).toEqual([])
    })

    it("refuses a take under the minimum length with 'too-short'", async () => {
      const c = await client()
      const id = newId()
      value(await c.invoke('recording:start', { id, title: 'Lỡ tay', sampleRate: 8000 }))
      value(await c.invoke('recording:append', { id, seq: 0, pcm: noiseBytes(2 * 4800, 33) }))
      expect(await c.invoke('recording:stop', { id })).toMatchObject({ ok: false, error: { code: 'too-short' } })
      expect(value(await c.invoke('recording:listInterrupted', {}))).toEqual([])
    })

    it("sends 'settings:changed' to every client when settings:update succeeds", async () => {
      const a = await client()
      const b = await client()
      const changedA = a.nextEvent('settings:changed')
      const changedB = b.nextEvent('settings:changed')
      const saved = value(await a.invoke('settings:update', { language: 'en' }))
      expect(await changedA).toEqual(saved)
      expect(await changedB).toMatchObject({ language: 'en' })
      value(await a.invoke('settings:update', { language: 'vi' }))
      expect(await a.nextEvent('settings:changed')).toMatchObject({ language: 'vi' })
    })

    it('refuses the connection with 401 when the origin is another site', async () => {
      expect(await refusedStatus(port, 'http://evil.example')).toBe(401)
      expect(await refusedStatus(port, `http://127.0.0.1:${port + 1}`)).toBe(401)
      expect(await refusedStatus(port, null)).toBe(401)
      expect(log.lines.some((l) => l.includes('refused a bridge connection from origin "http://evil.example"'))).toBe(
        true,
      )
    })

    it('drops malformed frames and keeps serving the same socket', async () => {
      const c = await client()
      const text = (json: string) => new TextEncoder().encode(json)
      const withLength = (length: number, header: Uint8Array) => {
        const prefix = new Uint8Array(4)
        new DataView(prefix.buffer).setUint32(0, length, true)
        return concatBytes([prefix, header])
      }
      const before = log.lines.filter((l) => l.includes('dropped a malformed bridge frame')).length
      c.sendRaw(new Uint8Array([1, 2])) // shorter than the length prefix
      c.sendRaw(withLength(1000, text('{}'))) // header length beyond the frame
      c.sendRaw(withLength(2, new Uint8Array([0xc3, 0x28]))) // not UTF-8
      c.sendRaw(withLength(5, text('{"t":'))) // not JSON
      const badRef = text('{"t":"invoke","id":1,"channel":"app:info","input":{"$bin":[0,9]}}')
      c.sendRaw(withLength(badRef.byteLength, badRef)) // attachment out of range
      const badShape = text('{"t":"invoke","id":"x","channel":"app:info"}')
      c.sendRaw(withLength(badShape.byteLength, badShape)) // schema mismatch
      // A well-formed frame that is not an invoke is ignored.
      c.sendRaw(encodeWire({ t: 'result', id: 1, result: { ok: true, value: null } }))
      expect(value(await c.invoke('app:info', {}))).toMatchObject({ host: 'browser' })
      const after = log.lines.filter((l) => l.includes('dropped a malformed bridge frame')).length
      expect(after - before).toBe(6)
    })

    it('reports a taken port as a listen error when a second host starts on it', async () => {
      const second = createServer((_req, res) => res.end())
      const close = attachWsBridge({
        server: second,
        dispatch: services.dispatch,
        bus: services.bus,
        log,
        allowedOrigins: () => [origin],
        access,
      })
      const listening = new Promise<void>((resolve, reject) => {
        second.once('error', reject)
        second.listen(port, '127.0.0.1', () => resolve())
      })
      await expect(listening).rejects.toMatchObject({ code: 'EADDRINUSE' })
      await close()
      await expectAlive()
    })

    it('closes a socket that sends text and keeps the host up', async () => {
      const c = await client()
      c.sendRaw('{"t":"invoke","id":1,"channel":"app:info","input":{}}')
      expect(await c.closed).toBe(1003)
      await expectAlive()
      const again = await client()
      expect((await again.invoke('app:info', {})).ok).toBe(true)
    })

    it('closes a socket that sends a frame over the size limit and keeps the host up', async () => {
      const c = await client()
      c.sendRaw(new Uint8Array(3 * 1024 * 1024))
      expect(await c.closed).toBe(1009)
      expect(log.lines.some((l) => l.startsWith('warn host: bridge socket error') && l.includes('Max payload'))).toBe(
        true,
      )
      await expectAlive()
      const again = await client()
      expect((await again.invoke('app:info', {})).ok).toBe(true)
    })
  })
})
