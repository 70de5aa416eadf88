/**
 * After the last page of a bootstrap: whatever the local copy holds from the province but the
 * snapshot did not contain was deleted there (its tombstone may be past the horizon). Programs and
 * province clusters go; commune-editable records get a "deleted" shadow and leave the screen unless
 * the outbox still holds a change to them (the push then learns the truth). Records the officer made
 * that the province never had (no shadow) stay: they are still waiting in the outbox.
 * Call inside the transaction that stores the pull cursor.
 */
import type { EntityName } from '../../../shared/province/common'
import type { DaixaDb } from '../database'
import { restoreFromShadow } from './sync-apply'
import type { Shadow } from './sync-state'

const SWEEP_KEY = 'bsweep'

/**
 * At the first page of a bootstrap: whether its end must sweep. A laptop that holds nothing from
 * the province yet (the first sign-in: no program, no cluster — not even one the officer
 * registered — and no shadow) has nothing to sweep, so its pages skip recording the keys they
 * brought (13,000 keys written and read back for nothing) and reading rows that cannot be there.
 * Remembered for resumed bootstraps.
 */
export async function beginBootstrap(db: DaixaDb): Promise<boolean> {
  await db.syncState.where('key').startsWith('bseen:').delete()
  const holds =
    (await db.programs.count()) > 0 ||
    (await db.clusters.count()) > 0 ||
    (await db.syncState.where('key').startsWith('rec:').count()) > 0
  await db.syncState.put({ key: SWEEP_KEY, value: holds })
  return holds
}

/** Whether the bootstrap under way must sweep at its end (true when not known: the safe side). */
export async function bootstrapSweeps(db: DaixaDb): Promise<boolean> {
  return (await db.syncState.get(SWEEP_KEY))?.value !== false
}

/** The keys one bootstrap page brought, for the sweep at its end. */
export async function recordSeen(db: DaixaDb, page: number, keys: string[]): Promise<void> {
  await db.syncState.put({ key: `bseen:${page}`, value: keys })
}

/** After the last page: sweep if needed, and forget the bootstrap's bookkeeping. */
export async function endBootstrap(db: DaixaDb, sweeps: boolean): Promise<void> {
  if (sweeps) await sweepAfterBootstrap(db)
  await db.syncState.delete(SWEEP_KEY)
}

async function seenKeys(db: DaixaDb): Promise<Set<string>> {
  const rows = await db.syncState.where('key').startsWith('bseen:').toArray()
  const seen = new Set<string>()
  for (const row of rows) for (const key of row.value as string[]) seen.add(key)
  await db.syncState.where('key').startsWith('bseen:').delete()
  return seen
}

export async function sweepAfterBootstrap(db: DaixaDb): Promise<void> {
  const seen = await seenKeys(db)
  const programs = await db.programs.toCollection().primaryKeys()
  await db.programs.bulkDelete(programs.filter((id) => !seen.has(`program:${id}`)))
  const clusters = await db.clusters.filter((c) => c.origin === 'province').primaryKeys()
  await db.clusters.bulkDelete(clusters.filter((id) => !seen.has(`cluster:${id}`)))
  const shadows = await db.syncState.where('key').startsWith('rec:').toArray()
  for (const row of shadows) {
    const [, entity, ...rest] = row.key.split(':')
    const id = rest.join(':')
    const shadow = row.value as Shadow
    if (seen.has(`${entity}:${id}`) || shadow.record === null) continue
    await db.syncState.put({ key: row.key, value: { ...shadow, record: null } satisfies Shadow })
    await restoreFromShadow(db, entity as EntityName, id)
  }
}
