import { describe, expect, it } from 'vitest'
import { toTimeline, type EditOp } from '../../../../src/shared/editor/edit-list'
import { gainAt, mapPeaks } from '../../../../src/shared/editor/peaks-map'

// 10 blocks per second (4410 samples per block at 44.1 kHz), 10 s of source: block i has value i/100.
const source = { sampleRate: 44100, samplesPerPeak: 4410, peaks: Array.from({ length: 100 }, (_, i) => i / 100) }
const mapped = (ops: EditOp[], extraDb = 0) =>
  Array.from(mapPeaks(source, toTimeline({ sourceDurationMs: 10_000, ops }), extraDb))

describe('shared/editor/peaks-map', () => {
  it('returns the source peaks unchanged when there are no edits', () => {
    expect(mapped([])).toEqual(source.peaks.map((v) => Math.fround(v)))
  })

  it('drops the deleted blocks and keeps the rest in order when a span is deleted', () => {
    const out = mapped([{ kind: 'delete', startMs: 1000, endMs: 3000 }])
    expect(out).toHaveLength(80)
    expect(out[9]).toBeCloseTo(0.09)
    expect(out[10]).toBeCloseTo(0.3)
  })

  it('keeps only the kept span when trimmed', () => {
    const out = mapped([{ kind: 'keep', startMs: 5000, endMs: 6000 }])
    expect(out).toHaveLength(10)
    expect(out[0]).toBeCloseTo(0.5)
  })

  it('draws inserted silence as zeros', () => {
    const out = mapped([{ kind: 'insert-silence', atMs: 2000, durationMs: 500 }])
    expect(out).toHaveLength(105)
    expect(out.slice(20, 25)).toEqual([0, 0, 0, 0, 0])
    expect(out[25]).toBeCloseTo(0.2)
  })

  it('scales by the fade ramp and the gain, clamped to 1', () => {
    const faded = mapped([{ kind: 'fade', startMs: 0, endMs: 10_000, direction: 'in' }])
    expect(faded[50]).toBeCloseTo(0.5 * 0.505, 3)
    const loud = mapped([{ kind: 'gain', startMs: 9000, endMs: 10_000, db: 20 }])
    expect(loud[95]).toBe(1)
    expect(loud[50]).toBeCloseTo(0.5)
    const normalised = mapped([], -6.0206)
    expect(normalised[80]).toBeCloseTo(0.4, 3)
  })

  it('multiplies overlapping ramps and ignores instants outside them', () => {
    const ramps = [
      { startMs: 0, endMs: 100, from: 0, to: 1 },
      { startMs: 50, endMs: 100, from: 2, to: 2 },
    ]
    expect(gainAt(ramps, 25)).toBeCloseTo(0.25)
    expect(gainAt(ramps, 75)).toBeCloseTo(1.5)
    expect(gainAt(ramps, 150)).toBe(1)
  })

  it('maps a 90-minute take with 200 cuts to the edited length', () => {
    const big = { sampleRate: 44100, samplesPerPeak: 441, peaks: new Float32Array(90 * 60 * 100).fill(0.5) }
    const ops: EditOp[] = Array.from({ length: 200 }, (_, i) => ({
      kind: 'delete',
      startMs: i * 10_000,
      endMs: i * 10_000 + 500,
    }))
    const out = mapPeaks(big, toTimeline({ sourceDurationMs: 90 * 60_000, ops }))
    expect(out.length).toBe(Math.ceil((90 * 60_000 - 200 * 500) / 10))
    expect(out[out.length - 1]).toBeCloseTo(0.5)
  })
})
