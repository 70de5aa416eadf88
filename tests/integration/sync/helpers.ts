/**
 * A real client for sync tests: a Dexie database on fake-indexeddb, the Province API v1 HTTP
 * connector and the sync engine, talking over loopback HTTP to the reference province server.
 * Only time (a manual clock) and chance (a seeded PRNG) are substituted.
 */
import { Dexie } from 'dexie'
import { createDatabase, type DaixaDb } from '../../../src/renderer/db/database'
import {
  addRecordedAnnouncement,
  deleteAnnouncementRows,
  renameAnnouncement,
} from '../../../src/renderer/db/queries/announcements'
import { createAuthedCaller } from '../../../src/renderer/sync/auth'
import type { StepContext } from '../../../src/renderer/sync/step-context'
import { createSyncEngine, type SyncEngine, type SyncEngineOptions } from '../../../src/renderer/sync/engine'
import { createHttpConnector, type HttpConnector } from '../../../src/renderer/sync/http-connector'
import { createMemoryTokenStore, type SyncClock, type TokenStore } from '../../../src/renderer/sync/types'
import type { Announcement } from '../../../src/shared/model/announcement'
import type { EntityRecord } from '../../../src/shared/province/entities'
import { DEMO_ACCOUNT, DEMO_COMMUNE } from '../../province-server/demo-seed'
import { call, serverState } from '../province-server/helpers'
import type { CommuneState } from '../../province-server/state'

let counter = 0

export interface TestClient {
  db: DaixaDb
  connector: HttpConnector
  tokens: TokenStore
  engine: SyncEngine
  close(): Promise<void>
}

export async function createClient(
  url: string,
  options: Partial<SyncEngineOptions> & { timeoutMs?: number; signIn?: boolean } = {},
): Promise<TestClient> {
  const db = createDatabase(`daixa-sync-${process.pid}-${++counter}`)
  await db.open()
  const connector = createHttpConnector({ baseUrl: url, timeoutMs: options.timeoutMs ?? 3_000 })
  const tokens = options.tokens ?? createMemoryTokenStore()
  const engine = createSyncEngine({ db, connector, tokens, watchOutbox: false, ...options })
  if (options.signIn !== false) {
    const signed = await engine.signIn(DEMO_ACCOUNT.username, DEMO_ACCOUNT.password)
    if (!signed.ok) throw new Error(`sign-in failed: ${signed.error.message}`)
  }
  return {
    db,
    connector,
    tokens,
    engine,
    close: async () => {
      await engine.stop()
      db.close()
      await Dexie.delete(db.name)
    },
  }
}

/** A step context for running one step (e.g. pullStep) of the client on its own. */
export function stepContext(c: TestClient): StepContext {
  return {
    db: c.db,
    connector: c.connector,
    call: createAuthedCaller(c.connector, c.tokens),
    clientId: 'not-used-by-pull',
    nowIso: () => new Date().toISOString(),
    uploader: null,
    onUploadProgress: () => undefined,
    onServerTime: () => undefined,
    onPulled: () => undefined,
    operationLog: null,
  }
}

/** A manual clock: timers fire only when the test advances time. */
export function manualClock(start = Date.parse('2026-11-23T01:00:00Z')) {
  let now = start
  const timers = new Map<number, { at: number; fn: () => void }>()
  let nextId = 1
  const clock: SyncClock & { advance(ms: number): void; pending(): number[] } = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = nextId++
      timers.set(id, { at: now + ms, fn })
      return id
    },
    clearTimeout: (handle) => void timers.delete(handle as number),
    advance(ms) {
      now += ms
      for (const [id, timer] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at > now) continue
        timers.delete(id)
        timer.fn()
      }
    },
    pending: () => [...timers.values()].map((t) => t.at - now),
  }
  return clock
}

export const mediaHash = (n: number): string => n.toString(16).padStart(64, '0')

export async function localCreate(db: DaixaDb, title: string, hash = mediaHash(1)): Promise<Announcement> {
  return addRecordedAnnouncement(db, {
    hash,
    sampleRate: 44100,
    channels: 1,
    sampleCount: 44100,
    durationMs: 1000,
    sizeBytes: 88244,
    startedAt: '2026-11-23T00:00:00.000Z',
    title,
  })
}

export const localRename = (db: DaixaDb, id: string, title: string): Promise<void> => renameAnnouncement(db, id, title)
export const localDelete = (db: DaixaDb, id: string): Promise<void> => deleteAnnouncementRows(db, id)

/** The synced fields of an announcement, the same whichever side it comes from. */
export interface Comparable {
  id: string
  title: string
  mediaHash: string
  durationMs: number
  version: number | null
  moderation: string | null
}

export function fromServer(record: EntityRecord): Comparable | null {
  if (record.entity !== 'announcement') return null
  const { id, title, mediaHash, durationMs, version } = record
  return { id, title, mediaHash, durationMs, version, moderation: record.moderation.status }
}

export function fromClient(row: Announcement): Comparable {
  const { id, title, mediaHash } = row
  return {
    id,
    title,
    mediaHash,
    durationMs: Math.round(row.durationMs),
    version: row.serverVersion ?? null,
    moderation: row.moderation?.status ?? null,
  }
}

const byId = (a: Comparable, b: Comparable): number => a.id.localeCompare(b.id)

export function serverAnnouncements(state: CommuneState): Comparable[] {
  return Object.values(state.records)
    .flatMap((stored) => (stored.data ? (fromServer(stored.data) ?? []) : []))
    .sort(byId)
}

export async function clientAnnouncements(db: DaixaDb): Promise<Comparable[]> {
  return (await db.announcements.toArray()).map(fromClient).sort(byId)
}

export const communeState = (url: string): Promise<CommuneState> => serverState(url, DEMO_COMMUNE.id)

export const faults = (url: string, config: Record<string, unknown>) =>
  call(url, 'POST', '/__test__/faults', { body: config })

export const healFaults = (url: string) => faults(url, { seed: 1, probabilities: {}, script: [] })

/** Syncs until a cycle succeeds with nothing left in the outbox (bounded). */
export async function syncToQuiescence(engine: SyncEngine, db: DaixaDb, maxCycles = 10): Promise<number> {
  for (let n = 1; n <= maxCycles; n++) {
    const report = await engine.syncNow()
    if (report.ok && (await db.outbox.count()) === 0) return n
  }
  throw new Error(`no quiescence after ${maxCycles} cycles: ${JSON.stringify(engine.status().lastError)}`)
}
