/**
 * Programme audio ahead of need: the renderer's plan (`downloads:plan`, most needed first) →
 * files in the media store, within the disk budget, a few at a time.
 *
 * - The budget (budget.ts) decides what to have; protected files (placed, on air) always, others
 *   while they fit. Files this service downloaded that nothing wants any more are released (deleted)
 *   at once; a file someone else uses (`keep`) or that the service did not download is never touched.
 * - At most `concurrency` downloads run; each resumes from its `.part` (download-job.ts). A cut
 *   link, a 5xx or a stall is tried again after a growing pause; a file that does not hash to its
 *   name is fetched once more at once, then after a pause; a missing file, a full disk, a format
 *   the station cannot play wait for a longer pause or for the next plan.
 * - Every change of a file's state goes to `onChange` (the renderer mirrors it; progress at most
 *   four times a second per file).
 */
import { mkdir, readdir, rm } from 'node:fs/promises'
import type { DownloadPlan, DownloadReason, DownloadState, DownloadWant } from '../../../shared/ipc/downloads'
import { decideBudget } from '../../../shared/prefetch/budget'
import type { Logger } from '../logger'
import type { MediaStore } from '../media/media-store'
import type { BandwidthGate } from './bandwidth-gate'
import { partPathOf, runDownloadJob, type JobOutcome } from './download-job'
import type { DownloadRegistry } from './download-registry'

export interface ProvinceCredentials {
  baseUrl: string
  accessToken: string
}

export interface DownloadServiceOptions {
  store: Pick<MediaStore, 'has' | 'adoptDownload' | 'remove'>
  /** Where `.part` files live: on the store's disk, outside the store. */
  stagingDir: string
  registry: DownloadRegistry
  /** The province's address and a valid access token; null when not signed in. */
  credentials(): Promise<ProvinceCredentials | null>
  budgetBytes(): number
  gate: BandwidthGate
  log: Logger
  onChange(state: DownloadState): void
  concurrency?: number
  stallMs?: number
  reserveBytes?: number
  fetch?: typeof fetch
  now?: () => number
  /** First pause after a failure; doubled each time up to `maxRetryMs`. */
  retryBaseMs?: number
  maxRetryMs?: number
}

export interface DownloadService {
  plan(plan: DownloadPlan): Promise<DownloadState[]>
  /**
   * "This file, first in line": an emergency programme's audio. Whatever the budget; if every
   * slot is busy, the least needed running download steps aside (it keeps its part and resumes).
   * It stays protected until the next plan no longer names it.
   */
  ensure(want: DownloadWant): DownloadState
  list(): DownloadState[]
  /** Resolves once nothing runs and nothing is due before `withinMs` from now (tests, benchmarks). */
  settled(withinMs?: number): Promise<void>
  stop(): Promise<void>
}

interface Entry {
  want: DownloadWant
  state: DownloadState
  failures: number
  abort: AbortController | null
  lastSent: number
}

/** Reasons that are not worth a quick retry: the same answer is likely for a while. */
const SLOW_RETRY: ReadonlySet<DownloadReason> = new Set(['not-on-server', 'disk-full', 'server', 'sign-in'])
/** Held for a reason a new plan may have lifted: a sign-in since, room made in the budget or on the disk. */
const RESET_ON_PLAN: ReadonlySet<DownloadReason | null> = new Set(['budget', 'sign-in', 'disk-full'])
const FAILED: ReadonlySet<DownloadReason> = new Set([
  'not-on-server',
  'checksum',
  'disk-full',
  'unsupported-format',
  'server',
])

