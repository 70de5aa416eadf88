/**
 * Province API v1 — pushing the outbox: a batch of mutations, one result per mutation.
 *
 * Wire format: `POST /v1/push` {clientId, schemaVersion, mutations[1..50]}. Each mutation has a
 * client-generated `mutationId` (UUIDv7, stable across retries), `entity`, `op` create/update/delete,
 * `entityId`, `baseVersion` (the server version the change was made on; null for create) and a
 * `payload`. The server applies them in order and stores a receipt with each effect in the same
 * atomic write, so the answer per mutation is exactly one of:
 *   - `applied`   — the effect was stored; `version` is the record's new version;
 *   - `duplicate` — this mutationId was seen before; `receipt` is what happened then;
 *   - `rejected`  — it can never apply as sent: a machine `reason`, a human `message` and the
 *                   server's current record, so the client can show it and move on.
 * A rejected mutation counts as processed (the outbox never wedges on it). Only a transport or 5xx
 * failure means "send the batch again"; the replies are then `duplicate` for what had committed.
 * The server validates each mutation on its own (`pushEnvelopeSchema`): one malformed mutation is
 * `rejected` with `invalid-mutation`; it does not fail the batch.
 *
 * Example:
 *   POST /v1/push {"clientId":"0190…","schemaVersion":1,"mutations":[{"mutationId":"0190f3c2-…",
 *     "entity":"schedule","op":"update","entityId":"0190f3c1-…","baseVersion":3,"payload":{"note":"…"}}]}
 *   200 {"results":[{"mutationId":"0190f3c2-…","status":"applied","entity":"schedule",
 *        "entityId":"0190f3c1-…","version":4,"record":{…}}],"serverTime":"…"}
 *
 * Reference: Replicache push (lastMutationID stored with the effect), PowerSync write checkpoints,
 * sync notes §6.4–6.5.
 */
import { z } from 'zod'
import { idSchema } from '../ids'
import {
  entityNameSchema,
  named,
  provinceIdSchema,
  provinceInstantSchema,
  versionSchema,
  withServerTime,
} from './common'
import {
  announcementContentSchema,
  clusterSchema,
  entityRecordSchema,
  scheduleContentSchema,
  stationContactSchema,
  tombstoneSchema,
} from './entities'

export const MAX_MUTATIONS_PER_PUSH = 50
export const SUPPORTED_SCHEMA_VERSIONS = [1] as const

export const mutationIdSchema = named('MutationId', z.uuid({ version: 'v7' }))

const create = <E extends string, I extends z.ZodType, P extends z.ZodType>(entity: E, entityId: I, payload: P) =>
  z.object({
    mutationId: mutationIdSchema,
    entity: z.literal(entity),
    op: z.literal('create'),
    entityId,
    baseVersion: z.null(),
    payload,
  })
const update = <E extends string, I extends z.ZodType, P extends z.ZodType>(entity: E, entityId: I, payload: P) =>
  z.object({
    mutationId: mutationIdSchema,
    entity: z.literal(entity),
    op: z.literal('update'),
    entityId,
    baseVersion: versionSchema,
    payload,
  })
const remove = <E extends string, I extends z.ZodType>(entity: E, entityId: I) =>
  z.object({
    mutationId: mutationIdSchema,
    entity: z.literal(entity),
    op: z.literal('delete'),
    entityId,
    baseVersion: versionSchema,
    payload: z.null(),
  })

export const announcementMutationSchema = z.discriminatedUnion('op', [
  create('announcement', idSchema, announcementContentSchema),
  update('announcement', idSchema, announcementContentSchema.partial()),
  remove('announcement', idSchema),
])

export const scheduleMutationSchema = z.discriminatedUnion('op', [
  create('schedule', idSchema, scheduleContentSchema),
  update('schedule', idSchema, scheduleContentSchema.partial()),
  remove('schedule', idSchema),
])

