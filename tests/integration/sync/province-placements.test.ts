/**
 * The province's schedule after the first sync, against the reference province server's demo
 * commune (its sessions `morning` 05:30–06:15 and `evening` 17:00–17:45; three schedules for
 * today): every province item lands in the station's Buổi sáng or Buổi chiều, no warning says a
 * session is gone, and once the province gives a program audio that this computer holds, it is in
 * the rundown automatic playout plays, at the session's start, ahead of the station's own items.
 */
import { describe, expect, it } from 'vitest'
import { planDayFromDb, rundownForDay } from '../../../src/renderer/db/queries/schedule'
import { loadRundownSources, loadPolicy } from '../../../src/renderer/db/queries/schedule'
import { checkDay } from '../../../src/shared/onair/policy'
import type { Program } from '../../../src/shared/province/entities'
import { instantOf, localDateAt } from '../../../src/shared/onair/station-time'
import { isProvinceWithoutAudio } from '../../../src/renderer/features/schedule/violation-groups'
import { DEMO_COMMUNE } from '../../province-server/demo-seed'
import { testPost } from '../province-server/helpers'
import { communeState, syncToQuiescence } from './helpers'
import { useProvinceServer } from './server-fixture'

const province = useProvinceServer({ restore: true })
const HASH = 'c'.repeat(64)

describe('province schedules land in the station’s sessions after the first sync', () => {
  it('maps morning → Buổi sáng and evening → Buổi chiều, with no false warning, and plays what has audio', async () => {
    const c = await province.client()
    await syncToQuiescence(c.engine, c.db)
    const today = localDateAt(Date.now())

    expect((await c.db.station.get('station'))?.sessions?.map((s) => s.id)).toEqual(['morning', 'evening'])
    const planned = await planDayFromDb(c.db, today)
    const leftOutIn = (id: string) => planned.find((p) => p.template.id === id)?.problems.map((p) => p.title) ?? []
    // the demo programs have no audio yet: each is listed in its session, none plays
    expect(leftOutIn('sang')).toHaveLength(5)
    expect(leftOutIn('chieu')).toHaveLength(3)
    expect(leftOutIn('trua')).toEqual([])
    expect(planned.flatMap((p) => p.problems).every(isProvinceWithoutAudio)).toBe(true)
    const sources = await loadRundownSources(c.db, today, today)
    const warnings = checkDay(today, sources, await loadPolicy(c.db)).filter((v) => !isProvinceWithoutAudio(v))
    expect(warnings).toEqual([])

    // the province gives pg-006 audio; this computer holds that file
    const state = await communeState(province.url)
    const program = state.records['program:pg-006']?.data as Program
    await testPost(province.url, 'province', {
      communeId: DEMO_COMMUNE.id,
      edit: { action: 'put', record: { ...program, mediaHash: HASH, version: program.version } },
    })
    await c.db.mediaAssets.put({ hash: HASH, durationMs: 300_000 } as never)
    await syncToQuiescence(c.engine, c.db)

    const rundown = await rundownForDay(c.db, today)
    const sang = rundown.find((s) => s.sessionId === 'sang')
    expect(sang?.items.map((i) => [i.targetId, i.plannedStartMs - instantOf(today, '05:30'), i.source])).toEqual([
      ['pg-006', 0, 'relay-provincial'],
    ])
  })
})
