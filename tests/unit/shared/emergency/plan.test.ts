import { describe, expect, it } from 'vitest'
import type { EmergencyRecord } from '../../../../src/shared/emergency/bulletin'
import { dueNow, intoWindow, phaseOf } from '../../../../src/shared/emergency/plan'

const T0 = Date.parse('2026-09-14T02:00:00.000Z') // 09:00 in the station's zone
const MIN = 60_000

function record(over: Partial<EmergencyRecord> = {}): EmergencyRecord {
  return {
    id: 'program:emg-1',
    origin: 'province',
    title: 'Bão số 3',
    text: 'Bão số 3 đang vào.',
    mediaHash: null,
    durationMs: null,
    language: 'vi',
    senderName: '',
    issuedAtMs: T0,
    onsetMs: T0,
    expiresMs: T0 + 120 * MIN,
    repeatEveryMs: 30 * MIN,
    window: null,
    zones: { clusterIds: [], dtmfCodes: [], relayChannels: [] },
    replaces: [],
    isActual: true,
    receivedAtMs: T0,
    ackedAtMs: null,
    stoppedAtMs: null,
    stoppedBy: null,
    airedAtMs: [],
    spoken: null,
    ...over,
  }
}

describe('emergency plan', () => {
  it('airs first after the countdown, then every interval from the start of the last airing', () => {
    const r = record()
    expect(phaseOf(r, [r], 2 * MIN)).toEqual({ kind: 'countdown', dueMs: T0 + 2 * MIN })
    expect(phaseOf(r, [r], 0)).toEqual({ kind: 'countdown', dueMs: T0 })
    const aired = record({ airedAtMs: [T0 + 2 * MIN + 400] })
    expect(phaseOf(aired, [aired], 2 * MIN)).toEqual({ kind: 'repeating', dueMs: T0 + 32 * MIN + 400 })
  })

  it('never airs before its onset, at or after its expiry, once stopped, replaced, or when not actual', () => {
    const later = record({ onsetMs: T0 + 10 * MIN })
    expect(phaseOf(later, [later], 2 * MIN)).toEqual({ kind: 'countdown', dueMs: T0 + 10 * MIN })
    const last = record({ airedAtMs: [T0 + 95 * MIN] })
    expect(phaseOf(last, [last], 0)).toEqual({ kind: 'over', reason: 'expired' })
    const stopped = record({ stoppedAtMs: T0 + MIN, stoppedBy: 'officer' })
    expect(phaseOf(stopped, [stopped], 0)).toEqual({ kind: 'over', reason: 'stopped' })
    const old = record()
    const newer = record({ id: 'program:emg-2', issuedAtMs: T0 + MIN, replaces: ['program:emg-1'] })
    expect(phaseOf(old, [old, newer], 0)).toEqual({ kind: 'over', reason: 'replaced' })
    expect(phaseOf(newer, [old, newer], 0).kind).toBe('countdown')
    const exercise = record({ isActual: false })
    expect(phaseOf(exercise, [exercise], 0)).toEqual({ kind: 'over', reason: 'not-actual' })
  })

  it('moves an airing outside the daily window to the window’s next start (station time, also over midnight)', () => {
    const window = { from: '07:00', to: '20:00' }
    expect(intoWindow(T0, window)).toBe(T0) // 09:00
    const at2130 = Date.parse('2026-09-14T14:30:00.000Z')
    expect(intoWindow(at2130, window)).toBe(Date.parse('2026-09-15T00:00:00.000Z')) // 07:00 next day
    const at0500 = Date.parse('2026-09-13T22:00:00.000Z')
    expect(intoWindow(at0500, window)).toBe(Date.parse('2026-09-14T00:00:00.000Z'))
    const night = { from: '22:00', to: '06:00' }
    expect(intoWindow(Date.parse('2026-09-14T16:30:00.000Z'), night)).toBe(Date.parse('2026-09-14T16:30:00.000Z'))
    expect(intoWindow(T0, night)).toBe(Date.parse('2026-09-14T15:00:00.000Z'))
    const r = record({ window, airedAtMs: [Date.parse('2026-09-14T12:45:00.000Z')] }) // 19:45
    expect(phaseOf(r, [r], 0)).toEqual({ kind: 'over', reason: 'expired' })
  })

  it('picks the bulletin due earliest, the newest issued on a tie, and none before its time', () => {
    const a = record({ id: 'a', issuedAtMs: T0 })
    const b = record({ id: 'b', issuedAtMs: T0 + 1 })
    expect(dueNow([a, b], T0, 0)?.id).toBe('b')
    const c = record({ id: 'c', receivedAtMs: T0 - MIN, onsetMs: T0 - MIN })
    expect(dueNow([a, b, c], T0, 0)?.id).toBe('c')
    expect(dueNow([a, b], T0 + MIN - 1, 2 * MIN)).toBeNull()
  })
})
