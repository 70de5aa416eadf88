/**
 * The browser host as another process on the same machine sees it: it can forge `Origin` and
 * `Host`, but it was never given the launch key. Every door (files, `/media/`, the bridge) stays
 * shut to it; the page opened from the printed address gets in; the secrets are never logged.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppServices, type AppServices } from '../../../src/main/app-services'
import { createHostAccess, type HostAccess } from '../../../src/main/host/host-access'
import { createRequestHandler } from '../../../src/main/host/static-files'
import { attachWsBridge } from '../../../src/main/host/ws-bridge-server'
import { wavHeader } from '../../../src/main/services/recorder/wav'
import { createPeakBuilder } from '../../../src/main/services/recorder/peaks'
import { collectingLogger } from '../../unit/helpers/collecting-logger'
import { sinePcm } from '../../unit/helpers/pcm'
import { tempDirs } from '../../unit/helpers/temp-dir'
import { connectBridge, httpRequest, refusedStatus } from './bridge-client'

const dirs = tempDirs('daixa-host-sec-')
const log = collectingLogger()
let services: AppServices
let server: Server
let closeBridge: () => Promise<void>
let access: HostAccess
let port = 0
let origin = ''
let mediaPath = ''

beforeAll(async () => {
  const root = await dirs.make()
  const rendererDir = join(root, 'renderer')
  await mkdir(rendererDir, { recursive: true })
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Đài Xã</title>')
  services = await createAppServices({
    dataDir: join(root, 'data'),
    info: { version: '0.0.0-test', host: 'browser', platform: process.platform, mediaBaseUrl: '/media/' },
    log,
  })
  access = createHostAccess({ port: () => port })
  const handle = createRequestHandler(rendererDir, services.store, access)
  server = createServer((req, res) => void handle(req, res))
  closeBridge = attachWsBridge({
    server,
    dispatch: services.dispatch,
    bus: services.bus,
    log,
    allowedOrigins: () => [origin, origin.replace('127.0.0.1', 'localhost')],
    access,
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  port = (server.address() as AddressInfo).port
  origin = `http://127.0.0.1:${port}`

  const pcm = sinePcm(8000, 440, 0.5, 800)
  const staged = join(root, 'staged.wav')
  await writeFile(
    staged,
    Buffer.concat([wavHeader({ sampleRate: 8000, channels: 1, bitsPerSample: 16 }, pcm.byteLength), pcm]),
  )
  const peaks = createPeakBuilder(8000)
  peaks.push(pcm)
  const { hash } = await services.store.adopt(staged, peaks.result())
  mediaPath = `/media/${hash}.wav`
})

afterAll(async () => {
  await closeBridge()
  await services.stop()
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await dirs.cleanup()
})

/** Opens the printed address as the browser does; answers the cookie it was given. */
async function openPrintedAddress(): Promise<{ cookie: string; setCookie: string; location: string }> {
  const url = new URL(access.launchUrl(origin))
  const res = await httpRequest(port, `${url.pathname}${url.search}`)
  expect(res.status).toBe(303)
  const setCookie = String(res.headers['set-cookie']?.[0] ?? '')
  return { cookie: setCookie.split(';')[0] ?? '', setCookie, location: String(res.headers.location) }
}

const launchKey = (): string => new URL(access.launchUrl(origin)).searchParams.get('key') ?? ''

