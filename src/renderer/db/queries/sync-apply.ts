/**
 * Applying what the province says to the local database. Call inside a Dexie transaction over
 * `SYNC_TABLES` (the engine opens one per pulled page / pushed batch, with the cursor saved in it).
 *
 * Rules (docs/sync.md, "Conflict rules"):
 * - programs, clusters, the station's licence: the province owns them; a newer version overwrites.
 * - announcements, schedules, the station contact: the province's state goes to the record's
 *   shadow first (sync-state.ts). The visible row follows the shadow only while the outbox holds no
 *   change to it: a pull never overwrites an edit the province has not seen yet. When that edit is
 *   answered (applied, duplicate or rejected), the answer's record updates the shadow and the row.
 * - a version older than the one held is ignored (pages may repeat; applying twice is harmless);
 *   a program or cluster of the version held is left as it is, so a cluster keeps the status the
 *   officer reported since (it goes up as an observation) until the province changes the cluster.
 * - the answer to our own change (push, `applyPushAnswer`): the answer's record is shown even when
 *   its version is not newer; an accepted cluster registration keeps the status the officer reported
 *   since; a refused one keeps the officer's row.
 */
import type { EntityName } from '../../../shared/province/common'
import type { EntityRecord, Tombstone } from '../../../shared/province/entities'
import type { EntityTable } from 'dexie'
import type { DaixaDb } from '../database'
import type { ClusterRow } from '../records'
import { getShadow, hasPending, putShadow, shadowKey, type Shadow } from './sync-state'
import { announcementRow, clusterRow, programRow, scheduleRow, stationRow } from './sync-rows'

export const syncTables = (db: DaixaDb) => [
  db.announcements,
  db.schedules,
  db.programs,
  db.clusters,
  db.station,
  db.syncState,
  db.outbox,
  db.rejections,
]

/** What the province holds for one record: the record, its tombstone, or nothing. */
export type ServerState = EntityRecord | Tombstone | null

const isRecord = (state: ServerState): state is EntityRecord => state !== null && 'updatedAt' in state

/** Writes the visible row of a commune-editable record from its shadow (null record: remove it). */
async function showShadow(db: DaixaDb, entity: EntityName, id: string, record: EntityRecord | null): Promise<void> {
  if (record === null) {
    if (entity === 'announcement') await db.announcements.delete(id)
    if (entity === 'schedule') await db.schedules.delete(id)
    return
  }
  switch (record.entity) {
    case 'announcement':
      await db.announcements.put(announcementRow(record, await db.announcements.get(id)))
      return
    case 'schedule':
      await db.schedules.put(scheduleRow(record, await db.schedules.get(id)))
      return
    case 'station':
      await db.station.put(stationRow(record, await db.station.get('station')))
      return
    case 'program':
    case 'cluster':
      return
  }
}

async function applyProvinceOwned(db: DaixaDb, entity: 'program' | 'cluster', id: string, state: ServerState) {
  const table = entity === 'program' ? db.programs : db.clusters
  const existing = await table.get(id)
  const held = existing?.serverVersion ?? 0
  if (state === null) return void (await table.delete(id))
  if (state.version <= held) return
  if (!isRecord(state)) return void (await table.delete(id))
  if (state.entity === 'program') await db.programs.put(programRow(state))
  if (state.entity === 'cluster') await db.clusters.put(clusterRow(state, await db.clusters.get(id)))
}

export interface ApplyOptions {
  /** The state answers our own change (push). */
  isPushAnswer?: boolean
  /** The version our own change produced: later local changes are based on it. */
  ownVersion?: number
}

/**
 * Applies the province's state of one record. `null` means the province does not know it (a
 * rejected create): the shadow and the row go away once nothing is pending.
 */
