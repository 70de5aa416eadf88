import { afterEach, describe, expect, it } from 'vitest'
import { pendingSummary } from '../../../src/renderer/db/queries/sync-status'
import { pullStep } from '../../../src/renderer/sync/pull-step'
import { DEMO_COMMUNE } from '../../province-server/demo-seed'
import { testPost } from '../province-server/helpers'
import {
  clientAnnouncements,
  communeState,
  faults,
  localCreate,
  localDelete,
  localRename,
  serverAnnouncements,
  stepContext,
  syncToQuiescence,
} from './helpers'
import { startLinkProxy, type LinkProxy } from '../../support/link-proxy'
import { useProvinceServer } from './server-fixture'

const province = useProvinceServer({ restore: true, healFaults: true })
let link: LinkProxy | null = null

afterEach(async () => {
  await link?.close()
  link = null
})

describe('sync engine against the reference province server', () => {
  it('keeps offline edits and sends them all when the link comes back', async () => {
    link = await startLinkProxy({ targetPort: Number(new URL(province.url).port) })
    const c = await province.client({ url: link.url })
    expect((await c.engine.syncNow()).ok).toBe(true)
    expect(await c.db.programs.count()).toBe(20)
    expect(await c.db.clusters.count()).toBeGreaterThan(30)

    link.down()
    const a = await localCreate(c.db, 'Họp dân thôn 3')
    const b = await localCreate(c.db, 'Tiêm chủng')
    await localRename(c.db, a.id, 'Họp dân thôn 3 — đổi giờ')
    await localDelete(c.db, b.id)
    const offline = await c.engine.syncNow()
    expect(offline).toMatchObject({ ok: false, phase: 'push', error: { code: 'network', retryable: true } })
    expect(c.engine.status()).toMatchObject({ connectivity: 'offline', pendingCount: 4 })
    expect(c.engine.status().oldestPendingAt).not.toBeNull()
    // The first change of each record went out once and got no answer; the later ones wait behind.
    const attempts = (await c.db.outbox.orderBy('createdAt').toArray()).map((e) => e.attempts)
    expect(attempts).toEqual([1, 1, 0, 0])
    expect(await pendingSummary(c.db)).toMatchObject({ count: 4, mostAttempts: 1 })

    link.up()
    await syncToQuiescence(c.engine, c.db)
    const state = await communeState(province.url)
    expect(serverAnnouncements(state)).toEqual(await clientAnnouncements(c.db))
    expect(serverAnnouncements(state).map((x) => x.title)).toEqual(['Họp dân thôn 3 — đổi giờ'])
    expect(state.records[`announcement:${b.id}`]?.deletedAt).not.toBeNull()
    expect(c.engine.status()).toMatchObject({ connectivity: 'online', pendingCount: 0, lastError: null })
    expect(await c.db.rejections.count()).toBe(0)
  })

  it('tells how many records the first copy has stored while it runs, and nothing once idle', async () => {
    const c = await province.client()
    const seen: (string | null)[] = []
    const unsubscribe = c.engine.subscribe((status) => {
      const progress = status.pullProgress
      const shown = progress ? `${progress.kind}:${progress.records}` : null
      if (seen.at(-1) !== shown) seen.push(shown)
    })
    try {
      expect((await c.engine.syncNow()).ok).toBe(true)
    } finally {
      unsubscribe()
    }
    const stored = (await c.db.programs.count()) + (await c.db.clusters.count())
    const told = seen.filter((x): x is string => x !== null)
    expect(told.length).toBeGreaterThan(0)
    expect(told.every((x) => x.startsWith('bootstrap:'))).toBe(true)
    // The last figure holds every program and cluster (and the station, schedules, announcements).
    expect(Number(told.at(-1)?.split(':')[1])).toBeGreaterThanOrEqual(stored)
    expect(seen.at(-1)).toBeNull()
    expect(c.engine.status().pullProgress).toBeNull()
  })

  it('measures how far the laptop clock is from the province clock, to the second', async () => {
    await faults(province.url, { clockOffsetMs: 7 * 60_000 })
    const c = await province.client()
    expect((await c.engine.syncNow()).ok).toBe(true)
    const offset = c.engine.status().serverClockOffsetMs ?? 0
    // The province says it is 7 minutes later than this computer (plus the answers' latency).
    expect(Math.abs(offset - 7 * 60_000)).toBeLessThan(5_000)
  })

  it('applies a batch once when the same batch is sent twice', async () => {
    const c = await province.client()
    await c.engine.syncNow()
    const a = await localCreate(c.db, 'Một')
    await localRename(c.db, a.id, 'Một (sửa)')
    const sent = await c.db.outbox.toArray()
    await syncToQuiescence(c.engine, c.db)
    await c.db.outbox.bulkAdd(sent)
    await syncToQuiescence(c.engine, c.db)
    const state = await communeState(province.url)
    expect(serverAnnouncements(state)).toEqual(await clientAnnouncements(c.db))
    expect(state.records[`announcement:${a.id}`]?.version).toBe(2)
    for (const entry of sent) expect(state.receipts[entry.id]?.status).toBe('applied')
    expect(await c.db.rejections.count()).toBe(0)
  })

  it('does not apply twice when the answer is lost after the province committed', async () => {
    const c = await province.client()
    await c.engine.syncNow()
    const a = await localCreate(c.db, 'Mất trả lời')
    await faults(province.url, { script: [{ fault: 'drop-after-commit', path: '/v1/push' }] })
    const lost = await c.engine.syncNow()
    expect(lost).toMatchObject({ ok: false, error: { code: 'network' } })
    expect(await c.db.outbox.count()).toBe(1)
    const committed = await communeState(province.url)
    expect(committed.records[`announcement:${a.id}`]?.version).toBe(1)

    await syncToQuiescence(c.engine, c.db)
    const state = await communeState(province.url)
    expect(state.records[`announcement:${a.id}`]?.version).toBe(1)
    expect(serverAnnouncements(state)).toEqual(await clientAnnouncements(c.db))
  })

  it('bootstraps again on 410 past the horizon and keeps the outbox', async () => {
    const c = await province.client()
    await c.engine.syncNow()
    const a = await localCreate(c.db, 'Trước')
    await syncToQuiescence(c.engine, c.db)
    await testPost(province.url, 'province', {
      communeId: DEMO_COMMUNE.id,
      edit: { action: 'delete', entity: 'program', id: 'pg-002' },
    })
    await testPost(province.url, 'compact', { communeId: DEMO_COMMUNE.id, olderThanMs: 0 })
    await localRename(c.db, a.id, 'Sau (chưa gửi)')

    expect(await pullStep(stepContext(c))).toEqual({ ok: true })
    expect(await c.db.programs.get('pg-002')).toBeUndefined()
    expect(await c.db.outbox.count()).toBe(1)
    expect((await c.db.announcements.get(a.id))?.title).toBe('Sau (chưa gửi)')

    await syncToQuiescence(c.engine, c.db)
    const state = await communeState(province.url)
    expect(serverAnnouncements(state)).toEqual(await clientAnnouncements(c.db))
    expect(state.records[`announcement:${a.id}`]?.data).toMatchObject({ title: 'Sau (chưa gửi)', version: 2 })
  })
})
