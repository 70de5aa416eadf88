/**
 * The reference province server under attack from a client on the loopback: guessing passwords,
 * probing usernames by timing, flooding sign-ins to stall other communes, oversized bodies. Each
 * part starts its own server with the limits it needs. Timing is compared by medians of
 * interleaved tries, so a loaded 2-core machine moves both sides alike.
 */
import { spawn } from 'node:child_process'
import { request } from 'node:http'
import { performance } from 'node:perf_hooks'
import { afterEach, describe, expect, it } from 'vitest'
import { v7 as uuidv7 } from 'uuid'
import { refreshResponseSchema, signInResponseSchema } from '../../../src/shared/province/auth'
import { DEMO_ACCOUNT } from '../../province-server/demo-seed'
import type { SignInLimits } from '../../province-server/sign-in-guard'
import { call, signIn, startTestServer, testPost, type TestServer } from './helpers'

const started: TestServer[] = []
afterEach(async () => {
  for (const t of started.splice(0)) await t.stop()
})

async function server(limits: Partial<SignInLimits>, extra: { publicUrl?: string } = {}): Promise<TestServer> {
  const t = await startTestServer({ signInLimits: limits, ...extra })
  started.push(t)
  return t
}

const attempt = (url: string, username: string, password: string) =>
  call(url, 'POST', '/v1/auth/sign-in', { body: { username, password, clientId: uuidv7() } })

/**
 * The attacker: another process that fires `count` bad sign-ins at once. Prints `busy` at the
 * first 503 (the password checks are all taken and their queue is full), then the count of
 * answers by status as JSON.
 */
const FLOOD = `
const [url, count] = process.argv.slice(1)
const one = (n) => fetch(url + '/v1/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'ke-tan-cong-' + n, password: 'x', clientId: '0190f3c2-7b1e-7c4a-9f3e-2f4d1a9b0c11' }) })
  .then((r) => { if (r.status === 503 && !busy) { busy = true; console.log('busy') } return r.status }, () => 0)
let busy = false
const all = Array.from({ length: Number(count) }, (_, n) => one(n))
const statuses = {}
for (const s of await Promise.all(all)) statuses[s] = (statuses[s] ?? 0) + 1
console.log(JSON.stringify(statuses))
`

function flood(url: string, count: number): { busy: Promise<void>; done: Promise<Record<string, number>> } {
  const child = spawn(process.execPath, ['--input-type=module', '-e', FLOOD, url, String(count)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let out = ''
  let markBusy: () => void = () => undefined
  const busy = new Promise<void>((resolve) => (markBusy = resolve))
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString()
    if (out.includes('busy')) markBusy()
  })
  const done = new Promise<Record<string, number>>((resolve, reject) =>
    child.once('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? ''
      if (code === 0) resolve(JSON.parse(last) as Record<string, number>)
      else reject(new Error(`flood exited ${String(code)}: ${out}`))
    }),
  )
  return { busy, done }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}