export async function applyServerState(
  db: DaixaDb,
  entity: EntityName,
  id: string,
  state: ServerState,
  options: ApplyOptions = {},
): Promise<void> {
  if (entity === 'program' || entity === 'cluster') return applyProvinceOwned(db, entity, id, state)
  const shadow = await getShadow(db, entity, id)
  const incoming = state?.version ?? 0
  const isNewer = shadow === null || incoming >= shadow.version
  const next: Shadow = isNewer
    ? { version: incoming, record: isRecord(state) ? state : null, base: shadow?.base ?? null }
    : { ...shadow }
  if (options.ownVersion !== undefined) next.base = options.ownVersion
  if (await hasPending(db, entity, id)) {
    await putShadow(db, entity, id, next)
    return
  }
  if (!isNewer && !options.isPushAnswer) return
  await showShadowOf(db, entity, id, next)
}

/** How the province answered one of our own changes (a push result or its stored receipt). */
export type PushOutcome = { status: 'applied'; version: number } | { status: 'rejected' }

/** Applies the province's answer to one of our own changes; `state` is the record it now holds. */
export async function applyPushAnswer(
  db: DaixaDb,
  entity: EntityName,
  id: string,
  state: ServerState,
  outcome: PushOutcome,
): Promise<void> {
  if (outcome.status === 'rejected') {
    // A refused cluster registration keeps the officer's row (say, to fix a code already in use):
    // the province's answer has no cluster by that id, and applying it would delete the row.
    if (entity === 'cluster') return
    return applyServerState(db, entity, id, state, { isPushAnswer: true })
  }
  // A registered cluster's status is the one at registration; what the officer reported since
  // is on its way as observations, so the row keeps it.
  const held = entity === 'cluster' ? await db.clusters.get(id) : undefined
  await applyServerState(db, entity, id, state, { isPushAnswer: true, ownVersion: outcome.version })
  if (held) await db.clusters.update(id, { status: held.status })
}

/** Makes the visible row equal to the shadow (nothing is pending for it any more). */
async function showShadowOf(db: DaixaDb, entity: EntityName, id: string, shadow: Shadow | null): Promise<void> {
  if (shadow === null || shadow.version === 0) {
    await db.syncState.delete(shadowKey(entity, id))
    await showShadow(db, entity, id, null)
    return
  }
  await putShadow(db, entity, id, { ...shadow, base: shadow.version })
  await showShadow(db, entity, id, shadow.record)
}

/** After a local change was dropped without reaching the province: show the province's state again. */
export async function restoreFromShadow(db: DaixaDb, entity: EntityName, id: string): Promise<void> {
  if (entity === 'program' || entity === 'cluster' || (await hasPending(db, entity, id))) return
  await showShadowOf(db, entity, id, await getShadow(db, entity, id))
}

/** Local station row id → the province's station id (from the shadow the bootstrap stored). */
export async function stationRemoteId(db: DaixaDb): Promise<string | null> {
  const row = await db.syncState.get('stationId')
  return typeof row?.value === 'string' ? row.value : null
}

type ProvinceItem = (EntityRecord | Tombstone) & { entity: 'program' | 'cluster' }

const isProvinceOwned = (item: EntityRecord | Tombstone): item is ProvinceItem =>
  item.entity === 'program' || item.entity === 'cluster'

/**
 * The rows held for a page's ids, in the page's order. A bootstrap page is a contiguous run of ids
 * (pages are ordered by entity and id), so when the table holds few rows in the page's key range —
 * always, on a first bootstrap — one range read replaces a `get` per id (500 requests a page).
 * A pull page's ids may be scattered over the whole table: then the per-id reads are cheaper.
 */
