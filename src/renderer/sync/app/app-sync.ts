/**
 * The window's sync: reads the stored province connection, builds the HTTP connector and the
 * engine for it, and rebuilds them when the officer changes the server. No server address → no
 * engine; the view says "not connected" and nothing is attempted. One `AppSync` per window
 * (`SyncProvider` creates it); `start()` returns stop.
 *
 *   const sync = createAppSync({ db: appDatabase(), call, on: bridge.on })
 *   const stop = sync.start()
 *   sync.subscribe((view) => render(view.status.pendingCount))
 */
import type { ProvinceConnection } from '../../../shared/ipc/province'
import type { ConnectorResult } from '../../../shared/province/connector'
import type { DaixaDb } from '../../db/database'
import type { CycleReport } from '../cycle'
import { createSyncEngine, type SyncEngine, type SyncEngineOptions } from '../engine'
import { createHttpConnector } from '../http-connector'
import { createBridgeFetch } from './bridge-fetch'
import { initialStatus, type SyncStatus } from '../status'
import type { BridgeCall, BridgeOn } from './bridge-port'
import { bridgeMediaUploader } from './media-uploader'
import { bridgeTokenStore, type BridgeTokenStore } from './token-store'

export interface AppSyncView {
  /** The stored link; null until the first read answered. */
  connection: ProvinceConnection | null
  /** False when no province server is set: the engine is not running. */
  isConfigured: boolean
  status: SyncStatus
}

export interface AppSync {
  start(): () => Promise<void>
  view(): AppSyncView
  subscribe(listener: (view: AppSyncView) => void): () => void
  setServer(serverUrl: string): Promise<void>
  signIn(username: string, password: string): Promise<ConnectorResult<{ communeName: string }>>
  signOut(): Promise<void>
  /** Runs a cycle now; null when no server is set. */
  syncNow(): Promise<CycleReport | null>
}

export interface AppSyncOptions {
  db: DaixaDb
  call: BridgeCall
  on: BridgeOn
  /** Extra engine options (tests: timers, debounce). */
  engine?: Partial<Omit<SyncEngineOptions, 'db' | 'connector' | 'tokens' | 'uploader' | 'operationLog'>>
  /** How HTTP reaches the province: through the main side (`province:http`) unless a test says otherwise. */
  fetch?: typeof fetch
}

export function createAppSync(options: AppSyncOptions): AppSync {
  const { db, call, on } = options
  const tokens: BridgeTokenStore = bridgeTokenStore(call)
  const uploader = bridgeMediaUploader({ db, call, on })
  const listeners = new Set<(view: AppSyncView) => void>()
  let view: AppSyncView = { connection: null, isConfigured: false, status: initialStatus }
  let engine: SyncEngine | null = null
  let unsubscribeEngine: (() => void) | null = null
  let isStarted = false

  const publish = (patch: Partial<AppSyncView>): void => {
    view = { ...view, ...patch }
    for (const listener of [...listeners]) listener(view)
  }

  async function dropEngine(): Promise<void> {
    unsubscribeEngine?.()
    unsubscribeEngine = null
    const old = engine
    engine = null
    await old?.stop()
  }

  async function applyConnection(connection: ProvinceConnection): Promise<void> {
    await dropEngine()
    tokens.forget()
    publish({ connection, isConfigured: connection.serverUrl !== null, status: initialStatus })
    if (!isStarted || connection.serverUrl === null) return
    const connector = createHttpConnector({
      baseUrl: connection.serverUrl,
      fetch: options.fetch ?? createBridgeFetch(call),
    })
    const next = createSyncEngine({
      ...options.engine,
      db,
      connector,
      tokens,
      uploader,
      operationLog: {
        unsent: async (limit) => (await call('oplog:unsent', { limit })).entries,
        markSent: async (upToSeq) => void (await call('oplog:markSent', { upToSeq })),
      },
      probe: () => connector.health(),
    })
    engine = next
    unsubscribeEngine = next.subscribe((status) => {
      // A refused refresh signs the officer out in main too: show the settings as they now are.
      if (status.needsSignIn && !view.status.needsSignIn) void refreshConnection()
      publish({ status })
    })
    publish({ status: { ...next.status(), needsSignIn: !connection.isSignedIn } })
    if (connection.isSignedIn) next.start()
  }

  async function refreshConnection(): Promise<void> {
    const connection = await call('province:connection', {}).catch(() => null)
    if (!connection) return
    if (!connection.isSignedIn) tokens.forget()
    publish({ connection })
  }

  const reload = async (): Promise<void> => applyConnection(await call('province:connection', {}))

  async function stop(): Promise<void> {
    isStarted = false
    await dropEngine()
  }

  return {
    start() {
      if (isStarted) return stop
      isStarted = true
      void reload().catch(() => undefined)
      return stop
    },
    view: () => view,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async setServer(serverUrl) {
      await applyConnection(await call('province:setServer', { serverUrl }))
    },
    async signIn(username, password) {
      if (!engine) return { ok: false, error: notConfigured() }
      const answer = await engine.signIn(username, password)
      if (!answer.ok) return answer
      const connection = await call('province:connection', {})
      publish({ connection })
      engine.start()
      return answer
    },
    async signOut() {
      await engine?.stop()
      await engine?.signOut()
      publish({ connection: await call('province:connection', {}) })
    },
    syncNow: () => (engine ? engine.syncNow() : Promise.resolve(null)),
  }
}

const notConfigured = () => ({
  code: 'invalid-request' as const,
  message: 'sync: no province server is set',
  status: null,
  retryable: false,
  retryAfterMs: null,
  serverTime: null,
})
