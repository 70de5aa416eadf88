/**
 * The reference server's state of one commune and the only functions that change records.
 *
 * Every record change appends `{seq, key, version}` to the change log with the next sequence
 * number; the pull cursor is a position in that log. A delete keeps a tombstone record (`data`
 * null, `deletedAt` set) until compaction purges it and raises `horizonSeq` past its log entry.
 * Receipts (per mutationId) live in the same object, so one atomic file write stores an effect and
 * its receipt together. `contentVersion` is the version of the last commune-side change: field
 * ownership lets a commune edit pass over province-only changes (moderation, licence).
 */
import type { EntityName } from '../../src/shared/province/common'
import type { EntityRecord, Tombstone } from '../../src/shared/province/entities'
import type { MediaAssetState } from '../../src/shared/province/media'
import type { DeviceObservation, OperationLogEntry, PlayLogEntry } from '../../src/shared/province/observations'
import type { Receipt } from '../../src/shared/province/push'

export type Actor = 'commune' | 'province'

export interface StoredRecord {
  entity: EntityName
  id: string
  version: number
  data: EntityRecord | null
  deletedAt: string | null
  contentVersion: number
  lastChangedBy: Actor
}

export interface LogEntry {
  seq: number
  key: string
  version: number
}

export interface StoredMedia extends MediaAssetState {
  uploadId: string | null
}

export interface CommuneState {
  format: 1
  communeId: string
  /** Random per data set: cursors from another data set (a wiped server) are answered 410. */
  epoch: string
  seq: number
  /** Cursors below this position may have missed purged tombstones: 410 resync-required. */
  horizonSeq: number
  records: Record<string, StoredRecord>
  log: LogEntry[]
  receipts: Record<string, Receipt & { clientId: string }>
  playLog: Record<string, { entry: PlayLogEntry; receivedAt: string }>
  deviceObservations: Record<string, { entry: DeviceObservation; receivedAt: string }>
  /** The station's operation log (absent in state files written before it). */
  operations?: Record<string, { entry: OperationLogEntry; receivedAt: string }>
  media: Record<string, StoredMedia>
}

export const recordKey = (entity: EntityName, id: string): string => `${entity}:${id}`

export function emptyState(communeId: string, epoch: string): CommuneState {
  return {
    format: 1,
    communeId,
    epoch,
    seq: 0,
    horizonSeq: 0,
    records: {},
    log: [],
    receipts: {},
    playLog: {},
    deviceObservations: {},
    operations: {},
    media: {},
  }
}

export function getRecord(state: CommuneState, entity: EntityName, id: string): StoredRecord | undefined {
  return state.records[recordKey(entity, id)]
}

/** A live record's data, or undefined (missing or deleted). */
export function liveData(state: CommuneState, entity: EntityName, id: string): EntityRecord | undefined {
  return getRecord(state, entity, id)?.data ?? undefined
}

export function tombstoneOf(stored: StoredRecord): Tombstone | null {
  if (stored.deletedAt === null) return null
  return { entity: stored.entity, id: stored.id, deletedAt: stored.deletedAt, version: stored.version }
}

/** What the server currently holds for a subject: the record, its tombstone, or null. */
export function currentState(state: CommuneState, entity: EntityName | null, id: string | null) {
  if (entity === null || id === null) return null
  const stored = getRecord(state, entity, id)
  if (!stored) return null
  return stored.data ?? tombstoneOf(stored)
}

function appendLog(state: CommuneState, key: string, version: number): void {
  state.seq += 1
  state.log.push({ seq: state.seq, key, version })
}

/** Stores a new version of a record (create or update) and logs it; returns the stored data. */
export function putRecord(state: CommuneState, record: EntityRecord, by: Actor, now: string): EntityRecord {
  const key = recordKey(record.entity, record.id)
  const previous = state.records[key]
  const version = (previous?.version ?? 0) + 1
  const data: EntityRecord = { ...record, version, updatedAt: now }
  state.records[key] = {
    entity: record.entity,
    id: record.id,
    version,
    data,
    deletedAt: null,
    contentVersion: by === 'commune' ? version : (previous?.contentVersion ?? version),
    lastChangedBy: by,
  }
  appendLog(state, key, version)
  return data
}

/** Replaces a live record by a tombstone and logs it; returns the tombstone. */
export function deleteRecord(state: CommuneState, stored: StoredRecord, by: Actor, now: string): Tombstone {
  const version = stored.version + 1
  const key = recordKey(stored.entity, stored.id)
  state.records[key] = { ...stored, version, data: null, deletedAt: now, lastChangedBy: by }
  appendLog(state, key, version)
  return { entity: stored.entity, id: stored.id, deletedAt: now, version }
}

/** The latest log position of each key (older entries of a key are superseded). */
export function latestSeqByKey(log: readonly LogEntry[]): Map<string, number> {
  const latest = new Map<string, number>()
  for (const entry of log) latest.set(entry.key, entry.seq)
  return latest
}

/**
 * Purges tombstones deleted before `cutoff` and superseded log entries. Raises the horizon past
 * every purged tombstone's entry: a cursor below it could miss that delete. Returns purge count.
 */
export function compact(state: CommuneState, cutoff: string): number {
  const purged = new Set<string>()
  for (const [key, stored] of Object.entries(state.records)) {
    if (stored.deletedAt !== null && stored.deletedAt < cutoff) purged.add(key)
  }
  for (const key of purged) delete state.records[key]
  const latest = latestSeqByKey(state.log)
  let horizon = state.horizonSeq
  state.log = state.log.filter((entry) => {
    if (purged.has(entry.key)) {
      horizon = Math.max(horizon, entry.seq)
      return false
    }
    return latest.get(entry.key) === entry.seq
  })
  state.horizonSeq = horizon
  return purged.size
}
