/**
 * The sync engine's own rows in `syncState` (key/value):
 * - `clientId`        this installation's id (sent with every push);
 * - `cursor`          where pulling stands: a bootstrap in progress (its page cursor) or a pull cursor;
 * - `bseen:<page>`    keys each bootstrap page delivered (to remove what the province no longer has);
 * - `rec:<entity>:<id>` the "shadow" of a commune-editable record: the province's latest state we
 *   know (`record`, null for a tombstone) and `base`, the version our pending local changes are
 *   based on (sent as `baseVersion`). The visible row shows shadow + pending local changes;
 * - `lastSuccessAt`   the end of the last complete cycle.
 */
import { newId } from '../../../shared/ids'
import type { EntityRecord } from '../../../shared/province/entities'
import type { DaixaDb } from '../database'

export type CursorState = { kind: 'bootstrap'; cursor: string | null; page: number } | { kind: 'pull'; cursor: string }

export interface Shadow {
  version: number
  /** null: deleted on the province (tombstone). */
  record: EntityRecord | null
  /** Version local changes are based on; null until the province has the record. */
  base: number | null
}

export const shadowKey = (entity: string, id: string): string => `rec:${entity}:${id}`

export async function getClientId(db: DaixaDb): Promise<string> {
  return db.transaction('rw', db.syncState, async () => {
    const row = await db.syncState.get('clientId')
    if (typeof row?.value === 'string') return row.value
    const id = newId()
    await db.syncState.put({ key: 'clientId', value: id })
    return id
  })
}

export async function getCursor(db: DaixaDb): Promise<CursorState | null> {
  const row = await db.syncState.get('cursor')
  return (row?.value as CursorState | undefined) ?? null
}

/** Call inside a transaction that includes syncState. */
export async function putCursor(db: DaixaDb, cursor: CursorState | null): Promise<void> {
  if (cursor === null) await db.syncState.delete('cursor')
  else await db.syncState.put({ key: 'cursor', value: cursor })
}

export async function getShadow(db: DaixaDb, entity: string, id: string): Promise<Shadow | null> {
  const row = await db.syncState.get(shadowKey(entity, id))
  return (row?.value as Shadow | undefined) ?? null
}

export async function putShadow(db: DaixaDb, entity: string, id: string, shadow: Shadow): Promise<void> {
  await db.syncState.put({ key: shadowKey(entity, id), value: shadow })
}

export async function getLastSuccess(db: DaixaDb): Promise<string | null> {
  const row = await db.syncState.get('lastSuccessAt')
  return typeof row?.value === 'string' ? row.value : null
}

export async function putLastSuccess(db: DaixaDb, at: string): Promise<void> {
  await db.syncState.put({ key: 'lastSuccessAt', value: at })
}

/** Whether the outbox still holds changes to this record (then pulls must not overwrite the row). */
export async function hasPending(db: DaixaDb, entity: string, id: string): Promise<boolean> {
  return (await db.outbox.where('[entity+entityId]').equals([entity, id]).count()) > 0
}
