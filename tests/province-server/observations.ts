/**
 * `POST /v1/observations` on the reference province server: append-only, idempotent by entry id.
 * The first stored copy of an id wins; a later copy is `duplicate` whatever its content. One
 * atomic write per batch, like push.
 */
import {
  deviceObservationSchema,
  observationsEnvelopeSchema,
  operationLogEntrySchema,
  playLogEntrySchema,
  type ObservationResult,
  type ObservationsResponse,
} from '../../src/shared/province/observations'
import type { RequestContext, ServerServices } from './context'
import { HttpError } from './http'
import { getRecord, type CommuneState } from './state'

function storePlayLog(state: CommuneState, raw: Record<string, unknown>, now: string): ObservationResult {
  const id = String(raw.id)
  const base = { id, kind: 'playLog' as const }
  if (state.playLog[id]) return { ...base, status: 'duplicate', reason: null }
  const parsed = playLogEntrySchema.safeParse(raw)
  if (!parsed.success) return { ...base, status: 'rejected', reason: 'invalid-entry' }
  state.playLog[id] = { entry: parsed.data, receivedAt: now }
  return { ...base, status: 'stored', reason: null }
}

function storeDeviceObservation(state: CommuneState, raw: Record<string, unknown>, now: string): ObservationResult {
  const id = String(raw.id)
  const base = { id, kind: 'deviceObservation' as const }
  if (state.deviceObservations[id]) return { ...base, status: 'duplicate', reason: null }
  const parsed = deviceObservationSchema.safeParse(raw)
  if (!parsed.success) return { ...base, status: 'rejected', reason: 'invalid-entry' }
  if (!getRecord(state, 'cluster', parsed.data.clusterId))
    return { ...base, status: 'rejected', reason: 'unknown-cluster' }
  state.deviceObservations[id] = { entry: parsed.data, receivedAt: now }
  return { ...base, status: 'stored', reason: null }
}

function storeOperation(state: CommuneState, raw: Record<string, unknown>, now: string): ObservationResult {
  const id = String(raw.id)
  const base = { id, kind: 'operation' as const }
  const operations = (state.operations ??= {})
  if (operations[id]) return { ...base, status: 'duplicate', reason: null }
  const parsed = operationLogEntrySchema.safeParse(raw)
  if (!parsed.success) return { ...base, status: 'rejected', reason: 'invalid-entry' }
  operations[id] = { entry: parsed.data, receivedAt: now }
  return { ...base, status: 'stored', reason: null }
}

export async function handleObservations(
  services: ServerServices,
  ctx: RequestContext,
  body: unknown,
): Promise<Omit<ObservationsResponse, 'serverTime'>> {
  const envelope = observationsEnvelopeSchema.safeParse(body)
  if (!envelope.success) {
    throw new HttpError('invalid-request', `observations body: ${envelope.error.issues[0]?.message ?? 'invalid'}`)
  }
  const results = await services.store.update(
    ctx.communeId,
    (state) => {
      const list = [
        ...envelope.data.playLog.map((raw) => storePlayLog(state, raw, ctx.now)),
        ...envelope.data.deviceObservations.map((raw) => storeDeviceObservation(state, raw, ctx.now)),
        ...(envelope.data.operations ?? []).map((raw) => storeOperation(state, raw, ctx.now)),
      ]
      return { result: list, changed: list.some((r) => r.status === 'stored') }
    },
    { crashHook: ctx.crashHook },
  )
  return { results }
}
