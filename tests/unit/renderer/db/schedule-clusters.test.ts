/** The clusters a day schedule plays on: every cluster by default, the officer's choice kept. */
import { afterEach, describe, expect, it } from 'vitest'
import { createDatabase, type DaixaDb } from '../../../../src/renderer/db/database'
import { setDayEntries } from '../../../../src/renderer/db/queries/schedule'
import { dayClusterChoice, targetableClusters } from '../../../../src/renderer/db/queries/schedule-clusters'
import type { ClusterRow } from '../../../../src/renderer/db/records'
import { scheduleForSending } from '../../../../src/renderer/sync/schedule-send'
import { dropDatabase, uniqueDbName } from './migration-harness'

const DAY = '2026-11-24'
let db: DaixaDb
afterEach(async () => dropDatabase(db))

const cluster = (id: string, over: Partial<ClusterRow> = {}): ClusterRow => ({
  id,
  code: id.toUpperCase(),
  name: `Cụm ${id}`,
  hamlet: 'Thôn 1',
  technology: 'wired',
  status: 'working',
  address: '',
  latitude: null,
  longitude: null,
  yearInstalled: null,
  origin: 'province',
  serverVersion: 1,
  ...over,
})

const silence = (id: string) => ({
  id,
  content: { kind: 'silence' as const, durationMs: 5000 },
  priority: null,
  order: 0,
})

async function fresh(): Promise<DaixaDb> {
  db = createDatabase(uniqueDbName('schedule-clusters'))
  await db.open()
  return db
}

describe('schedule clusters', () => {
  it('targets every cluster of the province’s list that is not removed, by default', async () => {
    await fresh()
    await db.clusters.bulkPut([
      cluster('cl-2'),
      cluster('cl-1'),
      cluster('cl-gone', { status: 'removed' }),
      cluster('cl-own', { origin: 'commune', serverVersion: null }),
    ])
    expect((await targetableClusters(db)).map((c) => c.id)).toEqual(['cl-1', 'cl-2'])
    await setDayEntries(db, DAY, 'sang', [silence('a')])
    const [entry] = await db.outbox.toArray()
    expect(entry?.payload).toMatchObject({ clusterIds: ['cl-1', 'cl-2'], clusterChoice: 'all' })
    expect(await dayClusterChoice(db, DAY, 'sang')).toBe('all')
  })

  it('keeps the officer’s choice for the day’s session until it is changed', async () => {
    await fresh()
    await db.clusters.bulkPut([cluster('cl-1'), cluster('cl-2'), cluster('cl-3')])
    await setDayEntries(db, DAY, 'sang', [silence('a')], new Date(), { clusters: ['cl-3'] })
    await setDayEntries(db, DAY, 'sang', [silence('a'), { ...silence('b'), order: 1 }])
    const payloads = (await db.outbox.toArray()).map((e) => e.payload)
    expect(payloads).toMatchObject([
      { clusterIds: ['cl-3'], clusterChoice: 'chosen' },
      { clusterIds: ['cl-3'], clusterChoice: 'chosen' },
    ])
    expect(await dayClusterChoice(db, DAY, 'sang')).toEqual(['cl-3'])
    expect(await dayClusterChoice(db, DAY, 'trua')).toBe('all')
    await expect(setDayEntries(db, DAY, 'sang', [silence('a')], new Date(), { clusters: [] })).rejects.toThrow()
  })

  it('holds "every cluster" while the list is unknown, and sends the list as it is when it has come', async () => {
    await fresh()
    await setDayEntries(db, DAY, 'sang', [silence('a')])
    const [entry] = await db.outbox.toArray()
    if (!entry) throw new Error('no outbox entry')
    expect(entry.payload).toMatchObject({ clusterIds: [], clusterChoice: 'all' })
    expect(await scheduleForSending(db, entry)).toBeNull()
    await db.clusters.bulkPut([cluster('cl-1'), cluster('cl-2', { status: 'faulty' })])
    expect((await scheduleForSending(db, entry))?.payload).toMatchObject({ clusterIds: ['cl-1', 'cl-2'] })
    // a chosen list and a delete go as they are
    const chosen = { ...entry, payload: { ...(entry.payload as object), clusterChoice: 'chosen', clusterIds: ['x'] } }
    expect(await scheduleForSending(db, chosen)).toBe(chosen)
    const deletion = { ...entry, op: 'delete' as const, payload: null }
    expect(await scheduleForSending(db, deletion)).toBe(deletion)
  })
})
