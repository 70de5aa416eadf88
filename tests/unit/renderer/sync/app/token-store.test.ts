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

  it('asks main for the session once, keeps it until told to forget, and caches only what main stored', async () => {
    const asked: string[] = []
    const counting: typeof main.call = (channel, input) => {
      asked.push(channel)
      return main.call(channel, input)
    }
    const signIn = bridgeTokenStore(main.call)
    signIn.beginSignIn('xa-demo')
    await signIn.save(pair(1))

    const store = bridgeTokenStore(counting)
    expect(await store.load()).toEqual(pair(1))
    expect(await store.load()).toEqual(pair(1))
    expect(asked.filter((c) => c === 'province:session')).toHaveLength(1)

    await store.save(pair(2))
    expect(await store.load()).toEqual(pair(2))
    expect(asked.filter((c) => c === 'province:session')).toHaveLength(1)

    // Main drops the session (another server address): after forget, the store reads it again.
    await main.call('province:signOut', {})
    store.forget()
    expect(await store.load()).toBeNull()

    const failing = bridgeTokenStore(async (channel, input) => {
      if (channel === 'province:saveSession') throw new Error('disk full')
      return main.call(channel, input)
    })
    failing.beginSignIn('xa-demo')
    await expect(failing.save(pair(3))).rejects.toThrow('disk full')
    expect(await failing.load()).toBeNull()
  })
})
