/**
 * A cluster the officer installs and registers offline reaches the province as a registration,
 * before the observations about it; a registration whose code the province already uses is refused
 * with the reason (its status changes wait for the registration and then reach the province as
 * fault / repair reports), the officer's row stays (its code marked as clashing), and sync goes on.
 */
import { describe, expect, it } from 'vitest'
import { changeClusterStatus, registerCluster } from '../../../src/renderer/db/queries/clusters'
import { CLASHING_CODE_SUFFIX } from '../../../src/renderer/db/queries/sync-apply'
import { observationsStep } from '../../../src/renderer/sync/observations-step'
import { communeState, stepContext, syncToQuiescence } from './helpers'
import { useProvinceServer } from './server-fixture'

const province = useProvinceServer({ restore: true })

const draft = (code: string) => ({
  code,
  name: 'Cụm loa nhà văn hóa ấp Mới',
  hamlet: 'Ấp Mới',
  technology: 'fm' as const,
  address: 'Sân nhà văn hóa',
  latitude: 9.61,
  longitude: 105.97,
  yearInstalled: 2026,
})

describe('registering a cluster with the province', () => {
  it('sends the registration, then its fault report; the province keeps the cluster from then on', async () => {
    const c = await province.client()
    await c.engine.syncNow()
    const mine = await registerCluster(c.db, draft('MOI-01'))
    await changeClusterStatus(c.db, mine.id, 'faulty', 'Loa rè sau mưa')
    // while the registration waits in the outbox, its events are not sent (they would be refused)
    expect(await observationsStep(stepContext(c))).toMatchObject({ ok: true })
    expect(await c.db.rejections.count()).toBe(0)
    expect(await c.db.outbox.where('entity').equals('deviceEvent').count()).toBeGreaterThan(0)

    await syncToQuiescence(c.engine, c.db)
    const state = await communeState(province.url)
    expect(state.records[`cluster:${mine.id}`]?.data).toMatchObject({
      code: 'MOI-01',
      hamlet: 'Ấp Mới',
      technology: 'fm',
      // registered, then the fault report acted on: faulty, a new version
      status: 'faulty',
      version: 2,
    })
    expect(await c.db.rejections.count()).toBe(0)
    expect(await c.db.clusters.get(mine.id)).toMatchObject({
      origin: 'province',
      address: 'Sân nhà văn hóa',
      yearInstalled: 2026,
      status: 'faulty',
    })
  })

  it('refuses a code the province uses, keeps the officer’s row and finishes the sync', async () => {
    const state = await communeState(province.url)
    const taken = Object.values(state.records).find((r) => r.data?.entity === 'cluster')?.data
    if (taken?.entity !== 'cluster') throw new Error('the demo commune has no cluster')
    const c = await province.client()
    // Registered before this laptop ever synced, so the local list did not know the code.
    const mine = await registerCluster(c.db, draft(taken.code))

    await syncToQuiescence(c.engine, c.db)
    const rejections = await c.db.rejections.toArray()
    expect(rejections.find((r) => r.entity === 'cluster')).toMatchObject({
      entityId: mine.id,
      reason: 'already-exists',
    })
    expect(await c.db.clusters.get(mine.id)).toMatchObject({
      origin: 'commune',
      code: `${taken.code}${CLASHING_CODE_SUFFIX}`,
      name: 'Cụm loa nhà văn hóa ấp Mới',
    })
    expect(await c.db.clusters.get(taken.id)).toMatchObject({ code: taken.code, origin: 'province' })
    expect((await communeState(province.url)).records[`cluster:${mine.id}`]).toBeUndefined()
  })
})
