import { afterEach, describe, expect, it } from 'vitest'
import { createDatabase, type DaixaDb } from '../../../../src/renderer/db/database'
import {
  addClusterObservation,
  changeClusterStatus,
  ClusterError,
  editCluster,
  listClustersWithHistory,
  registerCluster,
  type ClusterDraftInput,
} from '../../../../src/renderer/db/queries/clusters'
import type { ClusterRow } from '../../../../src/renderer/db/records'
import { dropDatabase, uniqueDbName } from './migration-harness'

let db: DaixaDb
afterEach(async () => dropDatabase(db))

async function fresh(): Promise<DaixaDb> {
  db = createDatabase(uniqueDbName('clusters'))
  await db.open()
  return db
}

const draft = (code: string, more: Partial<ClusterDraftInput> = {}): ClusterDraftInput => ({
  code,
  name: `Cụm ${code}`,
  hamlet: 'Ấp Bình Minh',
  technology: 'wired',
  ...more,
})

const provinceCluster: ClusterRow = {
  id: 'cl-0001',
  code: 'TL-01',
  name: 'Cụm chợ',
  hamlet: 'Ấp Chợ',
  technology: 'fm',
  status: 'working',
  address: '',
  latitude: null,
  longitude: null,
  yearInstalled: 2019,
  origin: 'province',
  serverVersion: 3,
}

const errorCode = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p
  } catch (error) {
    if (error instanceof ClusterError) return error.code
    throw error
  }
  throw new Error('expected a ClusterError')
}

