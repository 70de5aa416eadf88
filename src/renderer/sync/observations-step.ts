/**
 * Observations: as-played log lines (playLog) and what the officer noted about clusters
 * (clusterEvents) are append-only facts. Their outbox entries (entity `playLog` / `deviceEvent`,
 * entityId = the row id) say what is not sent yet; each goes once to `/v1/observations`, and the
 * entry is removed when the province answers stored, duplicate (sent before, answer lost) or
 * rejected (kept in `rejections`). Never merged by clock; the first stored copy wins.
 */
import { newId } from '../../shared/ids'
import type { OutboxEntry } from '../../shared/model/outbox'
import {
  deviceObservationSchema,
  MAX_OBSERVATIONS_PER_KIND,
  playLogEntrySchema,
  type DeviceObservation,
  type ObservationResult,
  type PlayLogEntry,
} from '../../shared/province/observations'
import { countAttempt } from '../db/queries/outbox'
import type { ClusterEventRow, PlayLogRow } from '../db/records'
import { stepOk, type StepContext, type StepResult } from './step-context'

const MAX_ROUNDS = 100
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The as-played line as the API wants it; an outbox payload already in that shape wins. */
export function playLogEntry(row: PlayLogRow, payload: unknown): PlayLogEntry | null {
  const given = playLogEntrySchema.safeParse(payload)
  if (given.success) return given.data
  const mapped = playLogEntrySchema.safeParse({
    id: row.id,
    scheduleId: row.scheduleId,
    scheduleItemId: UUID.test(row.itemId) ? row.itemId : null,
    target: { kind: row.source.startsWith('relay') ? 'relay' : 'announcement', id: null },
    priority: row.priority,
    clusterIds: [],
    plannedStart: row.plannedStart,
    actualStart: row.actualStart ?? row.plannedStart,
    actualEnd: row.actualEnd,
    outcome: row.outcome,
    note: row.note,
  })
  return mapped.success ? mapped.data : null
}

/** What the province hears: the officer marking a cluster faulty or working again is a fault or repair report. */
const observationKind = ({ kind, status }: ClusterEventRow): DeviceObservation['kind'] => {
  if (kind === 'status' && status === 'faulty') return 'fault-reported'
  if (kind === 'status' && status === 'working') return 'repaired'
  switch (kind) {
    case 'test-ok':
    case 'test-failed':
    case 'fault-reported':
    case 'repaired':
    case 'note':
      return kind
    case 'status':
    case 'maintenance':
      return 'note'
  }
}

export function deviceObservation(row: ClusterEventRow): DeviceObservation | null {
  const note = row.kind === 'status' ? `status: ${row.status ?? ''} ${row.note}`.trim() : row.note
  const parsed = deviceObservationSchema.safeParse({
    id: row.id,
    clusterId: row.clusterId,
    at: row.at,
    kind: observationKind(row),
    note: note.slice(0, 1000),
  })
  return parsed.success ? parsed.data : null
}

interface Round {
  entries: OutboxEntry[]
  playLog: PlayLogEntry[]
  deviceObservations: DeviceObservation[]
  /** Entries whose row is gone or cannot be expressed: dropped with a rejection row. */
  unsendable: OutboxEntry[]
  /** Entries of a trial run's rows (none are written; older data or a bug): dropped, never sent. */
  trials: OutboxEntry[]
}

async function collect(ctx: StepContext): Promise<Round> {
  const { db } = ctx
  const round: Round = { entries: [], playLog: [], deviceObservations: [], unsendable: [], trials: [] }
  const plays = await db.outbox.where('entity').equals('playLog').limit(MAX_OBSERVATIONS_PER_KIND).toArray()
  const events = await db.outbox.where('entity').equals('deviceEvent').limit(MAX_OBSERVATIONS_PER_KIND).toArray()
  for (const entry of plays) {
    const row = await db.playLog.get(entry.entityId)
    if (row?.isTrial === true) {
      round.trials.push(entry)
      continue
    }
    const item = row ? playLogEntry(row, entry.payload) : (playLogEntrySchema.safeParse(entry.payload).data ?? null)
    if (item) round.playLog.push(item)
    else round.unsendable.push(entry)
  }
  const held: OutboxEntry[] = []
  for (const entry of events) {
    const row = await db.clusterEvents.get(entry.entityId)
    // a cluster this station registered is unknown to the province until its registration is
    // accepted: while the registration waits in the outbox, its events wait too (sent first, they
    // would be refused for good as unknown-cluster)
    if (row && (await db.outbox.where('[entity+entityId]').equals(['cluster', row.clusterId]).count()) > 0) {
      held.push(entry)
      continue
    }
    const item = row ? deviceObservation(row) : null
    if (item) round.deviceObservations.push(item)
    else round.unsendable.push(entry)
  }
  const isOut = (e: OutboxEntry) => round.unsendable.includes(e) || round.trials.includes(e) || held.includes(e)
  round.entries = [...plays, ...events].filter((e) => !isOut(e))
  return round
}

async function settle(ctx: StepContext, round: Round, results: ObservationResult[]): Promise<void> {
  const { db } = ctx
  const byRowId = new Map(results.map((r) => [r.id, r]))
  await db.transaction('rw', [db.outbox, db.rejections], async () => {
    await db.outbox.bulkDelete(round.trials.map((e) => e.id))
    for (const entry of [...round.entries, ...round.unsendable]) {
      const result = byRowId.get(entry.entityId)
      const isUnsendable = round.unsendable.includes(entry)
      if (!result && !isUnsendable) continue
      await db.outbox.delete(entry.id)
      if (isUnsendable || result?.status === 'rejected') {
        await db.rejections.put({
          id: newId(),
          mutationId: entry.id,
          at: ctx.nowIso(),
          reason: result?.reason ?? 'invalid-entry',
          message: isUnsendable ? 'the entry cannot be expressed as an observation' : 'refused by the province',
          entity: entry.entity,
          entityId: entry.entityId,
          op: entry.op,
          payload: entry.payload,
          record: null,
          dismissedAt: null,
        })
      }
    }
  })
}

export async function observationsStep(ctx: StepContext): Promise<StepResult> {
  for (let n = 0; n < MAX_ROUNDS; n++) {
    const round = await collect(ctx)
    if (round.entries.length === 0 && round.unsendable.length === 0 && round.trials.length === 0) return stepOk
    let results: ObservationResult[] = []
    if (round.entries.length > 0) {
      const { playLog, deviceObservations } = round
      await countAttempt(
        ctx.db,
        round.entries.map((e) => e.id),
      )
      const answer = await ctx.call((auth) => ctx.connector.uploadObservations(auth, { playLog, deviceObservations }))
      if (!answer.ok) return answer
      ctx.onServerTime(answer.value.serverTime)
      results = answer.value.results
    }
    await settle(ctx, round, results)
  }
  return stepOk
}
