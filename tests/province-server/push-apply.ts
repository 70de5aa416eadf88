/**
 * Applying one parsed mutation to a commune's state, with the conflict rules of Province API v1
 * (docs/province-api.md, "Conflicts"):
 * - announcement: commune owns content, province owns moderation. An update/delete is refused
 *   (`version-conflict`) when another client changed the content since `baseVersion`, or the
 *   province approved it since; province-only changes in between do not block it. A content edit
 *   sends moderation back to `pending`.
 * - schedule: optimistic concurrency (`baseVersion` must equal the version), the business checks of
 *   schedule-rules.ts, a province cancellation beats commune edits, and a commune delete always wins.
 * - station: the commune changes its contact fields only (province-only changes do not block it).
 * Deleting something already deleted answers `applied` with the tombstone's version (idempotent).
 */
import type { EntityName } from '../../src/shared/province/common'
import type { AnnouncementRecord, EntityRecord, Schedule, Tombstone } from '../../src/shared/province/entities'
import type { Mutation, RejectionReason } from '../../src/shared/province/push'
import { checkSchedule } from './schedule-rules'
import { deleteRecord, getRecord, putRecord, tombstoneOf, type CommuneState, type StoredRecord } from './state'

type ServerState = EntityRecord | Tombstone | null

export type Outcome =
  | { status: 'applied'; entity: EntityName; entityId: string; version: number; record: ServerState }
  | {
      status: 'rejected'
      entity: EntityName | null
      entityId: string | null
      reason: RejectionReason
      message: string
      record: ServerState
    }

type AnnouncementMutation = Extract<Mutation, { entity: 'announcement' }>
type ScheduleMutation = Extract<Mutation, { entity: 'schedule' }>
type StationMutation = Extract<Mutation, { entity: 'station' }>
type ClusterMutation = Extract<Mutation, { entity: 'cluster' }>

const stateOf = (stored: StoredRecord | undefined): ServerState =>
  stored ? (stored.data ?? tombstoneOf(stored)) : null

const applied = (record: EntityRecord): Outcome => ({
  status: 'applied',
  entity: record.entity,
  entityId: record.id,
  version: record.version,
  record,
})

const deleted = (tombstone: Tombstone): Outcome => ({
  status: 'applied',
  entity: tombstone.entity,
  entityId: tombstone.id,
  version: tombstone.version,
  record: tombstone,
})

const rejectWith =
  (entity: EntityName, entityId: string, stored: StoredRecord | undefined) =>
  (reason: RejectionReason, message: string): Outcome => ({
    status: 'rejected',
    entity,
    entityId,
    reason,
    message,
    record: stateOf(stored),
  })

/** Why a commune-side change made on `baseVersion` cannot apply to `stored` (field ownership), or null. */
function contentConflict(stored: StoredRecord, baseVersion: number): string | null {
  if (baseVersion > stored.version) return `baseVersion ${baseVersion} is ahead of the server (${stored.version})`
  if (baseVersion < stored.contentVersion) return `changed by another client at version ${stored.contentVersion}`
  const data = stored.data
  if (data?.entity === 'announcement' && data.moderation.status === 'approved' && baseVersion < stored.version) {
    return 'approved by the province after baseVersion; pull and edit again'
  }
  return null
}

const mediaStatusFor = (state: CommuneState, hash: string): AnnouncementRecord['mediaStatus'] =>
  state.media[hash]?.status === 'verified' ? 'ready' : 'awaiting-media'

const pendingModeration = { status: 'pending' as const, reviewedBy: null, reviewedAt: null, reason: null }

