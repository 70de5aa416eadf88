import { describe, expect, it } from 'vitest'
import { dbToGain, gainAt, microphoneRamp, programmeRamp } from '../../../../../src/renderer/audio/playout/ducking'

describe('audio/playout/ducking', () => {
  it('ramps the programme from full gain to −15 dB over 300 ms when talk-over starts', () => {
    const ramp = programmeRamp(true, 10, null)
    expect(ramp.from).toBe(1)
    expect(ramp.to).toBeCloseTo(dbToGain(-15), 6)
    expect(ramp.endTime - ramp.startTime).toBeCloseTo(0.3, 6)
    expect(gainAt(ramp, 10.15)).toBeCloseTo((1 + dbToGain(-15)) / 2, 6)
  })

  it('starts the way back from where the level is when talk-over stops half-way down', () => {
    const down = programmeRamp(true, 0, null, { duckDb: -20, rampMs: 400 })
    const up = programmeRamp(false, 0.2, down, { duckDb: -20, rampMs: 400 })
    expect(up.from).toBeCloseTo(gainAt(down, 0.2), 6)
    expect(up.to).toBe(1)
    // half the distance left → half the ramp time, so the slope stays the same
    expect(up.endTime - up.startTime).toBeCloseTo(0.2, 6)
  })

  it('fades the microphone in when talking starts and out when it stops', () => {
    expect(microphoneRamp(true, 1)).toEqual({ startTime: 1, endTime: 1.3, from: 0, to: 1 })
    expect(microphoneRamp(false, 2, { rampMs: 100 })).toEqual({ startTime: 2, endTime: 2.1, from: 1, to: 0 })
  })
})
