/**
 * A week of the province's schedule pulled by the sync engine, the download plan read from the
 * local database (prefetch-source.ts) and followed by main's download service: every placed
 * programme's audio arrives and hashes to its name, and the coverage the status bar shows says 7
 * days. Reference province server, real Dexie (fake-indexeddb), real media store.
 */
import { describe, expect, it } from 'vitest'
import { readPrefetch } from '../../../src/renderer/sync/app/prefetch-source'
import { addDays, instantOf, localDateAt } from '../../../src/shared/onair/station-time'
import { coverage } from '../../../src/shared/prefetch/plan'
import type { Schedule } from '../../../src/shared/province/entities'
import { DEMO_COMMUNE } from '../../province-server/demo-seed'
import { signIn, testPost } from '../province-server/helpers'
import { publishWithAudio } from '../province-server/publish'
import { syncToQuiescence } from '../sync/helpers'
import { useProvinceServer } from '../sync/server-fixture'
import { tempDirs } from '../../unit/helpers/temp-dir'
import { startLaptop, stateOf, storedHash, until, wavOfSize } from './download-fixture'

const province = useProvinceServer({ restore: true })
const dirs = tempDirs('daixa-week-')

const uuid = (n: number): string => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`

/** The province places two programmes in the evening session of `date` (17:00, 17:10). */
function eveningSchedule(n: number, date: string, programs: [string, string]): Schedule {
  return {
    entity: 'schedule',
    id: uuid(900 + n),
    version: 1,
    updatedAt: new Date().toISOString(),
    date,
    sessionId: 'evening',
    timeZone: 'Asia/Ho_Chi_Minh',
    clusterIds: ['cl-001', 'cl-002'],
    items: programs.map((id, i) => ({
      id: uuid(950 + n * 2 + i),
      target: { kind: 'program' as const, id },
      startAt: new Date(instantOf(date, '17:00') + i * 10 * 60_000).toISOString(),
      durationMs: 5 * 60_000,
    })),
    note: '',
    status: 'active',
    cancelledReason: null,
    origin: 'province',
  }
}

describe('a week of province schedule, its audio on the laptop', () => {
  it('pulls 7 days, downloads and verifies every placed programme, and covers 7 days', async () => {
    const today = localDateAt(Date.now())
    const hashes: string[] = []
    for (let day = 0; day < 7; day++) {
      const ids: [string, string] = [`pg-w${day}a`, `pg-w${day}b`]
      for (const [i, id] of ids.entries()) {
        const program = await publishWithAudio(
          province.url,
          { id, durationMs: 300_000 },
          wavOfSize(40_000, 500 + day * 2 + i),
        )
        hashes.push(program.mediaHash ?? '')
      }
      // today's evening may already be over: then day 0 is tomorrow's and the week runs one day on
      const date = addDays(today, Date.now() > instantOf(today, '17:00') ? day + 1 : day)
      const answer = await testPost(province.url, 'province', {
        communeId: DEMO_COMMUNE.id,
        edit: { action: 'put', record: eveningSchedule(day, date, ids) },
      })
      expect(answer.status).toBe(200)
    }
    const c = await province.client()
    await syncToQuiescence(c.engine, c.db)

    const { days, plan } = await readPrefetch(c.db, Date.now(), 8)
    const placed = plan.items.filter((w) => w.rank === 'placed')
    expect(new Set(placed.map((w) => w.hash))).toEqual(new Set(hashes))
    expect(placed.every((w) => w.isProtected && w.sizeBytes === 40_000)).toBe(true)

    const laptop = await startLaptop(await dirs.make(), {
      baseUrl: province.url,
      token: (await signIn(province.url)).accessToken,
    })
    try {
      await laptop.service.plan(plan)
      await until(() => hashes.every((h) => stateOf(laptop, h)?.state === 'present'), 'every placed file')
      for (const hash of hashes) expect(await storedHash(laptop, hash)).toBe(hash)
      const isHere = (hash: string) => laptop.store.has(hash)
      const covered = coverage(days, isHere, Date.now())
      expect(covered.daysCovered).toBe(Date.now() > instantOf(today, '17:00') ? 8 : 7)
      expect(covered.soonMissing).toEqual([])
      // one file gone: the coverage stops at its day and, if it is within 24 h, warns
      const lost = hashes[2] ?? ''
      await laptop.store.remove(lost)
      expect(coverage(days, (h) => h !== lost && isHere(h), Date.now()).daysCovered).toBeLessThan(covered.daysCovered)
    } finally {
      await laptop.service.stop()
      await dirs.cleanup()
    }
  })
})
