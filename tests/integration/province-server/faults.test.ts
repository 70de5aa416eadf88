import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  announcementCreate,
  call,
  push,
  serverState,
  signIn,
  startTestServer,
  testPost,
  type TestServer,
} from './helpers'

let t: TestServer

beforeAll(async () => {
  t = await startTestServer()
})
afterAll(async () => {
  await t.stop()
})

const probabilities = {
  'status-500': 0.15,
  'status-503': 0.15,
  'status-429': 0.1,
  slow: 0.2,
  'drop-before-commit': 0.1,
}

/** Sends `n` health probes one after another; returns each outcome (HTTP status or `dropped`). */
async function probe(n: number): Promise<string[]> {
  const out: string[] = []
  for (let i = 0; i < n; i += 1) {
    out.push(
      await call(t.url, 'GET', '/v1/health').then(
        (a) => String(a.status),
        () => 'dropped',
      ),
    )
  }
  return out
}

async function faultLog(): Promise<string[]> {
  const answer = await call<{ log: { fault: string }[] }>(t.url, 'GET', '/__test__/faults')
  return answer.body.log.map((entry) => entry.fault)
}

describe('province server fault injection', () => {
  it('reproduces the same faults in the same order for the same seed, and others for another seed', async () => {
    await testPost(t.url, 'faults', { seed: 7, probabilities, slowMs: [5, 10] })
    const first = await probe(40)
    const firstLog = await faultLog()
    await testPost(t.url, 'faults', { seed: 7, probabilities, slowMs: [5, 10] })
    const second = await probe(40)
    expect(second).toEqual(first)
    expect((await faultLog()).slice(firstLog.length)).toEqual(firstLog)
    expect(new Set(first)).toEqual(new Set(['200', '500', '503', '429', 'dropped']))
    await testPost(t.url, 'faults', { seed: 8, probabilities, slowMs: [5, 10] })
    expect(await probe(40)).not.toEqual(first)
    await testPost(t.url, 'faults', {})
  })

  it('applies each mutation exactly once under seeded lost answers, drops and 503s (seed 11)', async () => {
    const token = (await signIn(t.url)).accessToken
    const lossy = { 'drop-after-commit': 0.3, 'drop-before-commit': 0.1, 'status-503': 0.1 }
    await testPost(t.url, 'faults', { seed: 11, probabilities: lossy, paths: ['/v1/push'] })
    const mutations = Array.from({ length: 60 }, (_, i) => announcementCreate(`Lặp lại ${i}`))
    let attempts = 0
    for (let i = 0; i < mutations.length; i += 3) {
      for (let tries = 0; tries < 50; tries += 1) {
        attempts += 1
        const answer = await push(t.url, token, mutations.slice(i, i + 3)).catch(() => null)
        if (answer?.status === 200) break
      }
    }
    await testPost(t.url, 'faults', {})
    expect(attempts).toBeGreaterThan(25)
    expect(await faultLog()).toContain('drop-after-commit')
    const state = await serverState(t.url)
    for (const m of mutations) {
      expect(state.receipts[m.mutationId]?.status).toBe('applied')
      expect(state.log.filter((e) => e.key === `announcement:${m.entityId}`)).toHaveLength(1)
    }
  })

  it('holds a hung request for the configured time only, then drops it', async () => {
    await testPost(t.url, 'faults', { script: [{ fault: 'hang' }], hangMs: 300 })
    const started = Date.now()
    await expect(call(t.url, 'GET', '/v1/health')).rejects.toThrow()
    const elapsed = Date.now() - started
    expect(elapsed).toBeGreaterThanOrEqual(250)
    expect(elapsed).toBeLessThan(3_000)
    expect((await call(t.url, 'GET', '/v1/health')).status).toBe(200)
  })

  it('refuses an invalid fault configuration, and never faults the test routes', async () => {
    const bad = await testPost(t.url, 'faults', { probabilities: { 'status-500': 2 } })
    expect([bad.status, bad.body.code]).toEqual([400, 'invalid-request'])
    await testPost(t.url, 'faults', { probabilities: { 'status-500': 1 } })
    expect((await call(t.url, 'GET', '/v1/health')).status).toBe(500)
    expect((await call(t.url, 'GET', '/__test__/faults')).status).toBe(200)
    await testPost(t.url, 'faults', {})
  })

  it('answers unknown routes 404 and wrong methods 405 with the error body', async () => {
    const missing = await call(t.url, 'GET', '/v1/nothing')
    expect([missing.status, missing.body.code]).toEqual([404, 'not-found'])
    const wrong = await call(t.url, 'POST', '/v1/health', { body: {} })
    expect([wrong.status, wrong.body.code, typeof wrong.body.serverTime]).toEqual([405, 'method-not-allowed', 'string'])
  })
})
