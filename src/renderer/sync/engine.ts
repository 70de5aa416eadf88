/**
 * The sync engine: keeps the local database and the province in step without the officer watching.
 *
 * One cycle at a time under a lock (cycle.ts: push → uploads → observations → pull). Triggers:
 * `start()`; a local change (`notifyLocalChange()` or the outbox count growing, debounced); the
 * connection coming back (the `online` hint, then a probe of `/v1/health`); a timer — short while
 * changes wait, long when idle. Failures back off with full jitter, never sooner than the server's
 * `Retry-After`; a 401 after one refresh stops everything until `signIn()`. State for the UI:
 * `status()` + `subscribe()`. Everything started is stopped by the function `start()` returns.
 *
 *   const engine = createSyncEngine({ db, connector, tokens, probe: () => connector.health() })
 *   const stop = engine.start()
 *   engine.subscribe((s) => render(s.pendingCount, s.connectivity))
 *
 * Reference: docs/sync.md; the team's sync design notes §6.9 (retry policy and scheduling).
 */
import { liveQuery } from 'dexie'
import type { ConnectorResult, ProvinceConnector } from '../../shared/province/connector'
import type { DaixaDb } from '../db/database'
import { getClientId, getLastSuccess, putLastSuccess } from '../db/queries/sync-state'
import { openRejections, pendingSummary } from '../db/queries/sync-status'
import { createAuthedCaller, isSignInError } from './auth'
import { retryDelay, SYNC_BACKOFF, type BackoffOptions } from './backoff'
import { runCycle, type CycleError, type CycleReport } from './cycle'
import { createSyncLock, type RunExclusive } from './lock'
import { createStatusStore, type StatusListener, type SyncStatus, type UploadProgress } from './status'
import type { StepContext } from './step-context'
import type { OperationLogPort } from './operations-step'
import { systemClock, type MediaUploader, type RandomSource, type SyncClock, type TokenStore } from './types'

export interface SyncEngineOptions {
  db: DaixaDb
  connector: ProvinceConnector
  tokens: TokenStore
  uploader?: MediaUploader
  /** The station's operation log, sent to the province as observations (the app passes main's). */
  operationLog?: OperationLogPort
  clock?: SyncClock
  random?: RandomSource
  /** Reachability probe (the HTTP connector's `health`); without one a cycle is the probe. */
  probe?: () => Promise<ConnectorResult<unknown>>
  /** `navigator.onLine` by default: false pauses work, true only prompts a probe. */
  isOnlineHint?: () => boolean
  /** Calls `listener` when the OS says the network is back (`window` `online` by default). */
  onOnline?: (listener: () => void) => () => void
  /** Watch the outbox with Dexie liveQuery and sync after local changes (default true). */
  watchOutbox?: boolean
  debounceMs?: number
  busyIntervalMs?: number
  idleIntervalMs?: number
  backoff?: BackoffOptions
  pullPageLimit?: number
  lock?: RunExclusive
}

export interface SyncEngine {
  /** Starts triggers and the first cycle; returns stop. */
  start(): () => Promise<void>
  stop(): Promise<void>
  /** Runs one cycle now (after the current one, if any). */
  syncNow(): Promise<CycleReport>
  notifyLocalChange(): void
  signIn(username: string, password: string): Promise<ConnectorResult<{ communeName: string }>>
  signOut(): Promise<void>
  status(): SyncStatus
  subscribe(listener: StatusListener): () => void
}

/**
 * The province's clock offset is kept to the second: each answer moves it by that request's
 * latency, and a status change re-renders everything bound to the sync status (a bootstrap brings
 * 27 answers in 3 s).
 */
const CLOCK_OFFSET_STEP_MS = 1000

const defaultOnOnline = (listener: () => void): (() => void) => {
  const target = (globalThis as { window?: Window }).window
  if (!target) return () => undefined
  target.addEventListener('online', listener)
  return () => target.removeEventListener('online', listener)
}