describe('host-access', () => {
  it('refuses the bridge to a local process that forges Origin but has no secret', async () => {
    expect(await refusedStatus(port, origin)).toBe(401)
    expect(await refusedStatus(port, origin, { Cookie: `${access.cookieName()}=guessed` })).toBe(401)
    // The launch key itself is not the cookie: holding a printed address still means opening it.
    expect(await refusedStatus(port, origin, { Cookie: `${access.cookieName()}=${launchKey()}` })).toBe(401)
  })

  it('refuses media and the app files to a local process with a forged Origin and no secret', async () => {
    for (const path of [mediaPath, '/', '/index.html']) {
      const res = await httpRequest(port, path, { headers: { Origin: origin, Referer: `${origin}/` } })
      expect(res.status, path).toBe(401)
      expect(res.body.toString('utf8')).toContain('địa chỉ')
      expect(res.body.byteLength).toBeLessThan(400)
    }
    const ranged = await httpRequest(port, mediaPath, { headers: { Origin: origin, Range: 'bytes=0-99' } })
    expect(ranged.status).toBe(401)
  })

  it('refuses a wrong launch key with 401 and sets no cookie', async () => {
    const res = await httpRequest(port, `/?key=${'A'.repeat(43)}`)
    expect(res.status).toBe(401)
    expect(res.headers['set-cookie']).toBeUndefined()
  })

  it('exchanges the printed key for an HttpOnly, SameSite=Strict cookie and a clean address', async () => {
    const { cookie, setCookie, location } = await openPrintedAddress()
    expect(setCookie).toMatch(/; HttpOnly/)
    expect(setCookie).toMatch(/; SameSite=Strict/)
    expect(setCookie).toMatch(/; Path=\//)
    expect(location).toBe('/')
    expect(cookie.startsWith(`${access.cookieName()}=`)).toBe(true)

    const page = await httpRequest(port, '/', { headers: { Cookie: cookie } })
    expect(page.status).toBe(200)
    const media = await httpRequest(port, mediaPath, { headers: { Cookie: cookie, Range: 'bytes=0-9' } })
    expect(media.status).toBe(206)
    const bridge = await connectBridge(port, origin, { Cookie: cookie })
    expect((await bridge.invoke('app:info', {})).ok).toBe(true)
    await bridge.close()
  })

  it('keeps the rest of the address when the key is exchanged', async () => {
    const res = await httpRequest(port, `/library?x=1&key=${launchKey()}`)
    expect(res.status).toBe(303)
    expect(res.headers.location).toBe('/library?x=1')
    // A target that would redirect off the host goes to the root instead.
    const offHost = await httpRequest(port, `//evil.example/?key=${launchKey()}`)
    expect(offHost.status).toBe(303)
    expect(offHost.headers.location).toBe('/')
  })

  it('refuses a wrong Host (DNS rebinding) even with the cookie, on files, media and the bridge', async () => {
    const { cookie } = await openPrintedAddress()
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`, `127.0.0.2:${port}`]) {
      for (const path of ['/', mediaPath, `/?key=${launchKey()}`]) {
        const res = await httpRequest(port, path, { headers: { Host: host, Cookie: cookie } })
        expect(res.status, `${host} ${path}`).toBe(421)
        expect(res.headers['set-cookie']).toBeUndefined()
      }
      expect(await refusedStatus(port, origin, { Host: host, Cookie: cookie })).toBe(421)
    }
    const localhost = await httpRequest(port, '/', { headers: { Host: `localhost:${port}`, Cookie: cookie } })
    expect(localhost.status).toBe(200)
  })

  it('refuses the session of another launch', async () => {
    const other = createHostAccess({ port: () => port })
    const { cookie } = await openPrintedAddress()
    const name = other.cookieName()
    expect(cookie.startsWith(`${name}=`)).toBe(true)
    // Same port, new launch: its cookie value is new, so the old page's cookie no longer opens anything.
    const req = { headers: { host: `127.0.0.1:${port}`, cookie } }
    expect(other.check(req as never)).toMatchObject({ ok: false, status: 401 })
  })

  it('never writes the launch key or the session cookie to the log', async () => {
    const { cookie } = await openPrintedAddress()
    await refusedStatus(port, 'http://evil.example', { Cookie: cookie })
    await refusedStatus(port, origin, { Host: 'evil.example', Cookie: cookie })
    const session = cookie.split('=')[1] ?? ''
    expect(session.length).toBeGreaterThan(20)
    expect(log.lines.some((l) => l.includes('refused a bridge connection'))).toBe(true)
    for (const line of log.lines) {
      expect(line).not.toContain(launchKey())
      expect(line).not.toContain(session)
    }
  })
})
