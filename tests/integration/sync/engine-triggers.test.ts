import { afterEach, describe, expect, it } from 'vitest'
import { createHttpConnector } from '../../../src/renderer/sync/http-connector'
import { localCreate, manualClock } from './helpers'
import { startLinkProxy, type LinkProxy } from '../../support/link-proxy'
import { until, useProvinceServer } from './server-fixture'

const province = useProvinceServer()
let link: LinkProxy | null = null

afterEach(async () => {
  await link?.close()
  link = null
})

describe('sync engine triggers', () => {
  it('syncs on start, then a debounced local change, then on the idle timer', async () => {
    const clock = manualClock()
    const c = await province.client({ clock, watchOutbox: true, debounceMs: 2_000, idleIntervalMs: 120_000 })
    const stop = c.engine.start()
    clock.advance(0)
    await until(
      () => c.engine.status().lastSuccessAt !== null && c.engine.status().nextAttemptAt !== null,
      'first cycle',
    )
    expect(c.engine.status().nextAttemptAt).toBe(clock.now() + 120_000)

    await localCreate(c.db, 'Vừa ghi âm')
    await until(() => c.engine.status().nextAttemptAt === clock.now() + 2_000, 'the debounced trigger')
    clock.advance(2_000)
    await until(async () => (await c.db.outbox.count()) === 0 && c.engine.status().nextAttemptAt !== null, 'the push')
    expect(c.engine.status()).toMatchObject({ pendingCount: 0, connectivity: 'online', phase: 'idle' })
    await stop()
    expect(c.engine.status().nextAttemptAt).toBeNull()
  })

  it('pauses while the OS says offline, probes when the network is back, and then syncs', async () => {
    const clock = manualClock()
    link = await startLinkProxy({ targetPort: Number(new URL(province.url).port) })
    let online = true
    let announceOnline: () => void = () => undefined
    const health = createHttpConnector({ baseUrl: link.url, timeoutMs: 1_000 })
    const probes: number[] = []
    const probing = await province.client({
      url: link.url,
      clock,
      random: () => 0.5,
      isOnlineHint: () => online,
      onOnline: (listener) => {
        announceOnline = listener
        return () => undefined
      },
      probe: async () => {
        probes.push(clock.now())
        return health.health()
      },
    })
    const c = probing
    await localCreate(c.db, 'Soạn khi mất mạng')
    link.down()
    online = false
    c.engine.start()
    clock.advance(0)
    await until(
      () => c.engine.status().connectivity === 'offline' && c.engine.status().nextAttemptAt !== null,
      'offline',
    )
    expect(await c.db.outbox.count()).toBe(1)

    online = true
    announceOnline()
    clock.advance(0)
    await until(() => c.engine.status().failures === 1 && c.engine.status().nextAttemptAt !== null, 'a failed probe')
    expect(probes).toHaveLength(1)
    expect(c.engine.status().lastError).toMatchObject({ code: 'network' })

    link.up()
    announceOnline()
    clock.advance(0)
    await until(() => c.engine.status().connectivity === 'online' && c.engine.status().nextAttemptAt !== null, 'sync')
    expect(await c.db.outbox.count()).toBe(0)
    expect(probes).toHaveLength(2)
    expect(c.engine.status()).toMatchObject({ connectivity: 'online', failures: 0 })
  })
})
