/**
 * A schedule the province refuses, against the reference province server: the officer chose one
 * cluster, the province removed that cluster before the schedule reached it. The rejection reads
 * in Vietnamese (never the raw technical message), names the schedule by session, date and items,
 * says what fixes it, and "Gửi lại" with the clusters chosen again is accepted.
 */
import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { setDayEntries } from '../../../src/renderer/db/queries/schedule'
import { fixText, reasonText, subjectText } from '../../../src/renderer/features/sync/rejection-text'
import { resources } from '../../../src/renderer/i18n/resources'
import { resendRejection } from '../../../src/renderer/sync/app/rejection-resend'
import { describeRejection } from '../../../src/renderer/sync/app/rejection-subject'
import { listOpenRejections } from '../../../src/renderer/sync/app/sync-rows'
import { newId } from '../../../src/shared/ids'
import type { Cluster, Schedule } from '../../../src/shared/province/entities'
import { addDays, localDateAt } from '../../../src/shared/onair/station-time'
import { DEMO_COMMUNE } from '../../province-server/demo-seed'
import { testPost } from '../province-server/helpers'
import { communeState, localCreate, syncToQuiescence } from './helpers'
import { useProvinceServer } from './server-fixture'

const province = useProvinceServer({ restore: true })

async function vietnamese() {
  const t = i18next.createInstance()
  await t.init({ resources, lng: 'vi', interpolation: { escapeValue: false } })
  return t.t.bind(t) as (key: string, values?: Record<string, unknown>) => string
}

describe('a refused schedule: translated, named, fixed and sent again', () => {
  it('cluster removed by the province → choose clusters again → accepted', async () => {
    const t = await vietnamese()
    const c = await province.client()
    await syncToQuiescence(c.engine, c.db)
    const day = addDays(localDateAt(Date.now()), 1)
    const [y, m, d] = day.split('-')
    const notice = await localCreate(c.db, 'Thông báo họp dân')
    await setDayEntries(
      c.db,
      day,
      'sang',
      [{ id: newId(), content: { kind: 'announcement', id: notice.id }, priority: null, order: 0 }],
      new Date(),
      { clusters: ['cl-005'] },
    )
    // meanwhile the province takes cl-005 off its list
    const cluster = (await communeState(province.url)).records['cluster:cl-005']?.data as Cluster
    await testPost(province.url, 'province', {
      communeId: DEMO_COMMUNE.id,
      edit: { action: 'put', record: { ...cluster, status: 'removed' } },
    })
    await syncToQuiescence(c.engine, c.db)

    const [rejection, ...more] = await listOpenRejections(c.db)
    expect(more).toEqual([])
    if (!rejection) throw new Error('the schedule was not refused')
    expect(rejection).toMatchObject({ entity: 'schedule', reason: 'cluster-removed' })
    const subject = await describeRejection(c.db, rejection)
    expect(subjectText(t, subject)).toBe(`Lịch phát Buổi sáng, ngày ${d}/${m}/${y}: “Thông báo họp dân”`)
    expect(reasonText(t, rejection)).toBe('Cụm loa đã bị tỉnh gỡ khỏi danh sách.')
    expect(reasonText(t, rejection)).not.toContain('cl-005')
    expect(fixText(t, rejection, subject)).toContain('Chọn lại cụm loa')
    expect(subject).toMatchObject({ kind: 'schedule', clusters: ['cl-005'] })

    // the fix: every cluster of the station (the removed one is no longer on the list), then resend
    await resendRejection(c.db, rejection, { clusters: 'all' })
    expect(await listOpenRejections(c.db)).toEqual([])
    await syncToQuiescence(c.engine, c.db)
    expect(await listOpenRejections(c.db)).toEqual([])
    const schedules = Object.values((await communeState(province.url)).records)
      .map((r) => r.data)
      .filter((s): s is Schedule => s?.entity === 'schedule' && s.date === day && s.origin === 'commune')
    expect(schedules).toHaveLength(1)
    expect(schedules[0]?.clusterIds).toHaveLength(38)
    expect(schedules[0]?.clusterIds).not.toContain('cl-005')
    expect(schedules[0]?.items.map((i) => i.target.id)).toEqual([notice.id])
  })

  it('a change the province keeps its own version of cannot be sent again', async () => {
    const c = await province.client()
    await syncToQuiescence(c.engine, c.db)
    const refused = {
      id: newId(),
      mutationId: newId(),
      at: new Date().toISOString(),
      reason: 'cancelled-by-province',
      entity: 'schedule',
      entityId: newId(),
      op: 'update' as const,
      payload: null,
      record: { cancelledReason: 'Mất điện' },
      dismissedAt: null,
    }
    await c.db.rejections.put(refused)
    const t = await vietnamese()
    expect(reasonText(t, refused)).toBe('Tỉnh đã hủy mục này. (Tỉnh ghi: Mất điện)')
    await expect(resendRejection(c.db, refused)).rejects.toThrow('not-resendable')
    expect(await c.db.outbox.count()).toBe(0)
  })
})
