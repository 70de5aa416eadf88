import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { bridgeTokenStore } from '../../../../../src/renderer/sync/app/token-store'
import { startMainBridge, type MainBridge } from './main-bridge'

const pair = (n: number) => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  accessExpiresAt: '2026-11-23T02:00:00.000Z',
  refreshExpiresAt: '2026-12-23T02:00:00.000Z',
})

let main: MainBridge
beforeEach(async () => {
  main = await startMainBridge()
})
afterEach(async () => main.close())

describe('renderer/sync/app/token-store', () => {
  it('keeps the tokens in the main process with who signed in, across a new store', async () => {
    const store = bridgeTokenStore(main.call)
    store.beginSignIn('xa-demo')
    await store.save(pair(1))
    await store.rememberIdentity({ communeName: 'Xã Demo' })

    const again = bridgeTokenStore(main.call)
    expect(await again.load()).toEqual(pair(1))
    const connection = await main.call('province:connection', {})
    expect(connection).toMatchObject({ isSignedIn: true, username: 'xa-demo', communeName: 'Xã Demo' })
    expect(connection.protection).toBe('owner-only-file')
  })

  it('keeps the identity when a refresh saves new tokens', async () => {
    const first = bridgeTokenStore(main.call)
    first.beginSignIn('xa-demo')
    await first.save(pair(1))
    await first.rememberIdentity({ communeName: 'Xã Demo' })

    const refreshed = bridgeTokenStore(main.call)
    await refreshed.save(pair(2))
    const { session } = await main.call('province:session', {})
    expect(session).toMatchObject({ accessToken: 'access-2', username: 'xa-demo', communeName: 'Xã Demo' })
  })

  it('signs out: the tokens are gone and load answers null', async () => {
    const store = bridgeTokenStore(main.call)
    store.beginSignIn('xa-demo')
    await store.save(pair(1))
    await store.clear()
    expect(await bridgeTokenStore(main.call).load()).toBeNull()
    expect((await main.call('province:connection', {})).isSignedIn).toBe(false)
  })
})