describe('province server sign-in protection', () => {
  it('locks an account after 10 wrong passwords, refuses the right one with a clear reason, and backs off', async () => {
    const t = await server({ accountLockMs: 60_000 })
    for (let n = 0; n < 10; n++) {
      const wrong = await attempt(t.url, DEMO_ACCOUNT.username, `wrong-${n}`)
      expect([wrong.status, wrong.body.code]).toEqual([401, 'invalid-credentials'])
    }
    const locked = await attempt(t.url, DEMO_ACCOUNT.username, DEMO_ACCOUNT.password)
    expect([locked.status, locked.body.code]).toEqual([423, 'account-locked'])
    expect(String(locked.body.message)).toMatch(/locked after 10 wrong passwords/)
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(50)
    expect(Number(locked.headers.get('retry-after'))).toBeLessThanOrEqual(60)

    // Another account is not affected.
    await testPost(t.url, 'account', {
      communeId: 'xa-khac',
      communeName: 'Xã Khác',
      username: 'xa-khac',
      password: 'p',
    })
    expect((await attempt(t.url, 'xa-khac', 'p')).status).toBe(200)

    await testPost(t.url, 'clock', { advanceMs: 61_000 })
    expect((await attempt(t.url, DEMO_ACCOUNT.username, DEMO_ACCOUNT.password)).status).toBe(200)

    // Locked again without a success in between would double; a success cleared it: 60 s again.
    for (let n = 0; n < 10; n++) await attempt(t.url, DEMO_ACCOUNT.username, 'wrong')
    const again = await attempt(t.url, DEMO_ACCOUNT.username, DEMO_ACCOUNT.password)
    expect(Number(again.headers.get('retry-after'))).toBeLessThanOrEqual(60)
    await testPost(t.url, 'clock', { advanceMs: 61_000 })
    for (let n = 0; n < 10; n++) await attempt(t.url, DEMO_ACCOUNT.username, 'wrong')
    const doubled = await attempt(t.url, DEMO_ACCOUNT.username, DEMO_ACCOUNT.password)
    expect([doubled.status, doubled.body.code]).toEqual([423, 'account-locked'])
    expect(Number(doubled.headers.get('retry-after'))).toBeGreaterThan(100)
  })

  it('locks an unknown username like a known one, so a lock tells nothing about existence', async () => {
    const t = await server({ accountLockMs: 60_000 })
    for (let n = 0; n < 10; n++) await attempt(t.url, 'khong-co-ai', 'x')
    const locked = await attempt(t.url, 'khong-co-ai', 'x')
    expect([locked.status, locked.body.code]).toEqual([423, 'account-locked'])
  })

  it('refuses an address after too many failures, before any password work', async () => {
    const t = await server({ addressFailures: 15 })
    for (let n = 0; n < 15; n++) expect((await attempt(t.url, `ten-${n}`, 'x')).status).toBe(401)
    const limited = await attempt(t.url, DEMO_ACCOUNT.username, DEMO_ACCOUNT.password)
    expect([limited.status, limited.body.code]).toEqual([429, 'rate-limited'])
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('takes the same time for an unknown username as for a known one with a wrong password', async () => {
    const t = await server({ accountFailures: 1000, addressFailures: 1000 })
    const time = async (username: string): Promise<number> => {
      const at = performance.now()
      const answer = await attempt(t.url, username, 'not-the-password')
      expect(answer.status).toBe(401)
      return performance.now() - at
    }
    await time(DEMO_ACCOUNT.username)
    await time('nobody-warm-up')
    const known: number[] = []
    const unknown: number[] = []
    const ratios: number[] = []
    for (let n = 0; n < 21; n++) {
      // Back to back, order alternating: a burst of load on the machine falls on both of a pair.
      const first = n % 2 === 0 ? await time(DEMO_ACCOUNT.username) : await time(`nobody-${n}`)
      const second = n % 2 === 0 ? await time(`nobody-${n}`) : await time(DEMO_ACCOUNT.username)
      const [k, u] = n % 2 === 0 ? [first, second] : [second, first]
      known.push(k)
      unknown.push(u)
      ratios.push(u / k)
    }
    const ratio = median(ratios)
    console.log(
      `sign-in timing: known ${median(known).toFixed(1)} ms, unknown ${median(unknown).toFixed(1)} ms (medians of 21); median unknown/known of the pairs ${ratio.toFixed(2)}`,
    )
    expect(ratio).toBeGreaterThan(0.8)
    expect(ratio).toBeLessThan(1.2)
  })

  it("does not let 300 bad sign-ins delay another commune's refresh beyond 1 s", async () => {
    const t = await server({ accountFailures: 1000, addressFailures: 1000 })
    await testPost(t.url, 'account', {
      communeId: 'xa-khac',
      communeName: 'Xã Khác',
      username: 'xa-khac',
      password: 'p',
    })
    const other = signInResponseSchema.parse((await attempt(t.url, 'xa-khac', 'p')).body)
    let refreshToken = other.refreshToken

    const attack = flood(t.url, 300)
    await attack.busy
    const refreshMs: number[] = []
    for (let n = 0; n < 3; n++) {
      const at = performance.now()
      const answer = await call(t.url, 'POST', '/v1/auth/refresh', { body: { refreshToken } })
      refreshMs.push(performance.now() - at)
      expect(answer.status).toBe(200)
      refreshToken = refreshResponseSchema.parse(answer.body).refreshToken
    }
    const statuses = await attack.done
    console.log(
      `sign-in flood: refresh ${refreshMs.map((ms) => ms.toFixed(0)).join(', ')} ms during 300 bad sign-ins; answers ${JSON.stringify(statuses)}`,
    )
    expect(Math.max(...refreshMs)).toBeLessThan(1000)
    expect((statuses['401'] ?? 0) + (statuses['503'] ?? 0)).toBe(300)
    // The queue is bounded: most of the flood was turned away at once, not lined up.
    expect(statuses['503'] ?? 0).toBeGreaterThan(200)
  })

  it('answers a 2 MiB body with 413, declared or streamed, and keeps serving', async () => {
    const t = await server({})
    const big = JSON.stringify({ username: 'x', password: 'y'.repeat(2 * 1024 * 1024), clientId: uuidv7() })
    const declared = await fetch(`${t.url}/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: big,
    })
    expect(declared.status).toBe(413)
    expect(await declared.json()).toMatchObject({ code: 'payload-too-large' })

    const { accessToken } = await signIn(t.url)
    const streamed = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        `${t.url}/v1/push`,
        { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` } },
        (res) => {
          let body = ''
          res.on('data', (d: Buffer) => (body += d.toString()))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
        },
      )
      req.on('error', reject)
      // No Content-Length: chunked, 32 chunks of 64 KiB.
      for (let n = 0; n < 32; n++) req.write(Buffer.alloc(64 * 1024, 0x20))
      req.end()
    })
    expect(streamed.status).toBe(413)
    expect(JSON.parse(streamed.body)).toMatchObject({ code: 'payload-too-large' })
    expect((await call(t.url, 'GET', '/v1/health')).status).toBe(200)
  })

  it('builds upload endpoints and upload URLs from the configured public base URL', async () => {
    const t = await server({}, { publicUrl: 'https://dai.tinh.example/' })
    const { accessToken } = await signIn(t.url)
    const declared = await call(t.url, 'POST', '/v1/media/uploads', {
      token: accessToken,
      body: { sha256: 'e'.repeat(64), size: 10, mime: 'audio/wav', announcementId: uuidv7() },
    })
    expect(declared.status).toBe(200)
    const upload = declared.body.upload as { endpoint: string; metadata: Record<string, string> }
    expect(upload.endpoint).toBe('https://dai.tinh.example/files')

    const metadata = Object.entries(upload.metadata)
      .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
      .join(',')
    const created = await fetch(`${t.url}/files`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${accessToken}`,
        'tus-resumable': '1.0.0',
        'upload-length': '10',
        'upload-metadata': metadata,
      },
    })
    expect(created.status).toBe(201)
    expect(created.headers.get('location')).toMatch(/^https:\/\/dai\.tinh\.example\/files\/[^/]+$/)
  })
})
