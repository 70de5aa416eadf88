import { describe, expect, it } from 'vitest'
import type { Violation } from '../../../../../src/shared/onair/policy'
import { groupViolations, isProvinceWithoutAudio } from '../../../../../src/renderer/features/schedule/violation-groups'

const D = '2026-11-23'

describe('features/schedule/violation-groups: one warning per real problem', () => {
  it('folds eight items of one unmatched province session into one line with the count', () => {
    const eight: Violation[] = Array.from({ length: 8 }, (_, n) => ({
      kind: 'unknown-session',
      date: D,
      placementId: `p${n}`,
      sessionId: n < 5 ? 'morning' : 'evening',
      origin: 'province',
    }))
    const groups = groupViolations(eight)
    expect(groups.map((g) => [g.violation.kind, 'sessionId' in g.violation && g.violation.sessionId, g.count])).toEqual(
      [
        ['unknown-session', 'morning', 5],
        ['unknown-session', 'evening', 3],
      ],
    )
  })

  it('lists the titles of missing files of one session once each, and keeps different problems apart', () => {
    const missing = (placementId: string, title: string, reason: 'no-file' | 'not-rendered'): Violation => ({
      kind: 'missing-media',
      date: D,
      sessionId: 'sang',
      placementId,
      title,
      reason,
    })
    const groups = groupViolations([
      missing('a', 'Tin A', 'no-file'),
      missing('b', 'Tin B', 'no-file'),
      missing('a2', 'Tin A', 'no-file'),
      missing('c', 'Bản tin nháp', 'not-rendered'),
      { kind: 'over-length', date: D, sessionId: 'sang', plannedMs: 1, limitMs: 0, limit: 'session' },
    ])
    expect(groups.map((g) => [g.violation.kind, g.count, g.titles])).toEqual([
      ['missing-media', 3, ['Tin A', 'Tin B']],
      ['missing-media', 1, ['Bản tin nháp']],
      ['over-length', 1, []],
    ])
  })

  it('tells a province program without audio on this computer from the station’s own missing file', () => {
    const base = { kind: 'missing-media', date: D, sessionId: 'sang', placementId: 'p', title: 'T' } as const
    expect(isProvinceWithoutAudio({ ...base, reason: 'not-rendered', origin: 'province' })).toBe(true)
    expect(isProvinceWithoutAudio({ ...base, reason: 'no-file', origin: 'province' })).toBe(true)
    expect(isProvinceWithoutAudio({ ...base, reason: 'no-library-item', origin: 'province' })).toBe(false)
    expect(isProvinceWithoutAudio({ ...base, reason: 'no-file' })).toBe(false)
  })
})
