/**
 * The outbox entry every local change writes in the same transaction as the change itself; its id
 * is the mutation id the province deduplicates on.
 */
import { newId } from '../../../shared/ids'
import type { OutboxEntry } from '../../../shared/model/outbox'
import type { DaixaDb } from '../database'

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

/**
 * Counts one more sending attempt for these entries, before the request goes out: an answer that
 * never comes still counts, so the officer can see a change the province keeps failing to take.
 */
export async function countAttempt(db: DaixaDb, entryIds: readonly string[]): Promise<void> {
  if (entryIds.length === 0) return
  await db.outbox
    .where('id')
    .anyOf([...entryIds])
    .modify((entry) => {
      entry.attempts += 1
    })
}
