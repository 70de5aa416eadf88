/**
 * Province API v1 — append-only uploads of what was played, what the officer saw on clusters and
 * what was done on the station laptop (the operation log, nhật ký thao tác).
 *
 * Wire format: `POST /v1/observations` {playLog[], deviceObservations[], operations[]?} (≤ 500 each;
 * `operations` may be absent). Entries are
 * facts with client-generated ids (UUIDv7): the server stores each id once, never updates one, and
 * answers per entry `stored`, `duplicate` (already stored; the first copy wins) or `rejected` with a
 * reason (malformed, unknown cluster). Re-sending a whole batch after a lost answer is always safe.
 * Entries are ordered by the server's receive time or their own times, never merged by clock.
 *
 * Example:
 *   POST /v1/observations {"playLog":[],"deviceObservations":[{"id":"0190f3c2-…","clusterId":"cl-0003",
 *     "at":"2025-06-01T00:05:00.000Z","kind":"test-ok","note":""}]}
 *   200 {"results":[{"id":"0190f3c2-…","kind":"deviceObservation","status":"stored","reason":null}],
 *        "serverTime":"…"}
 *
 * Reference: sync notes §6.7 ("Device status": append-only events with client ids); domain notes R9.
 */
import { z } from 'zod'
import { idSchema } from '../ids'
import { named, provinceIdSchema, provinceInstantSchema, withServerTime } from './common'
import { priorityClassRefSchema } from './entities'

export const MAX_OBSERVATIONS_PER_KIND = 500

/** One line of the as-played log (nhật ký phát). */
export const playLogEntrySchema = named(
  'PlayLogEntry',
  z.object({
    id: idSchema,
    scheduleId: idSchema.nullable(),
    scheduleItemId: idSchema.nullable(),
    target: z.object({
      kind: z.enum(['program', 'announcement', 'relay', 'live']),
      id: z.string().max(100).nullable(),
    }),
    priority: priorityClassRefSchema,
    clusterIds: z.array(provinceIdSchema).max(500),
    plannedStart: provinceInstantSchema.nullable(),
    actualStart: provinceInstantSchema,
    actualEnd: provinceInstantSchema.nullable(),
    outcome: z.enum(['played', 'skipped', 'interrupted', 'failed']),
    note: z.string().max(1000),
  }),
)
export type PlayLogEntry = z.infer<typeof playLogEntrySchema>

/** Something the officer observed about a cluster (a test playback, a fault, a repair). */
export const deviceObservationSchema = named(
  'DeviceObservation',
  z.object({
    id: idSchema,
    clusterId: provinceIdSchema,
    at: provinceInstantSchema,
    kind: z.enum(['test-ok', 'test-failed', 'fault-reported', 'repaired', 'note']),
    note: z.string().max(1000),
  }),
)
export type DeviceObservation = z.infer<typeof deviceObservationSchema>

/**
 * One entry of the station's operation log, as the laptop wrote it: who (a local user, or null
 * with roles off), what, on which object, SHA-256 digests of the object before and after, and the
 * hash chain (`prev`, `hash`; see the app's docs/security.md). The province keeps the first copy
 * of each id: a later local edit of the laptop's file cannot change what the province holds.
 */
export const operationLogEntrySchema = named(
  'OperationLogEntry',
  z.object({
    id: idSchema,
    seq: z.number().int().positive(),
    at: provinceInstantSchema,
    user: z
      .object({ id: idSchema, name: z.string().max(100), role: z.enum(['officer', 'approver', 'viewer']) })
      .nullable(),
    action: z.string().min(1).max(60),
    outcome: z.enum(['done', 'refused']),
    object: z.object({ kind: z.string().max(40), id: z.string().max(100).nullable(), label: z.string().max(300) }),
    before: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .nullable(),
    after: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .nullable(),
    prev: z.string().regex(/^[0-9a-f]{64}$/),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
  }),
)
export type OperationLogEntry = z.infer<typeof operationLogEntrySchema>

export const observationsRequestSchema = named(
  'ObservationsRequest',
  z.object({
    playLog: z.array(playLogEntrySchema).max(MAX_OBSERVATIONS_PER_KIND),
    deviceObservations: z.array(deviceObservationSchema).max(MAX_OBSERVATIONS_PER_KIND),
    operations: z.array(operationLogEntrySchema).max(MAX_OBSERVATIONS_PER_KIND).optional(),
  }),
)
export type ObservationsRequest = z.infer<typeof observationsRequestSchema>

/** What the server parses first; each entry is then validated on its own. */
export const observationsEnvelopeSchema = z.object({
  playLog: z.array(z.looseObject({ id: z.string().min(1).max(100) })).max(MAX_OBSERVATIONS_PER_KIND),
  deviceObservations: z.array(z.looseObject({ id: z.string().min(1).max(100) })).max(MAX_OBSERVATIONS_PER_KIND),
  operations: z
    .array(z.looseObject({ id: z.string().min(1).max(100) }))
    .max(MAX_OBSERVATIONS_PER_KIND)
    .optional(),
})

export const observationKindSchema = z.enum(['playLog', 'deviceObservation', 'operation'])
export type ObservationKind = z.infer<typeof observationKindSchema>

export const observationResultSchema = named(
  'ObservationResult',
  z.object({
    id: z.string(),
    kind: observationKindSchema,
    status: z.enum(['stored', 'duplicate', 'rejected']),
    reason: z.enum(['invalid-entry', 'unknown-cluster']).nullable(),
  }),
)
export type ObservationResult = z.infer<typeof observationResultSchema>

export const observationsResponseSchema = named(
  'ObservationsResponse',
  withServerTime({ results: z.array(observationResultSchema) }),
)
export type ObservationsResponse = z.infer<typeof observationsResponseSchema>