async function heldRows<Row extends { id: string }>(
  table: EntityTable<Row, 'id'>,
  items: readonly { id: string }[],
): Promise<(Row | undefined)[]> {
  const ids = items.map((i) => i.id)
  // Every path awaits a Dexie request: settling with a plain promise here ends the caller's
  // transaction early (Dexie's zone does not follow it).
  if (ids.length === 0) return table.bulkGet([])
  const lowest = ids.reduce((a, b) => (b < a ? b : a))
  const highest = ids.reduce((a, b) => (b > a ? b : a))
  const range = table.where(':id').between(lowest, highest, true, true)
  if ((await range.count()) > 2 * ids.length) return table.bulkGet(ids as Parameters<typeof table.bulkGet>[0])
  const byId = new Map((await range.toArray()).map((row) => [row.id, row]))
  return ids.map((id) => byId.get(id))
}

/** What a cluster code becomes when the province's list turns out to use it for another cluster. */
export const CLASHING_CODE_SUFFIX = ' (trùng mã)'

/**
 * A cluster the officer registered offline may carry a code the province's list also uses (the
 * registration is then refused). Codes are unique locally, so the officer's row yields its code —
 * it keeps everything else and shows the clash — and the province's cluster is stored.
 */
async function yieldCodes(db: DaixaDb, incoming: readonly ClusterRow[]): Promise<void> {
  if (incoming.length === 0) return
  const idOfCode = new Map(incoming.map((row) => [row.code, row.id]))
  const holders = await db.clusters
    .where('code')
    .anyOf([...idOfCode.keys()])
    .toArray()
  for (const held of holders) {
    if (idOfCode.get(held.code) === held.id) continue
    await db.clusters.update(held.id, { code: `${held.code}${CLASHING_CODE_SUFFIX}` })
  }
}

/** Programs and clusters of a page in bulk (a bootstrap brings thousands). */
async function applyProvinceOwnedPage(db: DaixaDb, items: ProvinceItem[], isFresh: boolean): Promise<void> {
  const programs = items.filter((i) => i.entity === 'program')
  const clusters = items.filter((i) => i.entity === 'cluster')
  const heldPrograms = isFresh ? [] : await heldRows(db.programs, programs)
  const heldClusters = isFresh ? [] : await heldRows(db.clusters, clusters)
  const programPuts = programs.flatMap((item, n) => {
    if (!isRecord(item) || item.entity !== 'program') return []
    return item.version > (heldPrograms[n]?.serverVersion ?? 0) ? [programRow(item)] : []
  })
  const clusterPuts = clusters.flatMap((item, n) => {
    const held = heldClusters[n]
    if (!isRecord(item) || item.entity !== 'cluster') return []
    return item.version > (held?.serverVersion ?? 0) ? [clusterRow(item, held)] : []
  })
  const gone = (list: ProvinceItem[], held: ({ serverVersion: number | null } | undefined)[]) =>
    list.filter((item, n) => !isRecord(item) && item.version >= (held[n]?.serverVersion ?? 0)).map((i) => i.id)
  await db.programs.bulkPut(programPuts)
  await yieldCodes(db, clusterPuts)
  await db.clusters.bulkPut(clusterPuts)
  await db.programs.bulkDelete(gone(programs, heldPrograms))
  await db.clusters.bulkDelete(gone(clusters, heldClusters))
}

/**
 * Applies a pulled or bootstrapped page: records and tombstones, in one caller transaction.
 * `isFresh`: a bootstrap into tables that held no program or cluster when it began — its pages
 * are disjoint, so no row can be held for a page's ids and the reads are skipped.
 */
export async function applyPulledPage(
  db: DaixaDb,
  items: (EntityRecord | Tombstone)[],
  { isFresh = false }: { isFresh?: boolean } = {},
): Promise<void> {
  await applyProvinceOwnedPage(db, items.filter(isProvinceOwned), isFresh)
  for (const item of items) if (!isProvinceOwned(item)) await applyPulled(db, item)
}

/** Applies one pulled/bootstrapped record or tombstone. */
export async function applyPulled(db: DaixaDb, item: EntityRecord | Tombstone): Promise<void> {
  if (item.entity === 'station') await db.syncState.put({ key: 'stationId', value: item.id })
  await applyServerState(db, item.entity, item.id, item)
}