describe('db/queries/clusters', () => {
  it('registers a cluster with its first status event and two outbox entries in one go', async () => {
    await fresh()
    const row = await registerCluster(
      db,
      draft(' TL-07 ', { address: '12 đường Số 3', latitude: 9.6, longitude: 105.9, yearInstalled: 2024 }),
      'working',
      new Date('2025-03-01T02:00:00Z'),
    )
    expect(row).toMatchObject({ code: 'TL-07', origin: 'commune', status: 'working', serverVersion: null })
    const [listed] = await listClustersWithHistory(db)
    expect(listed?.cluster).toEqual(row)
    expect(listed?.events).toEqual([
      expect.objectContaining({ kind: 'status', status: 'working', at: '2025-03-01T02:00:00.000Z' }),
    ])
    const outbox = await db.outbox.toArray()
    expect(outbox.map((o) => [o.entity, o.op])).toEqual([
      ['cluster', 'create'],
      ['deviceEvent', 'create'],
    ])
    expect(outbox[1]?.entityId).toBe(listed?.events[0]?.id)
  })

  it('refuses a code already used and writes nothing', async () => {
    await fresh()
    await registerCluster(db, draft('TL-07'))
    expect(await errorCode(registerCluster(db, draft('TL-07', { name: 'Khác' })))).toBe('code-taken')
    expect(await db.clusters.count()).toBe(1)
    expect(await db.clusterEvents.count()).toBe(1)
    expect(await db.outbox.count()).toBe(2)
  })

  it('rejects a draft without a name before writing', async () => {
    await fresh()
    await expect(registerCluster(db, draft('TL-08', { name: '  ' }))).rejects.toThrow()
    expect(await db.clusters.count()).toBe(0)
  })

  it('changes the status with a note: event, row and outbox together', async () => {
    await fresh()
    const row = await registerCluster(db, draft('TL-07'), 'working', new Date('2025-03-01T02:00:00Z'))
    await changeClusterStatus(db, row.id, 'faulty', 'Loa chập, mất tiếng', new Date('2025-04-02T03:00:00Z'))
    await changeClusterStatus(db, row.id, 'working', '', new Date('2025-04-05T03:00:00Z'))
    const [listed] = await listClustersWithHistory(db)
    expect(listed?.cluster.status).toBe('working')
    expect(listed?.events.map((e) => [e.kind, e.status, e.note])).toEqual([
      ['status', 'working', ''],
      ['status', 'faulty', 'Loa chập, mất tiếng'],
      ['status', 'working', ''],
    ])
    expect((await db.outbox.where('entity').equals('deviceEvent').toArray()).length).toBe(3)
  })

  it('appends a maintenance note without touching the status', async () => {
    await fresh()
    await db.clusters.add(provinceCluster)
    const e = await addClusterObservation(
      db,
      'cl-0001',
      'maintenance',
      'Thay dây nguồn',
      new Date('2025-05-01T00:00:00Z'),
    )
    expect(e).toMatchObject({ kind: 'maintenance', status: null, note: 'Thay dây nguồn' })
    expect((await db.clusters.get('cl-0001'))?.status).toBe('working')
    const outbox = await db.outbox.toArray()
    expect(outbox).toEqual([expect.objectContaining({ entity: 'deviceEvent', entityId: e.id, payload: e })])
  })

  it('refuses events for an unknown cluster', async () => {
    await fresh()
    expect(await errorCode(changeClusterStatus(db, 'nope', 'faulty', ''))).toBe('not-found')
    expect(await errorCode(addClusterObservation(db, 'nope', 'note', 'x'))).toBe('not-found')
    expect(await db.clusterEvents.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
  })

  it('edits a commune cluster but keeps a province cluster read-only', async () => {
    await fresh()
    await db.clusters.add(provinceCluster)
    const mine = await registerCluster(db, draft('TL-07'))
    await editCluster(db, mine.id, draft('TL-07', { name: 'Cụm nhà văn hóa', technology: 'ip' }))
    expect(await db.clusters.get(mine.id)).toMatchObject({
      name: 'Cụm nhà văn hóa',
      technology: 'ip',
      origin: 'commune',
    })
    expect(await errorCode(editCluster(db, 'cl-0001', draft('TL-01')))).toBe('read-only')
    expect(await errorCode(editCluster(db, mine.id, draft('TL-01')))).toBe('code-taken')
    expect((await db.clusters.get('cl-0001'))?.name).toBe('Cụm chợ')
    // The edit rewrote the registration still waiting: the province gets one create with the edit.
    const waiting = await db.outbox.where('entity').equals('cluster').toArray()
    expect(waiting.map((o) => o.op)).toEqual(['create'])
    expect(waiting[0]?.payload).toMatchObject({ name: 'Cụm nhà văn hóa', technology: 'ip', code: 'TL-07' })
  })

  it('refuses to edit a registration already on its way, and registers again after a refusal', async () => {
    await fresh()
    const mine = await registerCluster(db, draft('TL-07'))
    const [registration] = await db.outbox.where('entity').equals('cluster').toArray()
    if (!registration) throw new Error('no registration queued')
    await db.outbox.update(registration.id, { attempts: 1 })
    expect(await errorCode(editCluster(db, mine.id, draft('TL-09')))).toBe('sending')
    expect((await db.clusters.get(mine.id))?.code).toBe('TL-07')

    // The province refused it (the push step removed the entry, kept the row): fix and send again.
    await db.outbox.delete(registration.id)
    await editCluster(db, mine.id, draft('TL-09'))
    const again = await db.outbox.where('entity').equals('cluster').toArray()
    expect(again).toHaveLength(1)
    expect(again[0]).toMatchObject({ op: 'create', attempts: 0, payload: { code: 'TL-09' } })
    expect(again[0]?.id).not.toBe(registration.id)
  })

  it('lists clusters by code with each history oldest first', async () => {
    await fresh()
    const b = await registerCluster(db, draft('TL-02'), 'faulty', new Date('2025-01-02T00:00:00Z'))
    const a = await registerCluster(db, draft('TL-01'), 'working', new Date('2025-01-03T00:00:00Z'))
    await addClusterObservation(db, b.id, 'test-ok', '', new Date('2025-01-01T00:00:00Z'))
    const list = await listClustersWithHistory(db)
    expect(list.map((x) => x.cluster.id)).toEqual([a.id, b.id])
    expect(list[1]?.events.map((e) => e.kind)).toEqual(['test-ok', 'status'])
  })
})
