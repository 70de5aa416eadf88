/**
 * oplog: the operation log (nhật ký thao tác) — who did what to which object, and when. Main
 * appends each entry to `<data>/oplog/operations.jsonl` as it happens; every entry carries the
 * SHA-256 of the previous one (`prev`) and its own (`hash`), so changing or removing a line breaks
 * the chain at that line and `oplog:verify` names it. Entries go to the province as observations
 * (`oplog:unsent` / `oplog:markSent`), so a copy outside the laptop exists too.
 *
 * Example line:
 *   {"seq":3,"id":"0190…","at":"2025-06-01T00:05:00.000Z","user":{"id":"0190…","name":"Lan",
 *    "role":"approver"},"action":"approve","outcome":"done","object":{"kind":"announcement",
 *    "id":"0190…","label":"Lịch tiêm phòng"},"before":"9f2c…","after":"51aa…","prev":"e3b0…","hash":"7d41…"}
 */
import { z } from 'zod'
import { idSchema } from '../ids'
import { command } from './define'
import { localRoleSchema, logObjectSchema } from './roles'

export const operationActions = [
  'user-add',
  'user-remove',
  'sign-in',
  'sign-out',
  'approve',
  'play-now',
  'delete',
  'device-save',
  'device-remove',
  'integrity-check',
] as const
export const operationActionSchema = z.enum(operationActions)
export type OperationAction = z.infer<typeof operationActionSchema>

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/)

export const operationEntrySchema = z.object({
  seq: z.number().int().positive(),
  id: idSchema,
  at: z.iso.datetime(),
  user: z.object({ id: idSchema, name: z.string().max(100), role: localRoleSchema }).nullable(),
  action: operationActionSchema,
  outcome: z.enum(['done', 'refused']),
  object: logObjectSchema,
  /** SHA-256 of the object as it was before / after (canonical JSON); null when there was none. */
  before: sha256Hex.nullable(),
  after: sha256Hex.nullable(),
  /** `hash` of the previous entry (64 zeros for the first). */
  prev: sha256Hex,
  /** SHA-256 of `prev` and this entry's other fields (oplog/chain.ts). */
  hash: sha256Hex,
})
export type OperationEntry = z.infer<typeof operationEntrySchema>

export const operationFilterSchema = z.object({
  /** Inclusive ISO instants. */
  from: z.iso.datetime().nullable().default(null),
  to: z.iso.datetime().nullable().default(null),
  userId: idSchema.nullable().default(null),
  action: operationActionSchema.nullable().default(null),
  limit: z.number().int().min(1).max(5000).default(500),
})
export type OperationFilter = z.infer<typeof operationFilterSchema>

export const integrityReportSchema = z.union([
  z.object({ ok: z.literal(true), count: z.number().int().nonnegative() }),
  z.object({
    ok: z.literal(false),
    /** `altered`: the entry's content or link does not match; `removed`: entries are missing from here. */
    problem: z.enum(['altered', 'removed']),
    seq: z.number().int().positive(),
    /** The entry as the file has it now (altered), or null (removed). */
    at: z.string().nullable(),
    action: z.string().nullable(),
    count: z.number().int().nonnegative(),
  }),
])
export type IntegrityReport = z.infer<typeof integrityReportSchema>

/** The state of an object (JSON), digested by main; kept small. */
const snapshotSchema = z.json().nullable()

export const oplogCommands = {
  'oplog:record': command(
    z.object({ grant: z.string().min(16).max(100), before: snapshotSchema, after: snapshotSchema }),
    operationEntrySchema,
  ),
  'oplog:list': command(
    operationFilterSchema,
    z.object({ entries: z.array(operationEntrySchema), total: z.number().int().nonnegative() }),
  ),
  'oplog:verify': command(z.object({}), integrityReportSchema),
  'oplog:unsent': command(
    z.object({ limit: z.number().int().min(1).max(500) }),
    z.object({ entries: z.array(operationEntrySchema) }),
  ),
  'oplog:markSent': command(z.object({ upToSeq: z.number().int().nonnegative() }), z.object({})),
}
