import { describe, expect, it } from 'vitest'
import { newId } from '../../../src/shared/ids'
import type { DaixaDb } from '../../../src/renderer/db/database'
import { outboxEntry } from '../../../src/renderer/db/queries/outbox'
import { appendPlayLog } from '../../../src/renderer/db/queries/play-log'
import { communeState, faults, syncToQuiescence } from './helpers'
import { useProvinceServer } from './server-fixture'

const province = useProvinceServer({ healFaults: true })

const at = '2026-11-23T00:05:00.000Z'

/** An as-played line of an item that went out. */
const line = (itemId: string) => ({
  itemId,
  scheduleId: null,
  title: 'Bản tin sáng',
  plannedStart: at,
  actualStart: at,
  actualEnd: '2026-11-23T00:10:00.000Z',
  outcome: 'played' as const,
  source: 'own' as const,
  contentKind: 'news' as const,
  language: 'vi',
  category: '',
  priority: 'normal' as const,
  note: '',
})

async function played(db: DaixaDb): Promise<string> {
  const id = newId()
  await db.transaction('rw', db.playLog, db.outbox, async () => {
    await db.playLog.add({ id, ...line(newId()) })
    await db.outbox.add(outboxEntry('playLog', id, 'create', null, at))
  })
  return id
}

async function observed(db: DaixaDb, clusterId: string): Promise<string> {
  const id = newId()
  await db.transaction('rw', db.clusterEvents, db.outbox, async () => {
    await db.clusterEvents.add({ id, clusterId, at, kind: 'test-failed', status: null, note: 'không nghe' })
    await db.outbox.add(outboxEntry('deviceEvent', id, 'create', null, at))
  })
  return id
}

describe('sync engine observations step', () => {
  it('sends the as-played log and cluster observations once, even when the answer is lost', async () => {
    const c = await province.client()
    const plays = [await played(c.db), await played(c.db)]
    const seen = await observed(c.db, 'cl-001')
    const unknown = await observed(c.db, 'cl-9999')
    await faults(province.url, { script: [{ fault: 'drop-after-commit', path: '/v1/observations' }] })
    expect((await c.engine.syncNow()).ok).toBe(false)
    await syncToQuiescence(c.engine, c.db)

    const state = await communeState(province.url)
    expect(Object.keys(state.playLog).sort()).toEqual([...plays].sort())
    expect(Object.keys(state.deviceObservations)).toEqual([seen])
    expect(state.deviceObservations[seen]?.entry).toMatchObject({ kind: 'test-failed', note: 'không nghe' })
    const rejections = await c.db.rejections.toArray()
    expect(rejections).toMatchObject([{ entity: 'deviceEvent', entityId: unknown, reason: 'unknown-cluster' }])
    expect(await c.db.playLog.count()).toBe(2)
    expect(c.engine.status().pendingCount).toBe(0)
  })

  it('never sends a trial run: its rows stay on this computer and out of the outbox', async () => {
    const c = await province.client()
    const trial = await played(c.db)
    await c.db.playLog.update(trial, { isTrial: true })
    // appended the way the engine does: a trial row gets no outbox entry at all
    const fromEngine = await appendPlayLog(c.db, { ...line('trial-1:item@2026-11-23'), isTrial: true })
    const real = await played(c.db)
    await syncToQuiescence(c.engine, c.db)

    const state = await communeState(province.url)
    expect(state.playLog[real]).toBeDefined()
    expect(state.playLog[trial]).toBeUndefined()
    expect(state.playLog[fromEngine.id]).toBeUndefined()
    expect(await c.db.outbox.count()).toBe(0)
    expect(await c.db.rejections.count()).toBe(0)
    expect(await c.db.playLog.count()).toBe(3)
  })
})
