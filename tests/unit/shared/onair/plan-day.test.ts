import { describe, expect, it } from 'vitest'
import { buildEmergencySession } from '../../../../src/shared/onair/emergency'
import { buildRundown, planDay } from '../../../../src/shared/onair/plan-day'
import { defaultSessions, type SessionTemplate } from '../../../../src/shared/onair/session'
import { instantOf } from '../../../../src/shared/onair/station-time'
import { MIN, ann, entry, libraryOf, once, ruled, sources } from './fixtures'

const DAY = '2026-11-23'

describe('plan-day', () => {
  it('places items gaplessly from the session start in the officer order when all are normal', () => {
    const lib = libraryOf(entry('a', 2), entry('b', 3), entry('c', 1))
    const rundown = buildRundown(
      DAY,
      sources(
        [
          once('sang', DAY, ann('b'), { order: 2 }),
          once('sang', DAY, ann('a'), { order: 1 }),
          once('sang', DAY, ann('c'), { order: 3 }),
        ],
        lib,
      ),
    )
    expect(rundown).toHaveLength(1)
    const [session] = rundown
    const start = instantOf(DAY, '05:30')
    expect(session?.startMs).toBe(start)
    expect(session?.startMs).toBe(Date.parse('2026-11-22T22:30:00Z'))
    expect(session?.items.map((i) => [i.targetId, i.plannedStartMs - start])).toEqual([
      ['a', 0],
      ['b', 2 * MIN],
      ['c', 5 * MIN],
    ])
  })

  it('puts priority items ahead of normal ones and keeps the officer order within a class', () => {
    const lib = libraryOf(entry('n1', 1), entry('p1', 1, { priority: 'priority' }), entry('n2', 1), entry('p2', 1))
    const [session] = buildRundown(
      DAY,
      sources(
        [
          once('trua', DAY, ann('n1'), { order: 1 }),
          once('trua', DAY, ann('p1'), { order: 4 }),
          once('trua', DAY, ann('n2'), { order: 2 }),
          once('trua', DAY, ann('p2'), { order: 3, priority: 'priority' }),
        ],
        lib,
      ),
    )
    expect(session?.items.map((i) => [i.targetId, i.priority])).toEqual([
      ['p2', 'priority'],
      ['p1', 'priority'],
      ['n1', 'normal'],
      ['n2', 'normal'],
    ])
  })

  it('builds relay and silence items with no media and snapshots library fields', () => {
    const lib = libraryOf(entry('x', 1, { language: 'km', category: 'Y tế', contentKind: 'news' }))
    const [session] = buildRundown(
      DAY,
      sources(
        [
          once('chieu', DAY, {
            kind: 'relay',
            title: 'VOV1',
            url: null,
            durationMs: 30 * MIN,
            source: 'relay-national-radio',
          }),
          once('chieu', DAY, { kind: 'silence', durationMs: 5000 }),
          once('chieu', DAY, ann('x')),
        ],
        lib,
      ),
    )
    expect(session?.items.map((i) => [i.kind, i.mediaHash === null, i.source])).toEqual([
      ['relay', true, 'relay-national-radio'],
      ['silence', true, 'own'],
      ['announcement', false, 'own'],
    ])
    expect(session?.items[2]).toMatchObject({ language: 'km', category: 'Y tế', contentKind: 'news' })
    expect(session?.items[2]?.id).toContain(`@${DAY}`)
  })

  it('leaves out items with no library entry or outside their validity, and reports them', () => {
    const validTo = instantOf(DAY, '17:01')
    const lib = libraryOf(
      entry('ok', 1),
      entry('late', 5, { validToMs: validTo }),
      entry('draft', 1, { mediaHash: null }),
    )
    const planned = planDay(
      DAY,
      sources(
        [
          once('chieu', DAY, ann('ok')),
          once('chieu', DAY, ann('late')),
          once('chieu', DAY, ann('gone')),
          once('chieu', DAY, ann('draft')),
        ],
        lib,
      ),
    )
    const chieu = planned.find((p) => p.template.id === 'chieu')
    expect(chieu?.rundown.items.map((i) => i.targetId)).toEqual(['ok'])
    expect(chieu?.problems.map((p) => [p.kind, 'reason' in p ? p.reason : ''])).toEqual([
      ['outside-validity', ''],
      ['missing-media', 'no-library-item'],
      ['missing-media', 'not-rendered'],
    ])
  })

  it('keeps an item whose file is missing but reports it', () => {
    const lib = libraryOf(entry('a', 1))
    const planned = planDay(DAY, { ...sources([once('sang', DAY, ann('a'))], lib), hasMedia: () => false })
    const sang = planned.find((p) => p.template.id === 'sang')
    expect(sang?.rundown.items).toHaveLength(1)
    expect(sang?.problems.map((p) => [p.kind, 'reason' in p ? p.reason : '', p.title])).toEqual([
      ['missing-media', 'no-file', 'Tin a'],
    ])
  })

  it('gives stable item ids per occurrence when a rule repeats', () => {
    const lib = libraryOf(entry('a', 1))
    const p = ruled('sang', DAY, 'FREQ=DAILY', ann('a'), { id: 'rule-1' })
    expect(buildRundown(DAY, sources([p], lib))[0]?.items[0]?.id).toBe(`rule-1@${DAY}`)
    expect(buildRundown('2026-11-24', sources([p], lib))[0]?.items[0]?.id).toBe('rule-1@2026-11-24')
  })

  it('orders pre-roll as device steps, zone codes, RDS name, and post-roll in reverse', () => {
    const sang: SessionTemplate = {
      ...defaultSessions()[0]!,
      preRoll: [
        { kind: 'relay', deviceId: 'r1', channel: 1, isOn: true },
        { kind: 'rf', deviceId: 'ex', isOn: true },
      ],
      postRoll: [
        { kind: 'rf', deviceId: 'ex', isOn: false },
        { kind: 'relay', deviceId: 'r1', channel: 1, isOn: false },
      ],
      zones: [{ name: 'Thôn 1', onCode: '*001#1', offCode: '*001#0' }],
      rds: { deviceId: 'rds1', ps: 'DAI XA' },
    }
    const [session] = buildRundown(DAY, sources([once('sang', DAY, ann('a'))], libraryOf(entry('a', 1)), [sang]))
    expect(session?.preRoll.map((a) => a.kind)).toEqual(['relay', 'rf', 'dtmf', 'rds-ps'])
    expect(session?.postRoll.map((a) => a.kind)).toEqual(['dtmf', 'rf', 'relay'])
  })

  it('builds an emergency mini-session that reaches every zone of every session', () => {
    const [a, b] = defaultSessions()
    const s1: SessionTemplate = {
      ...a!,
      preRoll: [{ kind: 'rf', deviceId: 'ex', isOn: true }],
      zones: [{ name: 'T1', onCode: '11', offCode: '10' }],
    }
    const s2: SessionTemplate = {
      ...b!,
      preRoll: [{ kind: 'rf', deviceId: 'ex', isOn: true }],
      zones: [{ name: 'T2', onCode: '21', offCode: null }],
    }
    const now = instantOf(DAY, '14:03')
    const e = buildEmergencySession({
      nowMs: now,
      sessions: [s1, s2],
      content: {
        targetId: 'x',
        kind: 'announcement',
        title: 'Bão số 9',
        mediaHash: 'f'.repeat(64),
        relayUrl: null,
        durationMs: 60_000,
        source: 'own',
        contentKind: 'notice',
        language: 'vi',
        category: '',
      },
    })
    expect(e.preRoll).toEqual([
      { kind: 'rf', deviceId: 'ex', isOn: true },
      // a zone without its own count is addressed twice
      { kind: 'dtmf', code: '11', repeat: 2 },
      { kind: 'dtmf', code: '21', repeat: 2 },
    ])
    expect(e.postRoll).toEqual([{ kind: 'dtmf', code: '10', repeat: 2 }])
    expect(e.items[0]).toMatchObject({ priority: 'emergency', plannedStartMs: now })
    expect(e.endMs - e.startMs).toBe(60_000)
  })
})
