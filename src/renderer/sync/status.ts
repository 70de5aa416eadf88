/**
 * The sync status a UI binds to: `status()` for the current value, `subscribe(listener)` for every
 * change (returns the unsubscribe function). Values are plain, immutable snapshots.
 */
import type { SyncError } from './types'

export type Connectivity = 'unknown' | 'online' | 'offline'
export type SyncPhase = 'idle' | 'push' | 'uploads' | 'observations' | 'pull'

export interface UploadProgress {
  hash: string
  sentBytes: number
  totalBytes: number
}

/** What the pull under way has stored so far (records and tombstones). */
export interface PullProgress {
  /** A first (or repeated) full copy, or the changes since the last sync. */
  kind: 'bootstrap' | 'changes'
  records: number
}

export interface SyncStatus {
  connectivity: Connectivity
  phase: SyncPhase
  /** Changes not yet on the province (pushable and observation entries of the outbox). */
  pendingCount: number
  /** `createdAt` of the oldest of them, or null. */
  oldestPendingAt: string | null
  /** Unresolved rejections the officer should look at. */
  rejectedCount: number
  lastSuccessAt: string | null
  lastError: SyncError | null
  /** True after a refused refresh: the officer must sign in again; the engine waits. */
  needsSignIn: boolean
  uploads: UploadProgress[]
  /** When the next automatic attempt is due (laptop clock, ms), or null. */
  nextAttemptAt: number | null
  /** Consecutive failed cycles (drives the backoff). */
  failures: number
  /** Province clock minus laptop clock, from the last answer (ms); null until known. */
  serverClockOffsetMs: number | null
  /** While pulling: what is stored so far (a first copy on 3G takes minutes); null otherwise. */
  pullProgress: PullProgress | null
}

export const initialStatus: SyncStatus = {
  connectivity: 'unknown',
  phase: 'idle',
  pendingCount: 0,
  oldestPendingAt: null,
  rejectedCount: 0,
  lastSuccessAt: null,
  lastError: null,
  needsSignIn: false,
  uploads: [],
  nextAttemptAt: null,
  failures: 0,
  serverClockOffsetMs: null,
  pullProgress: null,
}

export type StatusListener = (status: SyncStatus) => void

export interface StatusStore {
  get(): SyncStatus
  update(patch: Partial<SyncStatus>): void
  subscribe(listener: StatusListener): () => void
}

export function createStatusStore(): StatusStore {
  let current = initialStatus
  const listeners = new Set<StatusListener>()
  return {
    get: () => current,
    update(patch) {
      // A patch that changes nothing notifies nobody: every notification re-renders the status bar.
      const keys = Object.keys(patch) as (keyof SyncStatus)[]
      if (keys.every((key) => Object.is(current[key], patch[key]))) return
      current = { ...current, ...patch }
      for (const listener of [...listeners]) listener(current)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
