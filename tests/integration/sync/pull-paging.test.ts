/**
 * Paged bootstrap against the reference server: pages are fetched one ahead of the page being
 * written, yet a link cut in the middle resumes at the first page not stored, each stored page is
 * fetched once, and a second bootstrap over rows already held keeps the commune's own cluster
 * fields.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { getCursor, putCursor } from '../../../src/renderer/db/queries/sync-state'
import { createHttpConnector } from '../../../src/renderer/sync/http-connector'
import { pullStep } from '../../../src/renderer/sync/pull-step'
import { DEMO_COMMUNE } from '../../province-server/demo-seed'
import { serverState, testPost } from '../province-server/helpers'
import { stepContext } from './helpers'
import { useProvinceServer } from './server-fixture'

// No restore between tests: both page through the bulk-enlarged commune.
const province = useProvinceServer()

beforeAll(async () => {
  await testPost(province.url, 'bulk', { communeId: DEMO_COMMUNE.id, programs: 37, clusters: 14 })
})

/** A fetch that counts bootstrap requests and fails the ones whose number is in `cutAt` (1-based). */
function countingFetch(cutAt: ReadonlySet<number>) {
  const seen = { bootstrap: 0, limits: [] as number[] }
  const fetchFn: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    if (url.pathname.endsWith('/bootstrap')) {
      seen.bootstrap++
      seen.limits.push(Number(url.searchParams.get('limit')))
      if (cutAt.has(seen.bootstrap)) throw new TypeError('fetch failed: the link was cut')
    }
    return fetch(input, init)
  }
  return { fetchFn, seen }
}

async function liveCounts() {
  const state = await serverState(province.url)
  const live = Object.values(state.records).filter((r) => r.data)
  return {
    programs: live.filter((r) => r.entity === 'program').length,
    clusters: live.filter((r) => r.entity === 'cluster').length,
    all: live.length,
  }
}

describe('paged bootstrap', () => {
  it('resumes at the first page not stored after a cut, fetching every stored page once', async () => {
    const c = await province.client()
    const want = await liveCounts()
    const total = want.programs + want.clusters + 1 // + the station
    const pages = Math.ceil(total / 10)
    const cut = countingFetch(new Set([4]))
    const ctx = {
      ...stepContext(c),
      connector: createHttpConnector({ baseUrl: province.url, timeoutMs: 3_000, fetch: cut.fetchFn }),
    }

    const first = await pullStep(ctx, { pageLimit: 10 })
    expect(first.ok).toBe(false)
    // Pages 0–2 are stored with the cursor of page 3; page 3 (fetched ahead) never arrived.
    expect(await getCursor(c.db)).toMatchObject({ kind: 'bootstrap', page: 3 })
    // Records come in (entity, id) order: clusters, programs, then the station.
    expect((await c.db.programs.count()) + (await c.db.clusters.count())).toBe(30)
    expect(cut.seen.bootstrap).toBe(4)

    const again = countingFetch(new Set())
    const resumed = { ...ctx, connector: createHttpConnector({ baseUrl: province.url, fetch: again.fetchFn }) }
    expect(await pullStep(resumed, { pageLimit: 10 })).toEqual({ ok: true })
    expect(again.seen.bootstrap).toBe(pages - 3)
    expect(await getCursor(c.db)).toMatchObject({ kind: 'pull' })
    expect(await c.db.programs.count()).toBe(want.programs)
    expect(await c.db.clusters.count()).toBe(want.clusters)
  })

  it('grows the pages on a fast link: 500, then 1000, then the API maximum', async () => {
    await testPost(province.url, 'bulk', { communeId: DEMO_COMMUNE.id, programs: 2_000, clusters: 1_000 })
    const c = await province.client()
    const want = await liveCounts()
    const { fetchFn, seen } = countingFetch(new Set())
    const pulled: string[] = []
    const ctx = {
      ...stepContext(c),
      connector: createHttpConnector({ baseUrl: province.url, fetch: fetchFn }),
      onPulled: (kind: string, records: number) => pulled.push(`${kind}:${records}`),
    }
    expect(await pullStep(ctx)).toEqual({ ok: true })
    // Progress is told page by page as pages are stored: every live record once.
    const told = pulled.map((p) => Number(p.split(':')[1]))
    expect(pulled.every((p) => p.startsWith('bootstrap:'))).toBe(true)
    expect(told.reduce((a, b) => a + b, 0)).toBe(want.all)
    // Loopback answers a page in well under a second: the next page asks for twice as many, up to
    // 2000 (a page slower than 1 s on a loaded machine keeps its size, so only the trend is fixed).
    expect(seen.limits[0]).toBe(500)
    expect(Math.max(...seen.limits)).toBe(2000)
    for (const [n, limit] of seen.limits.entries()) {
      const before = seen.limits[n - 1]
      if (before !== undefined) expect([before / 2, before, Math.min(2000, before * 2)]).toContain(limit)
    }
    expect(await c.db.programs.count()).toBe(want.programs)
    expect(await c.db.clusters.count()).toBe(want.clusters)
  })

  it('bootstraps again over rows already held, keeping the commune’s own cluster fields', async () => {
    const c = await province.client()
    expect(await pullStep(stepContext(c), { pageLimit: 10 })).toEqual({ ok: true })
    const [cluster] = await c.db.clusters.orderBy('id').limit(1).toArray()
    if (!cluster) throw new Error('no cluster was pulled')
    await c.db.clusters.update(cluster.id, { address: 'Cạnh nhà văn hóa ấp 3', yearInstalled: 2019 })
    const programsBefore = await c.db.programs.count()

    await putCursor(c.db, null)
    expect(await pullStep(stepContext(c), { pageLimit: 10 })).toEqual({ ok: true })

    expect(await c.db.programs.count()).toBe(programsBefore)
    expect(await c.db.clusters.get(cluster.id)).toMatchObject({
      address: 'Cạnh nhà văn hóa ấp 3',
      yearInstalled: 2019,
      serverVersion: cluster.serverVersion,
      name: cluster.name,
    })
  })
})
