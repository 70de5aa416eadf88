import { describe, expect, it } from 'vitest'
import type { RundownItem, RundownSession } from '../../../../src/shared/onair/rundown'
import { coverage, prefetchWants, type PlannedDay, type ProgrammeFacts } from '../../../../src/shared/prefetch/plan'
import { decideBudget } from '../../../../src/shared/prefetch/budget'

const NOW = Date.parse('2026-12-08T00:00:00Z')
const H = 3_600_000
const hash = (c: string) => c.repeat(64)

function programme(id: string, over: Partial<ProgrammeFacts> = {}): ProgrammeFacts {
  return {
    id,
    title: id,
    priority: 'normal',
    status: 'active',
    validToMs: null,
    updatedAt: '2026-12-01T00:00:00Z',
    mediaHash: hash(id.slice(-1)),
    mediaSize: 1000,
    durationMs: 60_000,
    ...over,
  }
}

function item(id: string, target: string, mediaHash: string | null, startMs: number): RundownItem {
  return {
    id,
    scheduleId: 's',
    targetId: target,
    kind: 'program',
    title: target,
    mediaHash,
    relayUrl: null,
    plannedStartMs: startMs,
    durationMs: 60_000,
    priority: 'normal',
    source: 'relay-provincial',
    contentKind: 'program',
    language: 'vi',
    category: '',
  }
}

const session = (id: string, startMs: number, items: RundownItem[]): RundownSession => ({
  sessionId: id,
  label: id,
  startMs,
  endMs: startMs + H,
  preRoll: [],
  postRoll: [],
  rds: null,
  items,
})

describe('prefetchWants', () => {
  it('orders placed (soonest first, protected), then emergency, priority and newest; skips withdrawn, expired and past', () => {
    const programmes = [
      programme('p1'),
      programme('p2'),
      programme('pe', { priority: 'emergency', mediaHash: hash('e') }),
      programme('pp', { priority: 'priority', mediaHash: hash('f') }),
      programme('pn', { updatedAt: '2026-12-07T00:00:00Z', mediaHash: hash('9') }),
      programme('pw', { status: 'withdrawn', mediaHash: hash('8') }),
      programme('px', { validToMs: NOW - 1, mediaHash: hash('7') }),
    ]
    const days: PlannedDay[] = [
      {
        date: '2026-12-08',
        sessions: [
          session('late', NOW + 5 * H, [item('i2', 'p2', hash('2'), NOW + 5 * H)]),
          session('early', NOW + H, [item('i1', 'p1', hash('1'), NOW + H), item('old', 'px', hash('7'), NOW - H)]),
        ],
      },
    ]
    const wants = prefetchWants(days, programmes, NOW)
    expect(wants.map((w) => [w.hash[0], w.rank, w.isProtected])).toEqual([
      ['1', 'placed', true],
      ['2', 'placed', true],
      ['e', 'emergency', false],
      ['f', 'priority', false],
      ['9', 'newest', false],
    ])
    expect(wants[0]).toMatchObject({ sizeBytes: 1000, durationMs: 60_000 })
  })
})

describe('coverage', () => {
  const days: PlannedDay[] = [0, 1, 2, 3].map((d) => ({
    date: `2026-12-0${8 + d}`,
    sessions:
      d === 3
        ? []
        : [
            session(`s${d}`, NOW + (d * 24 + 10) * H, [
              item(`i${d}`, `p${d}`, hash(String(d)), NOW + (d * 24 + 10) * H),
            ]),
          ],
  }))

  it('counts the days from today whose placed audio is all here, up to the last day with any', () => {
    expect(coverage(days, () => true, NOW).daysCovered).toBe(3)
    expect(coverage(days, (h) => h !== hash('1'), NOW).daysCovered).toBe(1)
    expect(coverage(days, (h) => h !== hash('0'), NOW).daysCovered).toBe(0)
  })

  it('warns of the sessions of the next 24 h with audio not here', () => {
    const soon = coverage(days, (h) => h !== hash('0') && h !== hash('1'), NOW).soonMissing
    expect(soon).toEqual([{ sessionId: 's0', label: 's0', startMs: NOW + 10 * H, titles: ['p0'] }])
  })
})

describe('decideBudget', () => {
  it('takes protected files over the budget, holds others, releases held files nothing wants', () => {
    const w = (c: string, isProtected: boolean) => ({
      hash: hash(c),
      rank: 'placed' as const,
      sizeBytes: 600,
      durationMs: null,
      isProtected,
    })
    const decision = decideBudget({
      items: [w('1', true), w('2', true), w('3', false)],
      held: new Map([
        [hash('1'), 600],
        [hash('9'), 100],
        [hash('8'), 100],
      ]),
      keep: new Set([hash('8')]),
      budgetBytes: 1000,
    })
    expect(decision.take.map((x) => x.hash[0])).toEqual(['1', '2'])
    expect(decision.overBudget.map((x) => x.hash[0])).toEqual(['3'])
    expect(decision.release).toEqual([hash('9')])
  })
})
