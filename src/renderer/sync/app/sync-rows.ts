/**
 * Dexie reads and writes the sync screens need besides the engine's: open rejections (drawer),
 * dismissing one, and the inputs of the per-item badges.
 */
import type { DaixaDb } from '../../db/database'
import type { RejectionRow } from '../../db/records'
import type { BadgeInputs, BadgeMedia } from './item-badge'

export async function listOpenRejections(db: DaixaDb): Promise<RejectionRow[]> {
  const rows = await db.rejections.orderBy('at').reverse().toArray()
  return rows.filter((r) => !r.dismissedAt)
}

export async function dismissRejection(db: DaixaDb, id: string, at: string): Promise<void> {
  await db.rejections.update(id, { dismissedAt: at })
}

/** Everything `badgeFor` needs except the live uploads (which come from the engine's status). */
export async function badgeInputs(db: DaixaDb): Promise<Omit<BadgeInputs, 'uploads'>> {
  const [outbox, rejections, assets] = await Promise.all([
    db.outbox.toArray(),
    db.rejections.orderBy('at').toArray(),
    db.mediaAssets.toArray(),
  ])
  const rejected = new Map<string, { reason: string; message?: string }>()
  for (const r of rejections) if (!r.dismissedAt && r.entityId) rejected.set(r.entityId, r)
  const media = new Map<string, BadgeMedia>(assets.map((a) => [a.hash, a]))
  return { pendingIds: new Set(outbox.map((e) => e.entityId)), rejected, media }
}