export async function createDownloadService(options: DownloadServiceOptions): Promise<DownloadService> {
  const { store, registry, gate, log } = options
  const now = options.now ?? Date.now
  const concurrency = options.concurrency ?? 2
  const baseMs = options.retryBaseMs ?? 2_000
  const maxMs = options.maxRetryMs ?? 5 * 60_000
  await mkdir(options.stagingDir, { recursive: true })
  const entries = new Map<string, Entry>()
  const running = new Map<string, Promise<void>>()
  let order: string[] = []
  let timer: ReturnType<typeof setTimeout> | null = null
  let isStopped = false
  const waiters = new Set<() => void>()
  /** Files asked for with `ensure`: first in every plan until present, never released meanwhile. */
  const pinned = new Map<string, DownloadWant>()

  const emit = (entry: Entry, patch: Partial<DownloadState>, isProgress = false): void => {
    entry.state = { ...entry.state, ...patch }
    const t = now()
    if (isProgress && t - entry.lastSent < 250) return
    entry.lastSent = t
    options.onChange(entry.state)
  }

  const retryDelay = (entry: Entry, reason: DownloadReason): number =>
    SLOW_RETRY.has(reason) ? maxMs : Math.min(maxMs, baseMs * 2 ** Math.max(0, entry.failures - 1))

  async function finish(entry: Entry, outcome: JobOutcome): Promise<void> {
    const hash = entry.want.hash
    if (outcome.ok) {
      await registry.add(hash, outcome.sizeBytes)
      entry.failures = 0
      return emit(entry, {
        state: 'present',
        receivedBytes: outcome.sizeBytes,
        sizeBytes: outcome.sizeBytes,
        reason: null,
        retryAt: null,
      })
    }
    // a link cut after bytes moved is a working link that dropped: resume at once, no backoff
    const hadProgress = outcome.reason === 'link' && outcome.wireBytes > 0
    entry.failures = hadProgress ? 0 : entry.failures + 1
    log.warn(`downloads: ${hash} (${outcome.reason}): ${outcome.message}`)
    // a file that did not hash to its name is fetched once more at once
    const isQuickAgain = hadProgress || (outcome.reason === 'checksum' && entry.failures === 1)
    const retryAt =
      outcome.reason === 'unsupported-format' ? null : now() + (isQuickAgain ? 0 : retryDelay(entry, outcome.reason))
    const state = FAILED.has(outcome.reason) && !isQuickAgain ? 'failed' : 'waiting'
    const receivedBytes =
      outcome.reason === 'checksum' || outcome.reason === 'disk-full' ? 0 : entry.state.receivedBytes
    emit(entry, { state, reason: outcome.reason, retryAt, receivedBytes })
  }

  async function run(entry: Entry): Promise<void> {
    const credentials = await options.credentials()
    if (!credentials) {
      emit(entry, { state: 'waiting', reason: 'sign-in', retryAt: now() + maxMs })
      return
    }
    const abort = new AbortController()
    entry.abort = abort
    emit(entry, { state: 'downloading', reason: null, retryAt: null })
    const outcome = await runDownloadJob({
      hash: entry.want.hash,
      ...credentials,
      stagingDir: options.stagingDir,
      gate,
      fetch: options.fetch ?? fetch,
      stallMs: options.stallMs ?? 30_000,
      reserveBytes: options.reserveBytes ?? 32 * 1024 * 1024,
      signal: abort.signal,
      onBytes: (receivedBytes, sizeBytes) => emit(entry, { receivedBytes, sizeBytes }, true),
      adopt: (part, kind) => store.adoptDownload(part, entry.want.hash, kind),
    })
    entry.abort = null
    if (abort.signal.aborted) {
      // stepped aside for a more urgent file (or dropped): it resumes from its part when due
      if (entries.get(entry.want.hash) === entry && !isStopped)
        emit(entry, { state: 'waiting', reason: null, retryAt: now() })
      return
    }
    await finish(entry, outcome)
  }

  function isDue(entry: Entry): boolean {
    const { state } = entry.state
    if (state !== 'waiting' && state !== 'failed') return false
    if (entry.state.reason === 'budget') return false
    return entry.state.retryAt !== null && entry.state.retryAt <= now()
  }

  function pump(): void {
    if (isStopped) return
    if (timer) clearTimeout(timer)
    timer = null
    for (const hash of order) {
      if (running.size >= concurrency) break
      const entry = entries.get(hash)
      if (!entry || running.has(hash) || !isDue(entry)) continue
      const job = run(entry)
        .catch((error: unknown) => log.warn(`downloads: ${hash}: ${String(error)}`))
        .finally(() => {
          running.delete(hash)
          pump()
        })
      running.set(hash, job)
    }
    const next = Math.min(
      ...[...entries.values()].flatMap((e) =>
        !running.has(e.want.hash) && e.state.retryAt !== null && e.state.reason !== 'budget' ? [e.state.retryAt] : [],
      ),
    )
    if (Number.isFinite(next)) timer = setTimeout(pump, Math.max(0, next - now()))
    if (running.size === 0) for (const wake of [...waiters]) wake()
  }

  async function release(hash: string): Promise<void> {
    await store.remove(hash).catch((error: unknown) => log.warn(`downloads: releasing ${hash}: ${String(error)}`))
    await registry.remove(hash)
    log.info(`downloads: released ${hash} (no longer wanted)`)
  }

  async function dropUnwanted(wanted: ReadonlySet<string>): Promise<void> {
    for (const [hash, entry] of entries) {
      if (wanted.has(hash)) continue
      entry.abort?.abort()
      entries.delete(hash)
    }
    const parts = await readdir(options.stagingDir).catch(() => [])
    for (const name of parts) {
      const hash = name.replace(/\.part$/, '')
      if (name.endsWith('.part') && !wanted.has(hash) && !running.has(hash))
        await rm(partPathOf(options.stagingDir, hash), { force: true })
    }
  }

  function entryFor(want: DownloadWant, overBudget: boolean): Entry {
    const existing = entries.get(want.hash)
    const fresh: DownloadState = {
      hash: want.hash,
      state: 'waiting',
      receivedBytes: 0,
      sizeBytes: want.sizeBytes,
      reason: null,
      retryAt: now(),
    }
    const entry = existing ?? { want, state: fresh, failures: 0, abort: null, lastSent: 0 }
    entry.want = want
    if (store.has(want.hash)) {
      if (entry.state.state !== 'present') emit(entry, { state: 'present', reason: null, retryAt: null })
    } else if (overBudget && !running.has(want.hash)) {
      emit(entry, { state: 'waiting', reason: 'budget', retryAt: null })
    } else if (!existing || RESET_ON_PLAN.has(entry.state.reason) || entry.state.state === 'present') {
      emit(entry, { state: 'waiting', reason: null, retryAt: now() })
    }
    return entry
  }

  function withPinned(plan: DownloadPlan): DownloadPlan {
    for (const hash of pinned.keys()) if (store.has(hash)) pinned.delete(hash)
    const named = new Set(plan.items.map((w) => w.hash))
    const urgent = [...pinned.values()].filter((w) => !named.has(w.hash))
    return { items: [...urgent, ...plan.items], keep: [...plan.keep, ...pinned.keys()] }
  }

  return {
    async plan(asked) {
      const plan = withPinned(asked)
      for (const hash of registry.held().keys()) if (!store.has(hash)) await registry.remove(hash)
      const decision = decideBudget({
        items: plan.items,
        held: registry.held(),
        keep: new Set([...plan.keep, ...plan.items.filter((w) => w.isProtected).map((w) => w.hash)]),
        budgetBytes: options.budgetBytes(),
      })
      for (const hash of decision.release) await release(hash)
      const wanted = new Set(plan.items.map((w) => w.hash))
      await dropUnwanted(wanted)
      const over = new Set(decision.overBudget.map((w) => w.hash))
      for (const hash of decision.release) entries.delete(hash)
      for (const want of [...decision.take, ...decision.overBudget]) {
        entries.set(want.hash, entryFor(want, over.has(want.hash)))
      }
      order = [...decision.take, ...decision.overBudget].map((w) => w.hash)
      pump()
      return order.flatMap((hash) => entries.get(hash)?.state ?? [])
    },
    ensure(want) {
      const urgent = { ...want, rank: 'emergency-now' as const, isProtected: true }
      if (!store.has(want.hash)) pinned.set(want.hash, urgent)
      const entry = entryFor(urgent, false)
      if (entry.state.state === 'failed') emit(entry, { state: 'waiting', reason: null, retryAt: now() })
      entries.set(want.hash, entry)
      order = [want.hash, ...order.filter((hash) => hash !== want.hash)]
      const isWaiting = !running.has(want.hash) && entry.state.state !== 'present'
      if (isWaiting && running.size >= concurrency) {
        const yielding = [...order]
          .reverse()
          .find((hash) => running.has(hash) && entries.get(hash)?.want.rank !== 'emergency-now')
        if (yielding) entries.get(yielding)?.abort?.abort()
      }
      pump()
      return entry.state
    },
    list: () => order.flatMap((hash) => entries.get(hash)?.state ?? []),
    settled(withinMs = 0) {
      const isSoon = (e: Entry): boolean =>
        (e.state.state === 'waiting' || e.state.state === 'failed') &&
        e.state.reason !== 'budget' &&
        e.state.retryAt !== null &&
        e.state.retryAt <= now() + withinMs
      const isQuiet = (): boolean => running.size === 0 && ![...entries.values()].some(isSoon)
      if (isQuiet()) return Promise.resolve()
      return new Promise<void>((resolve) => {
        const check = (): void => {
          if (!isQuiet()) return
          waiters.delete(check)
          resolve()
        }
        waiters.add(check)
      })
    },
    async stop() {
      isStopped = true
      if (timer) clearTimeout(timer)
      for (const entry of entries.values()) entry.abort?.abort()
      await Promise.allSettled([...running.values()])
    },
  }
}
