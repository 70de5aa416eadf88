/**
 * The reference province server for a sync test file, and the clients its tests make: started
 * once for the file, every client closed after each test, and (when asked) the demo commune put
 * back as it was and the fault injection healed, so tests do not see each other's edits.
 *
 *   const province = useProvinceServer({ restore: true })
 *   it('…', async () => { const c = await province.client(); … })
 */
import { afterAll, afterEach, beforeAll } from 'vitest'
import { DEMO_COMMUNE } from '../../province-server/demo-seed'
import { startTestServer, testPost, type TestServer } from '../province-server/helpers'
import { createClient, healFaults, type TestClient } from './helpers'

export interface ProvinceServerFixture {
  /** The server's base URL (valid inside tests and hooks). */
  readonly url: string
  /** A signed-in client against `url` (or another URL, e.g. a link proxy's), closed after the test. */
  client(options?: Parameters<typeof createClient>[1] & { url?: string }): Promise<TestClient>
}

export interface ProvinceServerFixtureOptions {
  restore?: boolean
  healFaults?: boolean
  /**
   * The server's public address (`--public-url`, from which it names tus upload URLs), fixed before
   * it starts: a test putting a link proxy in front gives that proxy's URL and starts it on `port`.
   */
  publicUrl?: string
  port?: number
}

export function useProvinceServer(options: ProvinceServerFixtureOptions = {}): ProvinceServerFixture {
  let server: TestServer | null = null
  const clients: TestClient[] = []
  const running = (): TestServer => {
    if (server === null) throw new Error('server-fixture: the province server is not running (outside a test?)')
    return server
  }
  beforeAll(async () => {
    server = await startTestServer({
      ...(options.port !== undefined ? { port: options.port } : {}),
      ...(options.publicUrl !== undefined ? { publicUrl: options.publicUrl } : {}),
    })
    if (options.restore) await testPost(server.url, 'snapshot', { communeId: DEMO_COMMUNE.id })
  })
  afterAll(async () => {
    await server?.stop()
    server = null
  })
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.close()
    if (options.healFaults) await healFaults(running().url)
    if (options.restore) await testPost(running().url, 'restore', { communeId: DEMO_COMMUNE.id })
  })
  return {
    get url() {
      return running().url
    },
    async client({ url, ...clientOptions } = {}) {
      const c = await createClient(url ?? running().url, clientOptions)
      clients.push(c)
      return c
    },
  }
}

/** Waits (bounded) until `check` holds; the engine runs on real I/O, so its cycles take real time. */
export async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let n = 0; n < 200; n++) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  throw new Error(`timed out waiting for ${what}`)
}