const defaultOnlineHint = (): boolean =>
  (globalThis as { navigator?: { onLine?: boolean } }).navigator?.onLine !== false

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { db, connector, tokens } = options
  const clock = options.clock ?? systemClock
  const random = options.random ?? Math.random
  const lock = options.lock ?? createSyncLock()
  const isOnlineHint = options.isOnlineHint ?? defaultOnlineHint
  const debounceMs = options.debounceMs ?? 2_000
  const busyMs = options.busyIntervalMs ?? 15_000
  const idleMs = options.idleIntervalMs ?? 120_000
  const store = createStatusStore()
  const call = createAuthedCaller(connector, tokens)
  const uploads = new Map<string, UploadProgress>()
  let timer: unknown = null
  let running = false
  let inFlight: Promise<unknown> = Promise.resolve()
  const stops: (() => void)[] = []

  const nowIso = (): string => new Date(clock.now()).toISOString()

  const context = (clientId: string): StepContext => ({
    db,
    connector,
    call,
    clientId,
    nowIso,
    uploader: options.uploader ?? null,
    operationLog: options.operationLog ?? null,
    onServerTime: (t) => {
      const offset = Date.parse(t) - clock.now()
      const held = store.get().serverClockOffsetMs
      if (held === null || Math.abs(offset - held) >= CLOCK_OFFSET_STEP_MS)
        store.update({ serverClockOffsetMs: offset })
    },
    onPulled: (kind, records) => {
      const held = store.get().pullProgress
      const sum = held?.kind === kind ? held.records + records : records
      store.update({ pullProgress: { kind, records: sum } })
    },
    onUploadProgress: (hash, sentBytes, totalBytes) => {
      if (totalBytes === null) uploads.delete(hash)
      else uploads.set(hash, { hash, sentBytes, totalBytes })
      store.update({ uploads: [...uploads.values()] })
    },
  })

  async function refreshCounts(): Promise<void> {
    const pending = await pendingSummary(db)
    store.update({
      pendingCount: pending.count,
      oldestPendingAt: pending.oldestAt,
      rejectedCount: await openRejections(db),
      lastSuccessAt: await getLastSuccess(db),
    })
  }

  function recordOutcome(report: CycleReport): void {
    const error = report.error
    const isLinkDown = error !== null && (error.code === 'network' || error.code === 'timeout')
    const connectivity = isLinkDown ? 'offline' : error?.code === 'local-database' ? store.get().connectivity : 'online'
    const lastError = error ? { code: error.code, message: error.message, at: nowIso() } : null
    const failures = report.ok ? 0 : store.get().failures + 1
    store.update({
      connectivity,
      lastError,
      failures,
      needsSignIn: !report.ok && error !== null && isSignInError(error),
    })
  }

  /** A cycle that throws (IndexedDB quota, a closed database) is reported, never left unhandled. */
  async function guardedCycle(): Promise<CycleReport> {
    try {
      const clientId = await getClientId(db)
      const report = await runCycle(context(clientId), (phase) => store.update({ phase }), {
        pageLimit: options.pullPageLimit,
      })
      if (report.ok) await putLastSuccess(db, nowIso())
      return report
    } catch (error) {
      const message = `sync: local database: ${error instanceof Error ? error.message : String(error)}`
      const local = { code: 'local-database' as const, message, status: null, serverTime: null }
      return { ok: false, error: { ...local, retryable: true, retryAfterMs: null }, phase: null }
    }
  }

  async function cycle(): Promise<CycleReport> {
    return lock(async () => {
      const report = await guardedCycle()
      recordOutcome(report)
      store.update({ phase: 'idle', pullProgress: null })
      await refreshCounts().catch(() => undefined)
      return report
    })
  }

  function schedule(ms: number): void {
    if (!running) return
    if (timer !== null) clock.clearTimeout(timer)
    store.update({ nextAttemptAt: clock.now() + ms })
    timer = clock.setTimeout(() => {
      timer = null
      store.update({ nextAttemptAt: null })
      inFlight = tick()
    }, ms)
  }

  function scheduleAfter(report: CycleReport): void {
    const status = store.get()
    if (status.needsSignIn) {
      if (timer !== null) clock.clearTimeout(timer)
      timer = null
      store.update({ nextAttemptAt: null })
      return
    }
    if (!report.ok && report.error?.retryable) {
      schedule(retryDelay(status.failures - 1, report.error.retryAfterMs, random, options.backoff ?? SYNC_BACKOFF))
      return
    }
    schedule(status.pendingCount > 0 && report.ok ? busyMs : idleMs)
  }

  async function probeFails(): Promise<CycleError | null> {
    if (!options.probe || store.get().connectivity !== 'offline') return null
    const answer = await options.probe()
    return answer.ok ? null : answer.error
  }

  async function tick(): Promise<void> {
    if (!running) return
    if (!isOnlineHint()) {
      store.update({ connectivity: 'offline' })
      return schedule(idleMs)
    }
    const failed = await probeFails()
    const report = failed ? { ok: false, error: failed, phase: null } : await syncNow()
    if (failed) recordOutcome(report)
    scheduleAfter(report)
  }

  const syncNow = (): Promise<CycleReport> => {
    const run = cycle()
    inFlight = run.catch(() => undefined)
    return run
  }

  function notifyLocalChange(): void {
    const status = store.get()
    if (!running || status.needsSignIn) return
    void refreshCounts()
    // During a backoff the retry timer stands: local edits must not turn into a request storm.
    if (status.failures > 0) return
    const due = clock.now() + debounceMs
    if (status.nextAttemptAt === null || status.nextAttemptAt > due) schedule(debounceMs)
  }

  function watchOutbox(): () => void {
    let last: number | null = null
    const subscription = liveQuery(() => db.outbox.count()).subscribe({
      next: (count) => {
        if (last !== null && count > last) notifyLocalChange()
        last = count
      },
      error: () => undefined,
    })
    return () => subscription.unsubscribe()
  }

  const onOnline = (): void => {
    store.update({ connectivity: 'offline', failures: 0 })
    schedule(0)
  }

  async function stop(): Promise<void> {
    running = false
    if (timer !== null) clock.clearTimeout(timer)
    timer = null
    for (const undo of stops.splice(0)) undo()
    store.update({ nextAttemptAt: null })
    await inFlight
  }

  return {
    start() {
      if (running) return stop
      running = true
      stops.push((options.onOnline ?? defaultOnOnline)(onOnline))
      if (options.watchOutbox !== false) stops.push(watchOutbox())
      void refreshCounts()
      schedule(0)
      return stop
    },
    stop,
    syncNow,
    notifyLocalChange,
    async signIn(username, password) {
      const answer = await connector.signIn({ username, password, clientId: await getClientId(db) })
      if (!answer.ok) return answer
      const { accessToken, refreshToken, accessExpiresAt, refreshExpiresAt } = answer.value
      await tokens.save({ accessToken, refreshToken, accessExpiresAt, refreshExpiresAt })
      store.update({ needsSignIn: false, lastError: null, failures: 0 })
      if (running) schedule(0)
      return { ok: true, value: { communeName: answer.value.commune.name } }
    },
    async signOut() {
      await tokens.clear()
      store.update({ needsSignIn: true })
    },
    status: () => store.get(),
    subscribe: (listener) => store.subscribe(listener),
  }
}
