import { describe, expect, it } from 'vitest'
import { computeReport } from '../../../../src/shared/reports/compute'
import { formatDuration } from '../../../../src/shared/reports/format'
import type { StationReport } from '../../../../src/shared/reports/report'
import { reportInputSchema } from '../../../../src/shared/reports/report-input'
import { at, fixtureInput, plays } from './fixture'

const S = 1000
const MIN = 60 * S
const ry = (year: number): StationReport => computeReport(fixtureInput(), { kind: 'reporting-year', year })
const sources = (r: StationReport): Record<string, number> =>
  Object.fromEntries(r.airtime.bySource.map((s) => [s.source, s.ms]))

describe('computeReport', () => {
  it('splits broadcast time by source, clipped to reporting year 2025 (15/12/2024 – 14/12/2025)', () => {
    const r = ry(2025)
    expect(r.period.startUtc).toBe('2024-12-14T17:00:00.000Z')
    expect(r.period.endUtc).toBe('2025-12-14T17:00:00.000Z')
    expect(sources(r)).toEqual({
      // p1 12:30 + p4 20:45 + p5 3:10 (interrupted, still aired) + p12 20:00 = 56 min 25 s
      own: 56 * MIN + 25 * S,
      // p2 23:30 → 01:15 crosses midnight inside the year: 30 + 75 = 105 min
      'relay-national-radio': 105 * MIN,
      // p8 23:00 (14/12/2024) → 00:30: only 00:00–00:30 is in reporting year 2025
      'relay-national-tv': 30 * MIN,
      // p3 60 min + p13 5 min
      'relay-provincial': 65 * MIN,
      // p9 23:40 (14/12/2025) → 00:20: only 23:40–24:00 is in reporting year 2025
      'relay-district': 20 * MIN,
    })
    // 56:25 + 105 + 30 + 65 + 20 = 276 min 25 s, shown rounded as 4 h 36 min
    expect(r.airtime.totalMs).toBe(276 * MIN + 25 * S)
    expect(formatDuration(r.airtime.totalMs, 'vi')).toBe('4 giờ 36 phút')
  })

  it('gives the other parts of boundary-crossing items to the neighbouring reporting years', () => {
    const before = ry(2024)
    const after = ry(2026)
    // p8: 60 of its 90 minutes fall before 15/12/2024 00:00; p11 (10/12/2024) is 10 min of own news
    expect(sources(before)['relay-national-tv']).toBe(60 * MIN)
    expect(before.airtime.totalMs).toBe(70 * MIN)
    // p9: 20 of its 40 minutes fall after 15/12/2025 00:00; p10 (20/12/2025) is 10 min of own news
    expect(sources(after)['relay-district']).toBe(20 * MIN)
    expect(after.airtime.totalMs).toBe(30 * MIN)
    // each crossing item is counted as one broadcast, in the year it started
    expect(before.log.broadcasts).toBe(2) // p8, p11
    expect(ry(2025).log.broadcasts).toBe(8) // p1 p2 p3 p4 p5 p9 p12 p13 (not p8)
    expect(after.log.broadcasts).toBe(1) // p10 (not p9)
  })

  it('counts minutes per language by primary subtag and totals the minority languages', () => {
    const r = ry(2025)
    // km: p3 60:00 + p4 20:45 = 80 min 45 s; vi (incl. p12 tagged vi-VN): 276:25 − 80:45 = 195 min 40 s
    expect(r.airtime.byLanguage).toEqual([
      { language: 'vi', ms: 195 * MIN + 40 * S, isMinority: false },
      { language: 'km', ms: 80 * MIN + 45 * S, isMinority: true },
    ])
    expect(r.airtime.minorityMs).toBe(80 * MIN + 45 * S)
    expect(formatDuration(r.airtime.minorityMs, 'vi')).toBe('1 giờ 21 phút')
  })

  it('counts minutes per category, longest first', () => {
    expect(ry(2025).airtime.byCategory).toEqual([
      { category: 'Thời sự', ms: 195 * MIN }, // p2 105 + p3 60 + p8 30
      { category: 'Nông nghiệp', ms: 32 * MIN + 30 * S }, // p1 12:30 + p12 20:00
      { category: 'Y tế', ms: 20 * MIN + 45 * S }, // p4
      { category: 'Văn hóa', ms: 20 * MIN }, // p9
      { category: 'Phòng chống thiên tai', ms: 5 * MIN }, // p13
      { category: 'An ninh trật tự', ms: 3 * MIN + 10 * S }, // p5
    ])
  })

  it('counts produced items from the approved library and broadcasts from the log', () => {
    const r = ry(2025)
    expect(r.content).toEqual([
      // L6 produced; relays p2, p3, p9 (p8 started in 2024)
      { kind: 'program', produced: 1, ownBroadcasts: 0, upstreamBroadcasts: 3 },
      // L1 and L2 (created at 15/12/2024 00:00 exactly; L9 one second earlier is 2024's); p1 own, p13 relayed
      { kind: 'news', produced: 2, ownBroadcasts: 1, upstreamBroadcasts: 1 },
      // L3 (14/12/2025 23:59; L4 at 15/12 00:00 is 2026's); p4 (p7 failed)
      { kind: 'article', produced: 1, ownBroadcasts: 1, upstreamBroadcasts: 0 },
      // L7 (L5 is a draft); p5
      { kind: 'notice', produced: 1, ownBroadcasts: 1, upstreamBroadcasts: 0 },
      // L8 awaits approval; p12
      { kind: 'feature', produced: 0, ownBroadcasts: 1, upstreamBroadcasts: 0 },
    ])
    // L7 is an emergency notice; p5 own emergency, p13 provincial emergency
    expect(r.emergency).toEqual({ produced: 1, ownBroadcasts: 1, upstreamBroadcasts: 1 })
  })

  it('does not count skipped or failed items as broadcast time', () => {
    const r = ry(2025)
    expect(r.log).toEqual({ broadcasts: 8, interrupted: 1, skipped: 1, failed: 1, missingTimes: 0 })
    const withoutThem = computeReport(
      { ...fixtureInput(), plays: fixtureInput().plays.filter((p) => p.id !== 'p6' && p.id !== 'p7') },
      { kind: 'reporting-year', year: 2025 },
    )
    expect(withoutThem.airtime).toEqual(r.airtime)
  })

  it('counts a played entry without times as missing, not as time', () => {
    const input = fixtureInput()
    const p1 = input.plays[0]
    if (p1 === undefined) throw new Error('fixture changed')
    input.plays[0] = { ...p1, actualEnd: null }
    const r = computeReport(input, { kind: 'reporting-year', year: 2025 })
    expect(r.log.missingTimes).toBe(1)
    expect(r.airtime.totalMs).toBe(276 * MIN + 25 * S - (12 * MIN + 30 * S))
  })

  it('reports clusters at the period end from their status history', () => {
    const c = ry(2025).clusters
    expect(c.asOfUtc).toBe('2025-12-14T17:00:00.000Z')
    expect(c.byTechnology).toEqual([
      // C1 faulty since 01/05/2025, C2 working
      { technology: 'wired', total: 2, inService: 2, working: 1, faulty: 1, removed: 0 },
      // C3 repaired 14/12 23:00; C4 removed only at 15/12 00:00 (next year); C8 faulty
      { technology: 'fm', total: 3, inService: 3, working: 2, faulty: 1, removed: 0 },
      // C5 removed 01/11/2025; C6 registered in 2026: not counted; C7 no history: current status faulty
      { technology: 'ip', total: 2, inService: 1, working: 0, faulty: 1, removed: 1 },
    ])
    expect(c.all).toEqual({ total: 7, inService: 6, working: 3, faulty: 3, removed: 1 })
    // Ấp Ba: C5 removed, C8 faulty; Ấp Bốn: C7 faulty (C6 not yet there)
    expect(c.hamletsWithoutWorking).toEqual(['Ấp Ba', 'Ấp Bốn'])
    expect(c.withoutHistory).toBe(1)
  })

  it('reports the status that held a year earlier', () => {
    const c = ry(2024).clusters
    // 15/12/2024 00:00: C1 C2 C3 C4 working; C5 and C6 not registered yet; C7 (no history) and C8 faulty
    expect(c.all).toEqual({ total: 6, inService: 6, working: 4, faulty: 2, removed: 0 })
    expect(c.hamletsWithoutWorking).toEqual(['Ấp Ba', 'Ấp Bốn'])
  })

  it('splits an item crossing midnight at the month boundary between the two months', () => {
    const month = (m: number): StationReport => computeReport(fixtureInput(), { kind: 'month', year: 2025, month: m })
    // p12 31/01 23:50 → 01/02 00:10
    expect(month(1).airtime.totalMs).toBe(10 * MIN)
    expect(month(2).airtime.totalMs).toBe(10 * MIN)
    expect(month(1).content.find((c) => c.kind === 'feature')?.ownBroadcasts).toBe(1)
    expect(month(2).log.broadcasts).toBe(0)
    // March: p1 12:30 + p2 105:00 (crossing midnight 10 → 11 March, wholly inside the month)
    expect(month(3).airtime.totalMs).toBe(117 * MIN + 30 * S)
  })

  it('computes quarter and calendar-year periods from the same log', () => {
    const q2 = computeReport(fixtureInput(), { kind: 'quarter', year: 2025, quarter: 2 })
    // p3 60:00 + p4 20:45, both Khmer
    expect(q2.airtime.totalMs).toBe(80 * MIN + 45 * S)
    expect(q2.airtime.minorityMs).toBe(q2.airtime.totalMs)
    const y2025 = computeReport(fixtureInput(), { kind: 'year', year: 2025 })
    // calendar 2025: p9 whole (40 min) and p10 (10 min) are in; p8 (December 2024) is out
    expect(sources(y2025)['relay-district']).toBe(40 * MIN)
    expect(sources(y2025)['relay-national-tv']).toBe(0)
    expect(sources(y2025).own).toBe(56 * MIN + 25 * S + 10 * MIN)
  })

  it('gives the same report whatever the order of the log rows', () => {
    const input = fixtureInput()
    const reversed = { ...input, plays: [...input.plays].reverse(), library: [...input.library].reverse() }
    expect(computeReport(reversed, { kind: 'reporting-year', year: 2025 })).toEqual(ry(2025))
  })

  it('rejects a log row that ends before it starts, and a malformed language tag', () => {
    const p1 = plays[0]
    if (p1 === undefined) throw new Error('fixture changed')
    const bad = { ...p1, actualEnd: at('2025-03-10T05:29') } // a minute before it started
    expect(reportInputSchema.safeParse({ plays: [bad], library: [], clusters: [], clusterEvents: [] }).success).toBe(
      false,
    )
    const badTag = { ...p1, language: 'tiếng Việt' }
    expect(reportInputSchema.safeParse({ plays: [badTag], library: [], clusters: [], clusterEvents: [] }).success).toBe(
      false,
    )
  })
})
