/**
 * The outbox: one entry per local change that the province must learn about, written in the
 * same transaction as the change itself (see docs/sync.md). The entry id is the mutation id the
 * server deduplicates on, so a retried push is never applied twice.
 */
import { z } from 'zod'
import { idSchema } from '../ids'
import { instantSchema } from './common'

export const outboxEntitySchema = z.enum(['announcement', 'schedule', 'deviceEvent', 'playLog', 'station', 'cluster'])

export const outboxEntrySchema = z.object({
  id: idSchema,
  entity: outboxEntitySchema,
  entityId: z.string(),
  op: z.enum(['create', 'update', 'delete']),
  /** The server version the change was made on; null for a create. */
  baseVersion: z.number().int().nullable(),
  payload: z.unknown(),
  createdAt: instantSchema,
  attempts: z.number().int().nonnegative(),
})
export type OutboxEntry = z.infer<typeof outboxEntrySchema>
