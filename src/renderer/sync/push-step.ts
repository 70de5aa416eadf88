/**
 * Push: the outbox, oldest first, in batches of ≤ 50 with at most ONE entry per record per batch
 * (the next change of a record needs the version the previous one produced as its base). Each
 * answer is applied in one transaction with the removal of its entry:
 * applied / duplicate → the record as the province now holds it; rejected → a `rejections` row
 * with the reason and the province's record, and the row shows the province's state again. A
 * rejected entry never blocks the others. A transport/5xx/429/401 failure leaves the batch in the
 * outbox: it goes again, and the province answers `duplicate` for what had committed.
 */
import { newId } from '../../shared/ids'
import type { OutboxEntry } from '../../shared/model/outbox'
import type { EntityName } from '../../shared/province/common'
import { MAX_MUTATIONS_PER_PUSH, type Mutation, type MutationResult } from '../../shared/province/push'
import type { DaixaDb } from '../db/database'
import type { RejectionRow } from '../db/records'
import { countAttempt } from '../db/queries/outbox'
import {
  applyPushAnswer,
  restoreFromShadow,
  stationRemoteId,
  syncTables,
  type ServerState,
} from '../db/queries/sync-apply'
import { getShadow } from '../db/queries/sync-state'
import { routeOf, toMutation } from './mutations'
import { scheduleForSending } from './schedule-send'
import { stepOk, type StepContext, type StepResult } from './step-context'

/** Upper bound of batches per cycle, so one cycle always ends. */
const MAX_BATCHES = 200

interface Planned {
  entry: OutboxEntry
  mutation: Mutation
}

/** The province's id of the record an entry changes (the station has a province id). */
async function remoteIdOf(db: DaixaDb, entry: OutboxEntry): Promise<string> {
  if (entry.entity === 'station' && entry.entityId === 'station') return (await stationRemoteId(db)) ?? entry.entityId
  return entry.entityId
}

/** The `rejections` row of a refused change: what the officer changed and what the province holds. */
function rejectionRow(
  ctx: StepContext,
  entry: OutboxEntry,
  refusal: { reason: string; message: string; entityId: string; record: ServerState },
): RejectionRow {
  return {
    id: newId(),
    mutationId: entry.id,
    at: ctx.nowIso(),
    ...refusal,
    entity: entry.entity,
    op: entry.op,
    payload: entry.payload,
    dismissedAt: null,
  }
}

async function rejectLocally(ctx: StepContext, entry: OutboxEntry, message: string): Promise<void> {
  const { db } = ctx
  await db.transaction('rw', syncTables(db), async () => {
    await db.outbox.delete(entry.id)
    const refusal = { reason: 'invalid-mutation', message, entityId: entry.entityId, record: null }
    await db.rejections.put(rejectionRow(ctx, entry, refusal))
    await restoreFromShadow(db, entry.entity as EntityName, await remoteIdOf(db, entry))
  })
}

/** The next batch: oldest first, one entry per record. Entries that cannot be sent are refused here. */
async function planBatch(ctx: StepContext): Promise<Planned[]> {
  const entries = await ctx.db.outbox.orderBy('createdAt').toArray()
  const seen = new Set<string>()
  const batch: Planned[] = []
  for (const entry of entries) {
    if (batch.length >= MAX_MUTATIONS_PER_PUSH) break
    if (routeOf(entry) !== 'push') continue
    const key = `${entry.entity}:${entry.entityId}`
    if (seen.has(key)) continue
    seen.add(key)
    // held (with the record's later changes) until the province's cluster list is known
    const sendable = await scheduleForSending(ctx.db, entry)
    if (sendable === null) continue
    const entityId = await remoteIdOf(ctx.db, entry)
    const shadow = await getShadow(ctx.db, entry.entity, entityId)
    const built = toMutation(sendable, shadow?.base ?? null, entityId)
    if (built.ok) batch.push({ entry, mutation: built.mutation })
    else await rejectLocally(ctx, entry, built.message)
  }
  return batch
}

async function applyResult(ctx: StepContext, planned: Planned, result: MutationResult): Promise<void> {
  const { db } = ctx
  const { entry, mutation } = planned
  await db.outbox.delete(entry.id)
  const outcome = result.status === 'duplicate' ? result.receipt : result
  if (outcome.status === 'rejected' && (await db.rejections.where('mutationId').equals(entry.id).count()) === 0) {
    const { reason, message } = outcome
    await db.rejections.put(
      rejectionRow(ctx, entry, { reason, message, entityId: mutation.entityId, record: result.record }),
    )
  }
  await applyPushAnswer(db, mutation.entity, mutation.entityId, result.record, outcome)
}

async function sendBatch(ctx: StepContext, batch: Planned[]): Promise<StepResult> {
  const mutations = batch.map((p) => p.mutation)
  await countAttempt(
    ctx.db,
    batch.map((p) => p.entry.id),
  )
  const answer = await ctx.call((auth) =>
    ctx.connector.push(auth, { clientId: ctx.clientId, schemaVersion: 1, mutations }),
  )
  if (!answer.ok) return answer
  ctx.onServerTime(answer.value.serverTime)
  const byId = new Map(answer.value.results.map((r) => [r.mutationId, r]))
  await ctx.db.transaction('rw', syncTables(ctx.db), async () => {
    for (const planned of batch) {
      const result = byId.get(planned.entry.id)
      if (result) await applyResult(ctx, planned, result)
    }
  })
  return stepOk
}

export async function pushStep(ctx: StepContext): Promise<StepResult> {
  for (let n = 0; n < MAX_BATCHES; n++) {
    const batch = await planBatch(ctx)
    if (batch.length === 0) return stepOk
    const sent = await sendBatch(ctx, batch)
    if (!sent.ok) return sent
  }
  return stepOk
}
