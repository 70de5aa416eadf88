/**
 * The cluster registry (cụm loa) and the officer's observations about clusters.
 *
 * - Registry fields (code, name, hamlet, technology, address, coordinates, year installed) of a
 *   cluster the province lists (`origin: 'province'`) are read-only here: the province owns them
 *   and pull overwrites them. Clusters the officer registers (`origin: 'commune'`) are editable.
 * - Every status change and observation is an append-only `clusterEvents` row, written in the same
 *   transaction as its outbox entry ('deviceEvent'), so what the officer saw offline always syncs
 *   up — or nothing was written. The status on the row is a cache of the latest 'status' event.
 * - Registering writes the row, its first 'status' event (the registration the reports count
 *   from) and two outbox entries ('cluster' create, 'deviceEvent' create), in one transaction.
 */
import { CodedError } from '../../../shared/result'
import { z } from 'zod'
import { newId } from '../../../shared/ids'
import { clusterStatusSchema, clusterTechnologySchema, type ClusterStatus } from '../../../shared/reports/report-input'
import type { DaixaDb } from '../database'
import { outboxEntry } from './outbox'
import type { ClusterEventKind, ClusterEventRow, ClusterRow } from '../records'

const text = (max: number) => z.string().trim().max(max)

/** What the officer types in the add/edit form; parsed before anything is written. */
export const clusterDraftSchema = z.object({
  code: text(50).min(1),
  name: text(200).min(1),
  hamlet: text(200),
  technology: clusterTechnologySchema,
  address: text(300).default(''),
  latitude: z.number().min(-90).max(90).nullable().default(null),
  longitude: z.number().min(-180).max(180).nullable().default(null),
  yearInstalled: z.number().int().min(1945).max(2100).nullable().default(null),
})
export type ClusterDraftInput = z.input<typeof clusterDraftSchema>
export type ClusterDraft = z.output<typeof clusterDraftSchema>

/** Observations that do not change the status (those go through `changeClusterStatus`). */
export const observationKinds = [
  'fault-reported',
  'repaired',
  'maintenance',
  'test-ok',
  'test-failed',
  'note',
] as const satisfies readonly ClusterEventKind[]
export type ObservationKind = (typeof observationKinds)[number]

const noteSchema = z.string().trim().max(1000)

export type ClusterErrorCode = 'code-taken' | 'not-found' | 'read-only' | 'sending'

/** An expected refusal; the screen shows `clusters.errors.<code>`. */
export class ClusterError extends CodedError<ClusterErrorCode> {
  override readonly name = 'ClusterError'
}

/** A cluster with its events, oldest first. */
export interface ClusterWithHistory {
  cluster: ClusterRow
  events: ClusterEventRow[]
}

const eventRow = (
  clusterId: string,
  at: string,
  kind: ClusterEventKind,
  status: ClusterStatus | null,
  note: string,
): ClusterEventRow => ({ id: newId(), clusterId, at, kind, status, note })

async function assertCodeFree(db: DaixaDb, code: string, exceptId: string | null): Promise<void> {
  const holder = await db.clusters.where('code').equals(code).first()
  if (holder !== undefined && holder.id !== exceptId) {
    throw new ClusterError('code-taken', `clusters: code ${code} is already used by ${holder.id}`)
  }
}

async function existing(db: DaixaDb, id: string): Promise<ClusterRow> {
  const row = await db.clusters.get(id)
  if (row === undefined) throw new ClusterError('not-found', `clusters: no cluster ${id}`)
  return row
}

/** Registers a cluster the officer found or installed; `status` is its status at registration. */
export async function registerCluster(
  db: DaixaDb,
  input: ClusterDraftInput,
  status: ClusterStatus = 'working',
  now = new Date(),
): Promise<ClusterRow> {
  const draft = clusterDraftSchema.parse(input)
  const at = now.toISOString()
  const row: ClusterRow = { id: newId(), ...draft, status, origin: 'commune', serverVersion: null }
  const first = eventRow(row.id, at, 'status', clusterStatusSchema.parse(status), '')
  await db.transaction('rw', [db.clusters, db.clusterEvents, db.outbox], async () => {
    await assertCodeFree(db, draft.code, null)
    await db.clusters.add(row)
    await db.clusterEvents.add(first)
    await db.outbox.bulkAdd([
      outboxEntry('cluster', row.id, 'create', row, at),
      outboxEntry('deviceEvent', first.id, 'create', first, at),
    ])
  })
  return row
}

