import { describe, expect, it } from 'vitest'
import { clusterOverview, type OverviewCluster } from '../../../../src/shared/reports/overview'

const NOW = Date.parse('2025-12-01T00:00:00.000Z')
const daysAgo = (d: number): string => new Date(NOW - d * 86_400_000).toISOString()

const c = (
  code: string,
  technology: OverviewCluster['technology'],
  status: OverviewCluster['status'],
  hamlet: string,
  lastEventAt: string | null,
): OverviewCluster => ({ id: `id-${code}`, code, name: `Cụm ${code}`, technology, status, hamlet, lastEventAt })

const registry: OverviewCluster[] = [
  c('W1', 'wired', 'working', 'Ấp Một', daysAgo(1)),
  c('W2', 'wired', 'faulty', 'Ấp Một', daysAgo(40)),
  c('W3', 'wired', 'working', 'Ấp Hai', daysAgo(30)),
  c('F1', 'fm', 'faulty', 'Ấp Ba', null),
  c('F2', 'fm', 'removed', 'Ấp Ba', daysAgo(400)),
  c('I1', 'ip', 'working', '', daysAgo(29)),
]

describe('reports/overview', () => {
  it('counts clusters and the working share per technology', () => {
    const o = clusterOverview(registry, { nowMs: NOW })
    expect(o.byTechnology).toEqual([
      { technology: 'wired', total: 3, inService: 3, working: 2, faulty: 1, removed: 0 },
      { technology: 'fm', total: 2, inService: 1, working: 0, faulty: 1, removed: 1 },
      { technology: 'ip', total: 1, inService: 1, working: 1, faulty: 0, removed: 0 },
    ])
    expect(o.all).toEqual({ total: 6, inService: 5, working: 3, faulty: 2, removed: 1 })
  })

  it('lists hamlets whose clusters are all faulty or removed', () => {
    expect(clusterOverview(registry, { nowMs: NOW }).hamletsWithoutWorking).toEqual(['Ấp Ba'])
  })

  it('lists clusters in service not seen for 30 days by default, never-seen first, removed ones left out', () => {
    const o = clusterOverview(registry, { nowMs: NOW })
    expect(o.notSeenDays).toBe(30)
    expect(o.notSeen.map((n) => [n.code, n.daysSince])).toEqual([
      ['F1', null],
      ['W2', 40],
      ['W3', 30],
    ])
  })

  it('takes another number of days when asked', () => {
    const o = clusterOverview(registry, { nowMs: NOW, notSeenDays: 35 })
    expect(o.notSeen.map((n) => n.code)).toEqual(['F1', 'W2'])
  })

  it('gives zero figures and no lists for an empty registry', () => {
    const o = clusterOverview([], { nowMs: NOW })
    expect(o.all).toEqual({ total: 0, inService: 0, working: 0, faulty: 0, removed: 0 })
    expect(o.hamletsWithoutWorking).toEqual([])
    expect(o.notSeen).toEqual([])
  })
})
