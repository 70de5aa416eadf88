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