export function applyAnnouncement(state: CommuneState, m: AnnouncementMutation, now: string): Outcome {
  const stored = getRecord(state, 'announcement', m.entityId)
  const reject = rejectWith('announcement', m.entityId, stored)
  const current = stored?.data?.entity === 'announcement' ? stored.data : null
  if (m.op === 'create') {
    if (stored)
      return current ? reject('already-exists', 'announcement exists') : reject('gone', 'announcement was deleted')
    const base = { entity: 'announcement' as const, id: m.entityId, version: 1, updatedAt: now, ...m.payload }
    const mediaStatus = mediaStatusFor(state, m.payload.mediaHash)
    return applied(putRecord(state, { ...base, mediaStatus, moderation: pendingModeration }, 'commune', now))
  }
  if (!stored) return reject('not-found', 'announcement is not known')
  if (!current) {
    const tombstone = tombstoneOf(stored)
    return m.op === 'delete' && tombstone ? deleted(tombstone) : reject('gone', 'announcement was deleted')
  }
  const conflict = contentConflict(stored, m.baseVersion)
  if (conflict) return reject('version-conflict', conflict)
  if (m.op === 'delete') return deleted(deleteRecord(state, stored, 'commune', now))
  const next = { ...current, ...m.payload }
  const mediaStatus = mediaStatusFor(state, next.mediaHash)
  return applied(putRecord(state, { ...next, mediaStatus, moderation: pendingModeration }, 'commune', now))
}

/** Stores a schedule after the business checks, or rejects it with the first failure. */
function commitSchedule(state: CommuneState, next: Schedule, now: string, reject: ReturnType<typeof rejectWith>) {
  const failure = checkSchedule(state, next.id, next)
  return failure ? reject(failure.reason, failure.message) : applied(putRecord(state, next, 'commune', now))
}

export function applySchedule(state: CommuneState, m: ScheduleMutation, now: string): Outcome {
  const stored = getRecord(state, 'schedule', m.entityId)
  const reject = rejectWith('schedule', m.entityId, stored)
  const current = stored?.data?.entity === 'schedule' ? stored.data : null
  switch (m.op) {
    case 'create': {
      if (stored) return current ? reject('already-exists', 'schedule exists') : reject('gone', 'schedule was deleted')
      const base = { entity: 'schedule' as const, id: m.entityId, version: 1, updatedAt: now }
      const extra = { status: 'active' as const, cancelledReason: null, origin: 'commune' as const }
      return commitSchedule(state, { ...base, ...m.payload, ...extra }, now, reject)
    }
    case 'update': {
      if (!stored) return reject('not-found', 'schedule is not known')
      if (!current) return reject('gone', 'schedule was deleted')
      if (current.status === 'cancelled') return reject('cancelled-by-province', current.cancelledReason ?? 'cancelled')
      if (m.baseVersion !== current.version) {
        return reject('version-conflict', `baseVersion ${m.baseVersion} is not the current version ${current.version}`)
      }
      return commitSchedule(state, { ...current, ...m.payload }, now, reject)
    }
    case 'delete': {
      if (!stored) return reject('not-found', 'schedule is not known')
      const tombstone = tombstoneOf(stored)
      if (!current) return tombstone ? deleted(tombstone) : reject('gone', 'schedule was deleted')
      return deleted(deleteRecord(state, stored, 'commune', now))
    }
  }
}

export function applyStation(state: CommuneState, m: StationMutation, now: string): Outcome {
  const stored = getRecord(state, 'station', m.entityId)
  const reject = rejectWith('station', m.entityId, stored)
  if (!stored?.data || stored.data.entity !== 'station') return reject('not-found', 'station profile is not known')
  const conflict = contentConflict(stored, m.baseVersion)
  if (conflict) return reject('version-conflict', conflict)
  return applied(putRecord(state, { ...stored.data, ...m.payload }, 'commune', now))
}

/**
 * A cluster the commune registers: a new id, and a code no live cluster of the commune uses. From
 * then on it is the province's like the others (later commune changes are refused as read-only).
 */
export function applyCluster(state: CommuneState, m: ClusterMutation, now: string): Outcome {
  const stored = getRecord(state, 'cluster', m.entityId)
  const reject = rejectWith('cluster', m.entityId, stored)
  if (stored) return reject('already-exists', `cluster ${m.entityId} is already registered`)
  const taken = Object.values(state.records).find(
    (r) => r.data?.entity === 'cluster' && r.data.code === m.payload.code && r.data.status !== 'removed',
  )
  if (taken?.data?.entity === 'cluster') {
    return reject('already-exists', `code ${m.payload.code} is used by cluster "${taken.data.name}"`)
  }
  return applied(
    putRecord(state, { entity: 'cluster', id: m.entityId, version: 1, updatedAt: now, ...m.payload }, 'commune', now),
  )
}
