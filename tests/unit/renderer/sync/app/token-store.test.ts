import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { TOKEN_HELD_BY_MAIN } from '../../../../../src/shared/ipc/province'
import { bridgeTokenStore } from '../../../../../src/renderer/sync/app/token-store'
import { createBridgeFetch } from '../../../../../src/renderer/sync/app/bridge-fetch'
import { createHttpConnector } from '../../../../../src/renderer/sync/http-connector'
import { DEMO_ACCOUNT } from '../../../../province-server/demo-seed'
import { startTestServer, type TestServer } from '../../../../integration/province-server/helpers'
import { startMainBridge, type MainBridge } from './main-bridge'

const CLIENT_ID = '0190f3c2-7b1e-7c4a-9f3e-2f4d1a9b0c11'

let server: TestServer
let main: MainBridge
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => server.stop())
beforeEach(async () => {
  main = await startMainBridge()
  await main.call('province:setServer', { serverUrl: server.url })
})
afterEach(async () => main.close())

const connector = () => createHttpConnector({ baseUrl: server.url, fetch: createBridgeFetch(main.call) })

describe('renderer/sync/app/token-store', () => {
  it('holds only the placeholder while main holds the real pair, across a new store', async () => {
    const signedIn = await connector().signIn({
      username: DEMO_ACCOUNT.username,
      password: DEMO_ACCOUNT.password,
      clientId: CLIENT_ID,
    })
    expect(signedIn.ok && signedIn.value.accessToken).toBe(TOKEN_HELD_BY_MAIN)
    expect(signedIn.ok && signedIn.value.refreshToken).toBe(TOKEN_HELD_BY_MAIN)

    const store = bridgeTokenStore(main.call)
    expect(await store.load()).toMatchObject({ accessToken: TOKEN_HELD_BY_MAIN, refreshToken: TOKEN_HELD_BY_MAIN })
    const connection = await main.call('province:connection', {})
    expect(connection).toMatchObject({ isSignedIn: true, username: DEMO_ACCOUNT.username })
    expect(connection.communeName).toBeTruthy()
  })

  it('signs out: main forgets the pair and load answers null', async () => {
    await connector().signIn({ username: DEMO_ACCOUNT.username, password: DEMO_ACCOUNT.password, clientId: CLIENT_ID })
    const store = bridgeTokenStore(main.call)
    await store.clear()
    expect(await bridgeTokenStore(main.call).load()).toBeNull()
    expect((await main.call('province:connection', {})).isSignedIn).toBe(false)
  })

  it('asks main once, keeps the answer until told to forget', async () => {
    const asked: string[] = []
    const counting: typeof main.call = (channel, input) => {
      asked.push(channel)
      return main.call(channel, input)
    }
    const store = bridgeTokenStore(counting)
    expect(await store.load()).toBeNull()
    expect(await store.load()).toBeNull()
    expect(asked).toEqual(['province:connection'])
    await connector().signIn({ username: DEMO_ACCOUNT.username, password: DEMO_ACCOUNT.password, clientId: CLIENT_ID })
    store.forget()
    expect(await store.load()).toMatchObject({ accessToken: TOKEN_HELD_BY_MAIN })
    expect(asked).toEqual(['province:connection', 'province:connection'])
  })
})
