import { describe, expect, it } from 'vitest'
import { defaultSessions, type SessionTemplate } from '../../../../src/shared/onair/session'
import {
  bestSession,
  mapProvinceSessions,
  sessionResolver,
  type ProvinceSession,
} from '../../../../src/shared/onair/session-map'

const station = defaultSessions() // sang 05:30, trua 11:00, chieu 17:00, 30 min each
const province: ProvinceSession[] = [
  { id: 'morning', label: 'Buổi sáng', start: '05:30', end: '06:15' },
  { id: 'evening', label: 'Buổi chiều', start: '17:00', end: '17:45' },
]
const none = new Map<string, string | null>()
const at = (h: number, m: number) => h * 60 + m

describe('session-map: province session keys → station sessions', () => {
  it('maps the demo commune’s morning and evening by their time windows', () => {
    const mapped = mapProvinceSessions({
      stationSessions: station,
      provinceSessions: province,
      overrides: {},
      seenKeys: none,
    })
    expect(mapped.map((m) => [m.provinceKey, m.stationSessionId, m.by])).toEqual([
      ['morning', 'sang', 'time-window'],
      ['evening', 'chieu', 'time-window'],
    ])
    const resolve = sessionResolver(mapped)
    expect(resolve('morning')).toBe('sang')
    expect(resolve('unknown')).toBeNull()
  })

  it('takes the largest overlap, then the nearest slot within an hour, else none', () => {
    // 10:45–11:20 overlaps trua (11:00–11:30) by 20 min
    expect(bestSession({ from: at(10, 45), to: at(11, 20) }, station)).toBe('trua')
    // 11:30–12:00 touches trua's end: no overlap, 0 min apart
    expect(bestSession({ from: at(11, 30), to: at(12, 0) }, station)).toBe('trua')
    // 06:45–07:00 is 45 min after sang's end: the nearest within an hour
    expect(bestSession({ from: at(6, 45), to: at(7, 0) }, station)).toBe('sang')
    // 14:00–14:30 is 2 h 30 from trua and chieu: matches nothing
    expect(bestSession({ from: at(14, 0), to: at(14, 30) }, station)).toBeNull()
    // two overlapping sessions: the larger overlap wins
    const two: SessionTemplate[] = [
      { ...station[0]!, id: 'a', start: '05:00', lengthMin: 40 },
      { ...station[0]!, id: 'b', start: '05:30', lengthMin: 60 },
    ]
    expect(bestSession({ from: at(5, 30), to: at(6, 15) }, two)).toBe('b')
  })

  it('never maps into a disabled session', () => {
    const sessions = station.map((s) => (s.id === 'chieu' ? { ...s, isEnabled: false } : s))
    const mapped = mapProvinceSessions({
      stationSessions: sessions,
      provinceSessions: province,
      overrides: {},
      seenKeys: none,
    })
    expect(mapped.find((m) => m.provinceKey === 'evening')).toMatchObject({ stationSessionId: null, by: 'none' })
  })

  it('follows the officer’s choice, and ignores a choice of a session that is gone', () => {
    const mapped = mapProvinceSessions({
      stationSessions: station,
      provinceSessions: province,
      overrides: { morning: 'trua', evening: 'old-session' },
      seenKeys: none,
    })
    expect(mapped.map((m) => [m.provinceKey, m.stationSessionId, m.by])).toEqual([
      ['morning', 'trua', 'officer'],
      ['evening', 'chieu', 'time-window'],
    ])
  })

  it('places a key the province profile does not describe by its items’ earliest start', () => {
    const seen = new Map<string, string | null>([
      ['morning', '05:30'],
      ['noon-news', '11:05'],
      ['night', '21:00'],
      ['empty', null],
    ])
    const mapped = mapProvinceSessions({
      stationSessions: station,
      provinceSessions: province,
      overrides: {},
      seenKeys: seen,
    })
    expect(mapped.map((m) => [m.provinceKey, m.stationSessionId, m.by])).toEqual([
      ['morning', 'sang', 'time-window'],
      ['noon-news', 'trua', 'item-time'],
      ['evening', 'chieu', 'time-window'],
      ['night', null, 'none'],
      ['empty', null, 'none'],
    ])
  })
})