/** Edits the registry fields of a commune-registered cluster; a province cluster refuses. */
export async function editCluster(db: DaixaDb, id: string, input: ClusterDraftInput, now = new Date()): Promise<void> {
  const draft = clusterDraftSchema.parse(input)
  const at = now.toISOString()
  await db.transaction('rw', [db.clusters, db.outbox], async () => {
    const row = await existing(db, id)
    if (row.origin === 'province') {
      throw new ClusterError('read-only', `clusters: ${row.code} is kept by the province`)
    }
    await assertCodeFree(db, draft.code, id)
    await db.clusters.update(id, draft)
    await amendRegistration(db, { ...row, ...draft }, at)
  })
}

/**
 * The province takes a registration once and keeps the cluster from then on, so an edit before it
 * is sent rewrites the waiting registration (one create, never create + update). Once a send was
 * tried, the province may already hold it: the edit waits until the answer is in.
 */
async function amendRegistration(db: DaixaDb, row: ClusterRow, at: string): Promise<void> {
  const waiting = await db.outbox.where('[entity+entityId]').equals(['cluster', row.id]).toArray()
  const registration = waiting.find((e) => e.op === 'create')
  if (registration === undefined) {
    await db.outbox.add(outboxEntry('cluster', row.id, 'create', row, at))
    return
  }
  if (registration.attempts > 0) {
    throw new ClusterError('sending', `clusters: ${row.code} is being registered with the province`)
  }
  await db.outbox.update(registration.id, { payload: row })
}

/** A new status with the officer's note ("Báo hỏng", "Đã sửa", "Gỡ bỏ"). */
export async function changeClusterStatus(
  db: DaixaDb,
  id: string,
  status: ClusterStatus,
  note: string,
  now = new Date(),
): Promise<ClusterEventRow> {
  const at = now.toISOString()
  const event = eventRow(id, at, 'status', clusterStatusSchema.parse(status), noteSchema.parse(note))
  await db.transaction('rw', [db.clusters, db.clusterEvents, db.outbox], async () => {
    await existing(db, id)
    await db.clusters.update(id, { status })
    await db.clusterEvents.add(event)
    await db.outbox.add(outboxEntry('deviceEvent', event.id, 'create', event, at))
  })
  return event
}

/** Appends an observation (fault report, repair, maintenance note, test) without a status change. */
export async function addClusterObservation(
  db: DaixaDb,
  id: string,
  kind: ObservationKind,
  note: string,
  now = new Date(),
): Promise<ClusterEventRow> {
  const at = now.toISOString()
  const event = eventRow(id, at, z.enum(observationKinds).parse(kind), null, noteSchema.parse(note))
  await db.transaction('rw', [db.clusters, db.clusterEvents, db.outbox], async () => {
    await existing(db, id)
    await db.clusterEvents.add(event)
    await db.outbox.add(outboxEntry('deviceEvent', event.id, 'create', event, at))
  })
  return event
}

/** Every cluster by code, each with its history oldest first (events in one pass, not per cluster). */
export async function listClustersWithHistory(db: DaixaDb): Promise<ClusterWithHistory[]> {
  return db.transaction('r', [db.clusters, db.clusterEvents], async () => {
    const [clusters, events] = await Promise.all([db.clusters.orderBy('code').toArray(), db.clusterEvents.toArray()])
    const byCluster = new Map<string, ClusterEventRow[]>()
    for (const e of events) {
      const list = byCluster.get(e.clusterId)
      if (list === undefined) byCluster.set(e.clusterId, [e])
      else list.push(e)
    }
    // Same instant: ids are UUIDv7, so id order is write order within one device.
    const order = (a: ClusterEventRow, b: ClusterEventRow): number =>
      a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
    return clusters.map((cluster) => ({ cluster, events: (byCluster.get(cluster.id) ?? []).sort(order) }))
  })
}
