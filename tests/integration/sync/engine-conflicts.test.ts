import { describe, expect, it } from 'vitest'
import { pullStep } from '../../../src/renderer/sync/pull-step'
import { itemBadge } from '../../../src/renderer/db/queries/sync-status'
import { DEMO_COMMUNE } from '../../province-server/demo-seed'
import { call } from '../province-server/helpers'
import {
  clientAnnouncements,
  communeState,
  localCreate,
  localRename,
  serverAnnouncements,
  stepContext,
  syncToQuiescence,
} from './helpers'
import { useProvinceServer } from './server-fixture'

const province = useProvinceServer({ restore: true })

const moderate = (id: string, status: 'approved' | 'rejected') =>
  call(province.url, 'POST', '/__test__/province', {
    body: { communeId: DEMO_COMMUNE.id, edit: { action: 'moderate', id, status, reviewedBy: 'Sở', reason: null } },
  })

describe('sync engine conflict rules', () => {
  it('keeps a rejected edit with its reason, shows the province state again, and sends the others', async () => {
    const c = await province.client()
    const a = await localCreate(c.db, 'Sẽ được duyệt')
    const b = await localCreate(c.db, 'Khác')
    await syncToQuiescence(c.engine, c.db)
    expect(await itemBadge(c.db, 'announcement', a.id)).toEqual({ kind: 'on-province' })
    await moderate(a.id, 'approved')

    await localRename(c.db, a.id, 'Sửa sau khi duyệt')
    await localRename(c.db, b.id, 'Khác (sửa)')
    expect(await itemBadge(c.db, 'announcement', b.id)).toEqual({ kind: 'only-local' })
    await syncToQuiescence(c.engine, c.db)

    const rejections = await c.db.rejections.toArray()
    expect(rejections).toHaveLength(1)
    expect(rejections[0]).toMatchObject({ entityId: a.id, reason: 'version-conflict', op: 'update' })
    expect(rejections[0]?.payload).toMatchObject({ title: 'Sửa sau khi duyệt' })
    expect(await c.db.announcements.get(a.id)).toMatchObject({
      title: 'Sẽ được duyệt',
      moderation: { status: 'approved' },
    })
    expect((await c.db.announcements.get(b.id))?.title).toBe('Khác (sửa)')
    expect(await itemBadge(c.db, 'announcement', a.id)).toMatchObject({ kind: 'rejected', reason: 'version-conflict' })
    expect(c.engine.status().rejectedCount).toBe(1)
    expect(serverAnnouncements(await communeState(province.url))).toEqual(await clientAnnouncements(c.db))
  })

  it('passes a commune edit over a province moderation rejection and sends moderation back to pending', async () => {
    const c = await province.client()
    const a = await localCreate(c.db, 'Bị trả lại')
    await syncToQuiescence(c.engine, c.db)
    await moderate(a.id, 'rejected')
    await localRename(c.db, a.id, 'Đã sửa theo góp ý')
    await syncToQuiescence(c.engine, c.db)
    expect(await c.db.rejections.count()).toBe(0)
    expect(await c.db.announcements.get(a.id)).toMatchObject({
      title: 'Đã sửa theo góp ý',
      moderation: { status: 'pending' },
    })
  })

  it('lets the province win on programs and clusters it changed, and never overwrites a pending edit', async () => {
    const c = await province.client()
    const a = await localCreate(c.db, 'Của xã')
    await syncToQuiescence(c.engine, c.db)
    expect(await c.db.clusters.get('cl-005')).toMatchObject({ origin: 'province', serverVersion: 1 })
    const program = (await communeState(province.url)).records['program:pg-003']?.data
    await call(province.url, 'POST', '/__test__/province', {
      body: { communeId: DEMO_COMMUNE.id, edit: { action: 'put', record: { ...program, title: 'Đổi tên từ tỉnh' } } },
    })
    await call(province.url, 'POST', '/__test__/province', {
      body: { communeId: DEMO_COMMUNE.id, edit: { action: 'delete', entity: 'cluster', id: 'cl-005' } },
    })
    await moderate(a.id, 'rejected')
    await localRename(c.db, a.id, 'Đang sửa, chưa gửi')
    // a pull before the push: the province's changes land, the unsent edit stays on screen
    expect(await pullStep(stepContext(c))).toEqual({ ok: true })
    expect((await c.db.programs.get('pg-003'))?.title).toBe('Đổi tên từ tỉnh')
    expect(await c.db.clusters.get('cl-005')).toBeUndefined()
    expect((await c.db.announcements.get(a.id))?.title).toBe('Đang sửa, chưa gửi')
    await syncToQuiescence(c.engine, c.db)
    expect(await c.db.announcements.get(a.id)).toMatchObject({
      title: 'Đang sửa, chưa gửi',
      moderation: { status: 'pending' },
    })
    expect(serverAnnouncements(await communeState(province.url))).toEqual(await clientAnnouncements(c.db))
  })
})
