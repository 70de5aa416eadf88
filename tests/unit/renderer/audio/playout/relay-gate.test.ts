import { describe, expect, it } from 'vitest'
import {
  GATE_RAMP_MS,
  applyGate,
  closeEvents,
  gateEvents,
  type GateEvent,
} from '../../../../../src/renderer/audio/playout/relay-gate'

/** The value an AudioParam takes at time t under these events (set = step, ramp = linear from the previous event). */
function valueAt(events: readonly GateEvent[], t: number): number {
  let value = 0
  let prev: GateEvent | null = null
  for (const e of events) {
    if (e.time > t) {
      if (e.kind === 'ramp' && prev)
        return prev.value + ((e.value - prev.value) * (t - prev.time)) / (e.time - prev.time)
      return value
    }
    value = e.value
    prev = e
  }
  return value
}

describe('audio/playout/relay-gate', () => {
  const ramp = GATE_RAMP_MS / 1000

  it('is closed before the start, open from start to end, closed after, with short ramps inside the slot', () => {
    const events = gateEvents(1, 5, 65)
    expect(valueAt(events, 1)).toBe(0)
    expect(valueAt(events, 4.999)).toBe(0)
    expect(valueAt(events, 5)).toBe(0)
    expect(valueAt(events, 5 + ramp / 2)).toBeCloseTo(0.5, 6)
    expect(valueAt(events, 5 + ramp)).toBe(1)
    expect(valueAt(events, 30)).toBe(1)
    expect(valueAt(events, 65 - ramp)).toBe(1)
    expect(valueAt(events, 65 - ramp / 2)).toBeCloseTo(0.5, 6)
    expect(valueAt(events, 65)).toBe(0)
    expect(valueAt(events, 100)).toBe(0)
  })

  it('opens at once for an item already under way, and stays closed for one already over', () => {
    const late = gateEvents(10, 5, 65)
    expect(valueAt(late, 10 + ramp)).toBe(1)
    expect(gateEvents(70, 5, 65)).toEqual([{ kind: 'set', value: 0, time: 70 }])
  })

  it('shortens the ramps of a very short item so it still reaches full level', () => {
    const events = gateEvents(0, 1, 1.004)
    expect(Math.max(...events.map((e) => e.value))).toBe(1)
    expect(events.map((e) => e.time)).toEqual([0, 1, 1.002, 1.002, 1.004])
  })

  it('closes from the current level with a ramp', () => {
    expect(closeEvents(3, 0.8)).toEqual([
      { kind: 'set', value: 0.8, time: 3 },
      { kind: 'ramp', value: 0, time: 3 + ramp },
    ])
  })

  it('replaces what was scheduled on the AudioParam', () => {
    const calls: string[] = []
    const param = {
      cancelScheduledValues: (t: number) => calls.push(`cancel ${t}`),
      setValueAtTime: (v: number, t: number) => calls.push(`set ${v} ${t}`),
      linearRampToValueAtTime: (v: number, t: number) => calls.push(`ramp ${v} ${t}`),
    } as unknown as AudioParam
    applyGate(param, 2, gateEvents(2, 4, 10, 100))
    expect(calls).toEqual(['cancel 2', 'set 0 2', 'set 0 4', 'ramp 1 4.1', 'set 1 9.9', 'ramp 0 10'])
  })
})
