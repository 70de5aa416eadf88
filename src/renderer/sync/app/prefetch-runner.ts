/**
 * Keeps main's download service told what to fetch: the plan is read again whenever the schedule,
 * the programmes or the station's files change (a Dexie liveQuery), every 10 minutes (time moves
 * the horizon), and when the disk budget or horizon changes in Cài đặt; each plan goes to main
 * (`downloads:plan`). Every file's state comes back as `downloads:changed`; the view (states, the
 * planned days and the coverage the status bar shows) is published to subscribers.
 *
 *   const runner = createPrefetchRunner({ db, call, on })
 *   const stop = runner.start()
 *   runner.subscribe((view) => render(view.coverage.daysCovered))
 */
import { liveQuery } from 'dexie'
import type { DownloadState } from '../../../shared/ipc/downloads'
import { defaultPrefetch } from '../../../shared/ipc/settings'
import { coverage, type Coverage, type PlannedDay } from '../../../shared/prefetch/plan'
import type { DaixaDb } from '../../db/database'
import type { BridgeCall, BridgeOn } from './bridge-port'
import { readPrefetch, type PrefetchInput } from './prefetch-source'

export interface PrefetchView {
  states: ReadonlyMap<string, DownloadState>
  days: readonly PlannedDay[]
  coverage: Coverage
}

export interface PrefetchRunner {
  start(): () => void
  view(): PrefetchView
  subscribe(listener: (view: PrefetchView) => void): () => void
  /** "This file, first in line" (an emergency programme's audio): see docs/sync.md. */
  ensure(hash: string, sizeBytes: number | null, durationMs: number | null): Promise<DownloadState>
}

export interface PrefetchRunnerOptions {
  db: DaixaDb
  call: BridgeCall
  on: BridgeOn
  now?: () => number
  /** Calm between a change and the plan sent (default 1 s). */
  debounceMs?: number
  onError?: (error: unknown) => void
}

const REPLAN_MS = 10 * 60_000

export function createPrefetchRunner(options: PrefetchRunnerOptions): PrefetchRunner {
  const { db, call, on } = options
  const now = options.now ?? Date.now
  const states = new Map<string, DownloadState>()
  const listeners = new Set<(view: PrefetchView) => void>()
  let days: readonly PlannedDay[] = []
  let horizonDays: number = defaultPrefetch.horizonDays
  let current: PrefetchView = { states, days, coverage: { daysCovered: 0, soonMissing: [] } }
  const report = options.onError ?? ((error: unknown) => console.warn('prefetch:', error))

  const publish = (): void => {
    const isHere = (hash: string): boolean => states.get(hash)?.state === 'present'
    current = { states: new Map(states), days, coverage: coverage(days, isHere, now()) }
    for (const listener of [...listeners]) listener(current)
  }

  async function send(input: PrefetchInput): Promise<void> {
    days = input.days
    const { states: answered } = await call('downloads:plan', input.plan)
    states.clear()
    for (const s of answered) states.set(s.hash, s)
    publish()
  }

  return {
    start() {
      let timer: ReturnType<typeof setTimeout> | null = null
      let latest: PrefetchInput | null = null
      const schedule = (input: PrefetchInput): void => {
        latest = input
        if (timer) clearTimeout(timer)
        timer = setTimeout(() => latest && void send(latest).catch(report), options.debounceMs ?? 1_000)
      }
      let watch: { unsubscribe(): void } | null = null
      const watchDb = (): void => {
        watch?.unsubscribe()
        watch = liveQuery(() => readPrefetch(db, now(), horizonDays)).subscribe({ next: schedule, error: report })
      }
      const offChanged = on('downloads:changed', (state) => {
        states.set(state.hash, state)
        publish()
      })
      const offSettings = on('settings:changed', (prefs) => {
        if (prefs.prefetch.horizonDays === horizonDays)
          return void readPrefetch(db, now(), horizonDays).then(schedule, report)
        horizonDays = prefs.prefetch.horizonDays
        watchDb()
      })
      void call('settings:get', {})
        .then((prefs) => {
          horizonDays = prefs.prefetch.horizonDays
        })
        .catch(report)
        .finally(watchDb)
      const tick = setInterval(() => void readPrefetch(db, now(), horizonDays).then(schedule, report), REPLAN_MS)
      return () => {
        watch?.unsubscribe()
        offChanged()
        offSettings()
        clearInterval(tick)
        if (timer) clearTimeout(timer)
      }
    },
    view: () => current,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async ensure(hash, sizeBytes, durationMs) {
      const { state } = await call('downloads:ensure', { hash, sizeBytes, durationMs })
      states.set(hash, state)
      publish()
      return state
    },
  }
}
