import { describe, expect, it } from 'vitest'
import { testPost } from '../province-server/helpers'
import { faults, localCreate, manualClock } from './helpers'
import { until, useProvinceServer } from './server-fixture'

const province = useProvinceServer({ healFaults: true })

describe('sync engine retries', () => {
  it('waits at least Retry-After after a 429 before trying again', async () => {
    const clock = manualClock()
    const c = await province.client({ clock, random: () => 0 })
    await localCreate(c.db, 'Chờ 429')
    await faults(province.url, { retryAfterSeconds: 7, script: [{ fault: 'status-429', path: '/v1/push' }] })
    c.engine.start()
    clock.advance(0)
    await until(() => c.engine.status().failures === 1 && c.engine.status().nextAttemptAt !== null, 'the 429')
    const status = c.engine.status()
    expect(status.lastError).toMatchObject({ code: 'rate-limited' })
    expect(status.nextAttemptAt).toBe(clock.now() + 7_000)
    expect(status.pendingCount).toBe(1)

    clock.advance(6_999)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(c.engine.status().failures).toBe(1)
    expect(await c.db.outbox.count()).toBe(1)

    clock.advance(1)
    await until(async () => c.engine.status().failures === 0 && (await c.db.outbox.count()) === 0, 'the retry')
    expect(c.engine.status()).toMatchObject({ lastError: null, connectivity: 'online' })
  })

  it('spreads retries with full jitter and grows the ceiling per failure', async () => {
    const clock = manualClock()
    let draw = 0.5
    const c = await province.client({ clock, random: () => draw, backoff: { baseMs: 1_000, capMs: 8_000 } })
    await localCreate(c.db, 'Mạng chập chờn')
    await faults(province.url, {
      retryAfterSeconds: 0,
      script: Array(4).fill({ fault: 'status-503', path: '/v1/push' }),
    })
    c.engine.start()
    const delays: number[] = []
    clock.advance(0)
    for (let failure = 1; failure <= 4; failure++) {
      await until(
        () => c.engine.status().failures === failure && c.engine.status().nextAttemptAt !== null,
        `failure ${failure}`,
      )
      delays.push((c.engine.status().nextAttemptAt ?? 0) - clock.now())
      draw = 0.999
      clock.advance(delays[delays.length - 1] ?? 0)
    }
    // random 0.5 of 1 s, then 0.999 of 2 s, 4 s, 8 s (capped)
    expect(delays).toEqual([500, 1_998, 3_996, 7_992])
    await until(async () => (await c.db.outbox.count()) === 0, 'the fifth attempt to succeed')
  })

  it('refreshes an expired access token once, then asks the officer to sign in', async () => {
    const c = await province.client()
    expect((await c.engine.syncNow()).ok).toBe(true)
    const before = await c.tokens.load()
    await testPost(province.url, 'clock', { advanceMs: 20 * 60_000 })
    await localCreate(c.db, 'Sau khi hết hạn')
    expect((await c.engine.syncNow()).ok).toBe(true)
    const after = await c.tokens.load()
    expect(after?.accessToken).not.toBe(before?.accessToken)
    expect(after?.refreshToken).not.toBe(before?.refreshToken)
    expect(await c.db.outbox.count()).toBe(0)

    await testPost(province.url, 'clock', { advanceMs: 40 * 24 * 3600_000 })
    await localCreate(c.db, 'Phải đăng nhập lại')
    const refused = await c.engine.syncNow()
    expect(refused).toMatchObject({ ok: false, error: { status: 401, retryable: false } })
    expect(c.engine.status()).toMatchObject({ needsSignIn: true, pendingCount: 1 })

    const again = await c.engine.signIn('xa-demo', 'loa-xa-2025')
    expect(again.ok).toBe(true)
    expect(c.engine.status().needsSignIn).toBe(false)
    expect((await c.engine.syncNow()).ok).toBe(true)
    expect(await c.db.outbox.count()).toBe(0)
  })

  it('reports a local database failure as an error of the cycle instead of throwing', async () => {
    const c = await province.client()
    c.db.close()
    const report = await c.engine.syncNow()
    expect(report).toMatchObject({ ok: false, error: { code: 'local-database', retryable: true } })
    expect(c.engine.status().lastError).toMatchObject({ code: 'local-database' })
  })
})
