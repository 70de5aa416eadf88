/**
 * Read-side of sync for the status bar and the per-item badge: what is still waiting, since when,
 * and where each record stands (only on this computer / uploading n % / on the province / rejected).
 */
import type { DaixaDb } from '../database'
import { getShadow } from './sync-state'

const WAITING = ['announcement', 'schedule', 'station', 'cluster', 'playLog', 'deviceEvent'] as const

export interface PendingSummary {
  count: number
  oldestAt: string | null
  /** The most sending attempts of any waiting change (0: none was sent yet). */
  mostAttempts: number
}

export async function pendingSummary(db: DaixaDb): Promise<PendingSummary> {
  const entries = await db.outbox
    .where('entity')
    .anyOf([...WAITING])
    .toArray()
  let oldest: string | null = null
  let mostAttempts = 0
  for (const entry of entries) {
    if (oldest === null || entry.createdAt < oldest) oldest = entry.createdAt
    mostAttempts = Math.max(mostAttempts, entry.attempts)
  }
  return { count: entries.length, oldestAt: oldest, mostAttempts }
}

export async function openRejections(db: DaixaDb): Promise<number> {
  return db.rejections.filter((r) => !r.dismissedAt).count()
}

export type ItemBadge =
  | { kind: 'only-local' }
  | { kind: 'uploading'; percent: number }
  | { kind: 'on-province' }
  | { kind: 'rejected'; reason: string; message: string }

/**
 * The badge of one record. `uploadPercent` comes from the engine's status (uploads of the record's
 * audio in progress). Rejections win (the officer must act), then pending changes, then uploads.
 */
export async function itemBadge(
  db: DaixaDb,
  entity: 'announcement' | 'schedule',
  id: string,
  uploadPercent: number | null = null,
): Promise<ItemBadge> {
  const rejected = await db.rejections.filter((r) => r.entityId === id && !r.dismissedAt).last()
  if (rejected) return { kind: 'rejected', reason: rejected.reason, message: rejected.message ?? '' }
  if (uploadPercent !== null) return { kind: 'uploading', percent: uploadPercent }
  const pending = await db.outbox.where('[entity+entityId]').equals([entity, id]).count()
  if (pending > 0) return { kind: 'only-local' }
  const shadow = await getShadow(db, entity, id)
  return shadow?.record ? { kind: 'on-province' } : { kind: 'only-local' }
}
