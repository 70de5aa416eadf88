/**
 * The reference province server: a real node:http server implementing Province API v1
 * (src/shared/province) with crash-safe storage, tus uploads and, in test mode, seeded faults and
 * the `/__test__` routes. Binds 127.0.0.1 only. `startProvinceServer()` returns `stop()`, which
 * closes connections, cancels pending fault delays and waits for queued writes.
 *
 *   const server = await startProvinceServer({ dataDir, port: 0, testMode: true, seedDemo: true })
 *   await fetch(`${server.url}/v1/health`)   // {"status":"ok","apiVersion":"v1","serverTime":"…"}
 *   await server.stop()
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { createAccountService } from './accounts'
import { createClock, type ServerServices } from './context'
import { seedDemo } from './demo-seed'
import { createDispatcher } from './dispatch'
import { createFaultInjector } from './faults'
import { createMediaLibrary } from './library'
import { createMediaService } from './media'
import { createSignInGuard, defaultSignInLimits, type SignInLimits } from './sign-in-guard'
import { createCommuneStore } from './store'

export interface ProvinceServerOptions {
  dataDir: string
  /** 0 picks a free port. */
  port?: number
  /** Enables `/__test__/…` and fault injection. */
  testMode?: boolean
  /** Lets scripted crash faults kill this process (child-process tests only). */
  allowCrash?: boolean
  /** Seed of the fault PRNG (also settable through `/__test__/faults`). */
  seed?: number
  seedDemo?: boolean
  accessTtlMs?: number
  refreshTtlMs?: number
  /** Sign-in limits (sign-in-guard.ts); tests lower the lock time or raise the limits. */
  signInLimits?: Partial<SignInLimits>
  /**
   * The address clients reach this server at (behind a reverse proxy: `https://dai.tinh.gov.vn`).
   * Upload endpoints are built from it; default: where it listens.
   */
  publicUrl?: string
  tombstoneRetentionMs?: number
  log?: (line: string) => void
}

export interface ProvinceServer {
  url: string
  port: number
  stop(): Promise<void>
}

const MAX_SLEEP_MS = 30_000

/** Bounded sleeps that `cancelAll()` ends early, so stop() never waits on an injected hang. */
function createSleeper() {
  const pending = new Set<() => void>()
  return {
    sleep: (ms: number) =>
      new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer)
          pending.delete(done)
          resolve()
        }
        const timer = setTimeout(done, Math.min(Math.max(0, ms), MAX_SLEEP_MS))
        pending.add(done)
      }),
    cancelAll: () => {
      for (const done of [...pending]) done()
    },
  }
}

export async function startProvinceServer(options: ProvinceServerOptions): Promise<ProvinceServer> {
  const log = options.log ?? (() => undefined)
  const filesDir = join(options.dataDir, 'files')
  await mkdir(filesDir, { recursive: true })
  const clock = createClock()
  const accounts = await createAccountService(
    options.dataDir,
    { accessTtlMs: options.accessTtlMs ?? 15 * 60_000, refreshTtlMs: options.refreshTtlMs ?? 30 * 24 * 3600_000 },
    createSignInGuard({ ...defaultSignInLimits, ...options.signInLimits }),
  )
  const store = await createCommuneStore(options.dataDir)
  const sleeper = createSleeper()
  let baseUrl = ''
  const services: ServerServices = {
    store,
    accounts,
    clock,
    faults: createFaultInjector(options.seed ?? 1),
    baseUrl: () => baseUrl,
    log,
    filesDir,
    library: await createMediaLibrary(options.dataDir),
    tombstoneRetentionMs: options.tombstoneRetentionMs ?? 90 * 24 * 3600_000,
    sleep: sleeper.sleep,
  }
  if (options.seedDemo && (await seedDemo(store, accounts, clock.now()))) log('province: demo data seeded')
  const dispatch = createDispatcher(services, createMediaService(services), {
    testMode: options.testMode ?? false,
    allowCrash: options.allowCrash ?? false,
    publishRoute: (options.testMode ?? false) || (options.seedDemo ?? false),
    sleep: sleeper.sleep,
  })
  const server = createServer((req, res) => void dispatch(req, res))
  // Bounded, but long enough for one tus PATCH of a 1–2 MiB chunk on a very slow link.
  server.requestTimeout = 600_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const listening = `http://127.0.0.1:${port}`
  baseUrl = (options.publicUrl ?? listening).replace(/\/+$/, '')
  return {
    url: listening,
    port,
    stop: async () => {
      sleeper.cancelAll()
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await closed
      await store.drain()
    },
  }
}
