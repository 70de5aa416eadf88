import { describe, expect, it } from 'vitest'
import { fullJitterDelay, retryDelay } from '../../../../src/renderer/sync/backoff'

describe('renderer/sync/backoff', () => {
  it('draws uniformly below min(cap, base·2^attempt) (full jitter)', () => {
    const options = { baseMs: 1_000, capMs: 10_000 }
    expect([0, 1, 2, 3, 4, 10].map((a) => fullJitterDelay(a, () => 0.999_999, options))).toEqual([
      999, 1_999, 3_999, 7_999, 9_999, 9_999,
    ])
    expect(fullJitterDelay(5, () => 0, options)).toBe(0)
  })

  it('never waits less than the Retry-After the server asked for', () => {
    expect(retryDelay(0, 7_000, () => 0.5)).toBe(7_000)
    expect(retryDelay(6, 1_000, () => 0.5)).toBe(64_000)
    expect(retryDelay(0, null, () => 0.5)).toBe(1_000)
  })

  it('spreads 100 clients over the window instead of retrying in step', () => {
    let seed = 1
    const random = (): number => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646
    const delays = Array.from({ length: 100 }, () => fullJitterDelay(4, random))
    const buckets = new Set(delays.map((d) => Math.floor(d / 4_000)))
    expect(buckets.size).toBeGreaterThanOrEqual(7)
  })
})
