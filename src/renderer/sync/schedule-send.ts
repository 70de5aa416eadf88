/**
 * A schedule change as it leaves: "every cluster of the station" (`clusterChoice: 'all'` in the
 * outbox payload, schedule-clusters.ts) becomes the province's cluster list as this computer holds
 * it now. With no cluster known yet — a schedule made before the first sync, when the push runs
 * before the pull — the change is held (not refused): it goes out once the pull has brought the
 * list, in the same cycle (cycle.ts pushes again) or the next.
 */
import type { OutboxEntry } from '../../shared/model/outbox'
import type { DaixaDb } from '../db/database'
import { resolveClusterIds, targetableClusters } from '../db/queries/schedule-clusters'

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

/** The entry to send (clusters resolved), or null to hold it until the cluster list is known. */
export async function scheduleForSending(db: DaixaDb, entry: OutboxEntry): Promise<OutboxEntry | null> {
  if (entry.entity !== 'schedule' || entry.op === 'delete' || !isObject(entry.payload)) return entry
  if (entry.payload.clusterChoice !== 'all') return entry
  const clusterIds = await resolveClusterIds(db, 'all')
  if (clusterIds.length === 0) return null
  return { ...entry, payload: { ...entry.payload, clusterIds } }
}

/** Schedule changes were held for the cluster list, and the list is here now: push again. */
export async function heldSchedulesReady(db: DaixaDb): Promise<boolean> {
  const waiting = await db.outbox.where('entity').equals('schedule').count()
  return waiting > 0 && (await targetableClusters(db)).length > 0
}
