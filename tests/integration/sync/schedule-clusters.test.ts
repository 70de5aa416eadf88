/**
 * A schedule item made before the first sync, with the reference province server: the form never
 * asked for clusters and the app knew none yet, so it used to go out with `clusterIds: []` and be
 * refused ("payload.clusterIds: Too small…"). Now it targets every cluster of the station: held
 * while the list is unknown, sent in the same cycle once the pull has brought it, and accepted.
 */
import { describe, expect, it } from 'vitest'
import { newId } from '../../../src/shared/ids'
import { setDayEntries } from '../../../src/renderer/db/queries/schedule'
import type { Schedule } from '../../../src/shared/province/entities'
import { addDays, localDateAt } from '../../../src/shared/onair/station-time'
import { communeState, localCreate } from './helpers'
import { useProvinceServer } from './server-fixture'

const province = useProvinceServer({ restore: true })

describe('schedule clusters with the reference province server', () => {
  it('sends a schedule made before the first sync to every cluster once the list is known, in one cycle', async () => {
    const c = await province.client()
    const day = addDays(localDateAt(Date.now()), 1)
    const notice = await localCreate(c.db, 'Thông báo họp dân')
    await setDayEntries(c.db, day, 'sang', [
      { id: newId(), content: { kind: 'announcement', id: notice.id }, priority: null, order: 0 },
    ])
    const [held] = await c.db.outbox.where('entity').equals('schedule').toArray()
    expect(held?.payload).toMatchObject({ clusterIds: [], clusterChoice: 'all' })

    const report = await c.engine.syncNow()
    expect(report).toMatchObject({ ok: true })
    expect(await c.db.outbox.count()).toBe(0)
    expect(await c.db.rejections.toArray()).toEqual([])
    const state = await communeState(province.url)
    const stored = state.records[`schedule:${held?.entityId ?? ''}`]?.data as Schedule | undefined
    // the demo commune lists 40 clusters, one of them removed
    expect(stored?.clusterIds).toHaveLength(39)
    expect(stored?.clusterIds).not.toContain('cl-040')
    expect(stored).toMatchObject({ date: day, sessionId: 'sang', items: [{ target: { id: notice.id } }] })
  })
})