/**
 * A loudspeaker cluster the commune installed and registers (API v1, additive): `create` only. From
 * then on the province keeps it like every other cluster (its list is province-owned); the
 * commune reports its state as device observations. A code already in use is `already-exists`.
 */
export const clusterRegistrationSchema = named(
  'ClusterRegistration',
  clusterSchema
    .pick({
      code: true,
      name: true,
      hamlet: true,
      technology: true,
      status: true,
      latitude: true,
      longitude: true,
    })
    .strict(),
)
export const clusterMutationSchema = create('cluster', idSchema, clusterRegistrationSchema)

/** The station profile exists from the start and is never deleted; only contact fields change. */
export const stationMutationSchema = update('station', provinceIdSchema, stationContactSchema.partial())

export const mutationSchema = named(
  'Mutation',
  z.discriminatedUnion('entity', [
    announcementMutationSchema,
    scheduleMutationSchema,
    stationMutationSchema,
    clusterMutationSchema,
  ]),
)
export type Mutation = z.infer<typeof mutationSchema>

export const pushRequestSchema = named(
  'PushRequest',
  z.object({
    clientId: idSchema,
    /** Version of the payload shapes the client speaks; 426 `upgrade-required` if no longer accepted. */
    schemaVersion: z.number().int().positive(),
    mutations: z.array(mutationSchema).min(1).max(MAX_MUTATIONS_PER_PUSH),
  }),
)
export type PushRequest = z.infer<typeof pushRequestSchema>

/** What the server parses first: only enough to answer per mutation. Each is then parsed on its own. */
export const pushEnvelopeSchema = z.object({
  clientId: idSchema,
  schemaVersion: z.number().int().positive(),
  mutations: z
    .array(z.looseObject({ mutationId: z.string().min(1).max(100) }))
    .min(1)
    .max(MAX_MUTATIONS_PER_PUSH),
})

export const rejectionReasons = [
  'invalid-mutation',
  'read-only-entity',
  'not-found',
  'already-exists',
  'gone',
  'version-conflict',
  'cancelled-by-province',
  'schedule-overlap',
  'program-not-found',
  'program-withdrawn',
  'program-not-valid',
  'announcement-not-found',
  'unknown-cluster',
  'cluster-removed',
] as const
export const rejectionReasonSchema = named('RejectionReason', z.enum(rejectionReasons))
export type RejectionReason = z.infer<typeof rejectionReasonSchema>

const subject = { entity: entityNameSchema.nullable(), entityId: z.string().nullable() }

/** What the server remembers per mutationId, stored in the same write as the effect. */
export const receiptSchema = named(
  'Receipt',
  z.discriminatedUnion('status', [
    z.object({ status: z.literal('applied'), ...subject, version: versionSchema, at: provinceInstantSchema }),
    z.object({
      status: z.literal('rejected'),
      ...subject,
      reason: rejectionReasonSchema,
      message: z.string(),
      at: provinceInstantSchema,
    }),
  ]),
)
export type Receipt = z.infer<typeof receiptSchema>

/** The server's current state of the subject: a record, a tombstone, or nothing. */
export const serverStateSchema = z.union([entityRecordSchema, tombstoneSchema]).nullable()

export const mutationResultSchema = named(
  'MutationResult',
  z.discriminatedUnion('status', [
    z.object({
      mutationId: z.string(),
      status: z.literal('applied'),
      ...subject,
      version: versionSchema,
      record: serverStateSchema,
    }),
    z.object({
      mutationId: z.string(),
      status: z.literal('duplicate'),
      receipt: receiptSchema,
      record: serverStateSchema,
    }),
    z.object({
      mutationId: z.string(),
      status: z.literal('rejected'),
      ...subject,
      reason: rejectionReasonSchema,
      message: z.string(),
      record: serverStateSchema,
    }),
  ]),
)
export type MutationResult = z.infer<typeof mutationResultSchema>

export const pushResponseSchema = named('PushResponse', withServerTime({ results: z.array(mutationResultSchema) }))
export type PushResponse = z.infer<typeof pushResponseSchema>
