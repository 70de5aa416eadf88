/**
 * The outbox entry every local change writes in the same transaction as the change itself; its id
 * is the mutation id the province deduplicates on.
 */
import { newId } from '../../../shared/ids'
import type { OutboxEntry } from '../../../shared/model/outbox'

export function outboxEntry(
  entity: OutboxEntry['entity'],
  entityId: string,
  op: OutboxEntry['op'],
  payload: unknown,
  at: string,
  baseVersion: number | null = null,
): OutboxEntry {
  return { id: newId(), entity, entityId, op, baseVersion, payload, createdAt: at, attempts: 0 }
}
