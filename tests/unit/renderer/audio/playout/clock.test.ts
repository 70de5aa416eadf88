import { describe, expect, it } from 'vitest'
import {
  contextTimeOf,
  createSilenceTracker,
  epochOf,
  readClock,
} from '../../../../../src/renderer/audio/playout/clock'

const perf = { timeOrigin: 1_800_000_000_000, now: () => 5000 }

describe('audio/playout/clock', () => {
  it('maps epoch ms to context time through the output timestamp, latency included', () => {
    const ctx = { currentTime: 12, getOutputTimestamp: () => ({ contextTime: 11.9, performanceTime: 4990 }) }
    const sample = readClock(ctx, perf)
    expect(sample).toEqual({ contextTime: 11.9, epochMs: perf.timeOrigin + 4990 })
    expect(contextTimeOf(sample, perf.timeOrigin + 6990)).toBeCloseTo(13.9, 9)
    expect(epochOf(sample, 13.9)).toBeCloseTo(perf.timeOrigin + 6990, 6)
  })

  it('falls back to currentTime and performance.now() while the context is not running yet', () => {
    const ctx = { currentTime: 0.5, getOutputTimestamp: () => ({ contextTime: 0, performanceTime: 0 }) }
    expect(readClock(ctx, perf)).toEqual({ contextTime: 0.5, epochMs: perf.timeOrigin + 5000 })
  })

  it('reports silence only after the limit, only while sound is expected, and forgets on sound', () => {
    const t = createSilenceTracker(2000)
    expect(t.feed(0, 0, true)).toBe(false)
    expect(t.feed(0, 2000, true)).toBe(false)
    expect(t.feed(0, 2001, true)).toBe(true)
    expect(t.feed(0.1, 2100, true)).toBe(false)
    expect(t.feed(0, 2200, false)).toBe(false)
    expect(t.feed(0, 9000, true)).toBe(false)
  })
})
