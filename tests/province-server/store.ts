/**
 * Storage of the reference province server: one JSON state file per commune
 * (`<dataDir>/communes/<communeId>.json`), rewritten atomically once per request batch.
 *
 * Why this shape: it is the simplest storage in which an effect and its receipt are provably
 * written together. A request works on a copy of the commune's last committed state under that
 * commune's lock; the copy replaces the committed state only after the atomic write returned. So a
 * `kill -9` anywhere leaves the file at the previous batch or the new one, and a retried mutation
 * is answered `duplicate` exactly when its effect exists. Rewriting the whole file is O(state) per
 * write: fine for a test double holding hundreds of records, not a production design (which would
 * use one database transaction per batch).
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { readJsonIfExists, removeStaleTemps, writeJsonAtomic, type CrashHook } from './atomic-file'
import { emptyState, type CommuneState } from './state'

const COMMUNE_ID = /^[a-z0-9][a-z0-9-]{0,62}$/

/** Runs async tasks one at a time, in call order. */
export function createSerial(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve()
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task)
    tail = run.catch(() => undefined)
    return run
  }
}

export interface WriteOptions {
  /** Test hook: called at each point of the atomic write (it may kill the process). */
  crashHook?: CrashHook
}

export interface CommuneStore {
  /** Reads under the commune's lock (sees every committed batch, none half-done). */
  read<T>(communeId: string, fn: (state: CommuneState) => T): Promise<T>
  /** Runs `fn` on a copy; when it returns `changed`, writes atomically, then publishes the copy. */
  update<T>(
    communeId: string,
    fn: (state: CommuneState) => { result: T; changed: boolean },
    options?: WriteOptions,
  ): Promise<T>
  /**
   * `changed` resolves after the next committed change of the commune (a long-poll waits on it);
   * `cancel()` forgets the watch (a long-poll that timed out).
   */
  watchCommit(communeId: string): { changed: Promise<void>; cancel(): void }
  /** Waits for every queued request to finish (for a clean stop). */
  drain(): Promise<void>
}

/** Reads a commune's committed state from disk, creating (and persisting) an empty one the first time. */
async function loadState(file: string, communeId: string): Promise<CommuneState> {
  const stored = (await readJsonIfExists(file)) as CommuneState | undefined
  if (stored) return stored
  // Persist the epoch at once: cursors issued from a never-written state must survive a restart.
  const state = emptyState(communeId, randomUUID())
  await writeJsonAtomic(file, state)
  return state
}

export async function createCommuneStore(dataDir: string): Promise<CommuneStore> {
  const dir = join(dataDir, 'communes')
  await mkdir(dir, { recursive: true })
  await removeStaleTemps(dir)
  const committed = new Map<string, CommuneState>()
  const locks = new Map<string, ReturnType<typeof createSerial>>()
  const waiters = new Map<string, Set<() => void>>()
  const fileOf = (communeId: string): string => {
    if (!COMMUNE_ID.test(communeId)) throw new Error(`store: bad commune id ${JSON.stringify(communeId)}`)
    return join(dir, `${communeId}.json`)
  }
  const lockOf = (communeId: string) => {
    const lock = locks.get(communeId) ?? createSerial()
    locks.set(communeId, lock)
    return lock
  }
  const load = async (communeId: string): Promise<CommuneState> => {
    const state = committed.get(communeId) ?? (await loadState(fileOf(communeId), communeId))
    committed.set(communeId, state)
    return state
  }
  return {
    read: (communeId, fn) => lockOf(communeId)(async () => fn(await load(communeId))),
    update: (communeId, fn, options) =>
      lockOf(communeId)(async () => {
        const draft = structuredClone(await load(communeId))
        const { result, changed } = fn(draft)
        if (changed) {
          await writeJsonAtomic(fileOf(communeId), draft, options?.crashHook)
          committed.set(communeId, draft)
          const woken = [...(waiters.get(communeId) ?? [])]
          waiters.delete(communeId)
          for (const wake of woken) wake()
        }
        return result
      }),
    watchCommit(communeId) {
      let wake: () => void = () => undefined
      const changed = new Promise<void>((resolve) => (wake = resolve))
      const set = waiters.get(communeId) ?? new Set<() => void>()
      set.add(wake)
      waiters.set(communeId, set)
      return { changed, cancel: () => void waiters.get(communeId)?.delete(wake) }
    },
    drain: async () => {
      await Promise.all([...locks.values()].map((lock) => lock(() => Promise.resolve())))
    },
  }
}
