/**
 * `POST /v1/push` on the reference province server: one atomic write per batch holding every
 * effect AND every receipt, so a retry after a lost answer (or a crash) sees `duplicate` exactly for
 * the mutations whose effects exist. Mutations are parsed one by one: a malformed one is rejected
 * (`invalid-mutation`) and receipted like any other, so it can never wedge the client's outbox.
 */
import { pushEnvelopeSchema, mutationSchema, SUPPORTED_SCHEMA_VERSIONS } from '../../src/shared/province/push'
import type { MutationResult, PushResponse, Receipt } from '../../src/shared/province/push'
import type { RequestContext, ServerServices } from './context'
import { HttpError } from './http'
import { applyAnnouncement, applyCluster, applySchedule, applyStation, type Outcome } from './push-apply'
import { currentState, type CommuneState } from './state'

function applyOne(state: CommuneState, raw: Record<string, unknown>, now: string): Outcome {
  const parsed = mutationSchema.safeParse(raw)
  if (!parsed.success) {
    const entity = typeof raw.entity === 'string' ? raw.entity : null
    const entityId = typeof raw.entityId === 'string' ? raw.entityId : null
    // Programs are the province's; a cluster can only be registered (created), never changed.
    const readOnly = entity === 'program' || (entity === 'cluster' && raw.op !== 'create')
    return {
      status: 'rejected',
      entity: readOnly ? entity : null,
      entityId,
      reason: readOnly ? 'read-only-entity' : 'invalid-mutation',
      message: readOnly
        ? `${entity} records belong to the province (a cluster can only be registered)`
        : (parsed.error.issues[0]?.message ?? 'invalid'),
      record: readOnly ? currentState(state, entity, entityId) : null,
    }
  }
  const m = parsed.data
  switch (m.entity) {
    case 'announcement':
      return applyAnnouncement(state, m, now)
    case 'schedule':
      return applySchedule(state, m, now)
    case 'station':
      return applyStation(state, m, now)
    case 'cluster':
      return applyCluster(state, m, now)
  }
}

function receiptOf(outcome: Outcome, now: string): Receipt {
  const { entity, entityId } = outcome
  return outcome.status === 'applied'
    ? { status: 'applied', entity, entityId, version: outcome.version, at: now }
    : { status: 'rejected', entity, entityId, reason: outcome.reason, message: outcome.message, at: now }
}

function processBatch(state: CommuneState, clientId: string, mutations: Record<string, unknown>[], now: string) {
  return mutations.map((raw): MutationResult => {
    const mutationId = String(raw.mutationId)
    const seen = state.receipts[mutationId]
    if (seen) {
      const { clientId: _client, ...receipt } = seen
      return { mutationId, status: 'duplicate', receipt, record: currentState(state, receipt.entity, receipt.entityId) }
    }
    const outcome = applyOne(state, raw, now)
    state.receipts[mutationId] = { ...receiptOf(outcome, now), clientId }
    return { mutationId, ...outcome }
  })
}

export async function handlePush(
  services: ServerServices,
  ctx: RequestContext,
  body: unknown,
): Promise<Omit<PushResponse, 'serverTime'>> {
  const envelope = pushEnvelopeSchema.safeParse(body)
  if (!envelope.success) {
    throw new HttpError('invalid-request', `push body: ${envelope.error.issues[0]?.message ?? 'invalid'}`)
  }
  const { clientId, schemaVersion, mutations } = envelope.data
  if (!(SUPPORTED_SCHEMA_VERSIONS as readonly number[]).includes(schemaVersion)) {
    throw new HttpError('upgrade-required', `schemaVersion ${schemaVersion} is not accepted; update the app`)
  }
  const results = await services.store.update(
    ctx.communeId,
    (state) => {
      const list = processBatch(state, clientId, mutations, ctx.now)
      return { result: list, changed: list.some((r) => r.status !== 'duplicate') }
    },
    { crashHook: ctx.crashHook },
  )
  return { results }
}
