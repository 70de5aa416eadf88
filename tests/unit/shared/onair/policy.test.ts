import { describe, expect, it } from 'vitest'
import {
  checkDay,
  checkRange,
  defaultPolicy,
  previewPlacement,
  type StationPolicy,
} from '../../../../src/shared/onair/policy'
import { defaultSessions } from '../../../../src/shared/onair/session'
import { MIN, ann, entry, libraryOf, once, ruled, sources } from './fixtures'

const MON = '2026-11-23'
const SAT = '2026-11-28'
const policy = (over: Partial<StationPolicy> = {}): StationPolicy => ({ ...defaultPolicy(), ...over })

describe('policy', () => {
  it('finds nothing wrong when a day fits every limit', () => {
    const lib = libraryOf(entry('a', 10))
    expect(checkDay(MON, sources([once('sang', MON, ann('a'))], lib), policy())).toEqual([])
  })

  it('flags a session over its booked length and over the policy maximum', () => {
    const lib = libraryOf(entry('a', 20), entry('b', 20))
    const v = checkDay(
      MON,
      sources([once('sang', MON, ann('a')), once('sang', MON, ann('b'))], lib),
      policy({ maxMinutesPerSession: 35 }),
    )
    expect(v).toEqual([
      { kind: 'over-length', date: MON, sessionId: 'sang', plannedMs: 40 * MIN, limitMs: 30 * MIN, limit: 'session' },
      { kind: 'over-length', date: MON, sessionId: 'sang', plannedMs: 40 * MIN, limitMs: 35 * MIN, limit: 'policy' },
    ])
  })

  it('does not count relays towards the policy minutes when the station says so', () => {
    const lib = libraryOf(entry('a', 10))
    const relay = once('sang', MON, {
      kind: 'relay',
      title: 'VOV1',
      url: null,
      durationMs: 20 * MIN,
      source: 'relay-national-radio',
    })
    const ps = sources([relay, once('sang', MON, ann('a'))], lib)
    expect(checkDay(MON, ps, policy({ maxMinutesPerSession: 15, isRelayCounted: false }))).toEqual([])
    expect(checkDay(MON, ps, policy({ maxMinutesPerSession: 15 })).map((v) => v.kind)).toEqual(['over-length'])
  })

  it('flags too many sessions in a day and a day the station may not broadcast', () => {
    const lib = libraryOf(entry('a', 1))
    const ps = sources(
      ['sang', 'trua', 'chieu'].map((s) => once(s, SAT, ann('a'))),
      lib,
    )
    const v = checkDay(SAT, ps, policy({ maxSessionsPerDay: 2, allowedDays: ['MO', 'TU', 'WE', 'TH', 'FR'] }))
    expect(v.map((x) => x.kind)).toEqual(['too-many-sessions', 'disallowed-day', 'disallowed-day', 'disallowed-day'])
    expect(v[1]).toMatchObject({ weekday: 'SA', sessionId: 'sang' })
  })

  it('flags an overlap when a session runs into the next one', () => {
    const [sang, trua] = defaultSessions()
    const sessions = [
      { ...sang!, start: '10:00', lengthMin: 45 },
      { ...trua!, start: '10:30' },
    ]
    const lib = libraryOf(entry('a', 1))
    const v = checkDay(
      MON,
      sources([once('sang', MON, ann('a')), once('trua', MON, ann('a'))], lib, sessions),
      policy(),
    )
    expect(v).toEqual([{ kind: 'overlap', date: MON, sessionId: 'sang', otherSessionId: 'trua', overlapMs: 15 * MIN }])
  })

  it('flags items outside their validity, missing media and an unknown session', () => {
    const lib = libraryOf(entry('old', 1, { validToMs: Date.parse('2026-11-01T00:00:00Z') }))
    const v = checkDay(
      MON,
      sources([once('sang', MON, ann('old')), once('sang', MON, ann('nope')), once('dem', MON, ann('old'))], lib),
      policy(),
    )
    expect(v.map((x) => x.kind)).toEqual(['outside-validity', 'missing-media', 'unknown-session'])
  })

  it('checks a week day by day when a rule repeats over it', () => {
    const lib = libraryOf(entry('long', 40))
    const ps = sources([ruled('chieu', MON, 'FREQ=WEEKLY;BYDAY=MO,WE,FR', ann('long'))], lib)
    const v = checkRange(MON, '2026-11-29', ps, policy())
    expect(v.filter((x) => x.kind === 'over-length').map((x) => x.date)).toEqual([MON, '2026-11-25', '2026-11-27'])
  })

  it('previews only what a new placement would cause before it is saved', () => {
    const lib = libraryOf(entry('a', 25), entry('b', 10))
    const existing = ruled('sang', MON, 'FREQ=DAILY', ann('a'))
    const draft = ruled('sang', MON, 'FREQ=WEEKLY;BYDAY=TU;COUNT=2', ann('b'), { id: 'draft' })
    const v = previewPlacement(draft, sources([existing], lib), policy(), MON, 31)
    expect(v.map((x) => [x.kind, x.date])).toEqual([
      ['over-length', '2026-11-24'],
      ['over-length', '2026-12-01'],
    ])
  })
})
