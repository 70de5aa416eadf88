import { describe, expect, it } from 'vitest'
import { toTimeline } from '../../../../src/shared/editor/edit-list'
import { clipRamps, planPlayback } from '../../../../src/shared/editor/play-plan'

describe('shared/editor/play-plan', () => {
  it('cuts the edited timeline into chunks from the playhead, silence included', () => {
    const segments = toTimeline({
      sourceDurationMs: 30_000,
      ops: [
        { kind: 'delete', startMs: 0, endMs: 5000 },
        { kind: 'insert-silence', atMs: 10_000, durationMs: 1000 },
      ],
    })
    const plan = planPlayback(segments, 8000, 4000)
    expect(plan.map((c) => [c.atMs, c.durationMs, c.source?.fromMs ?? null])).toEqual([
      [8000, 2000, 13_000],
      [10_000, 1000, null],
      [11_000, 4000, 15_000],
      [15_000, 4000, 19_000],
      [19_000, 4000, 23_000],
      [23_000, 3000, 27_000],
    ])
    const total = plan.reduce((sum, c) => sum + c.durationMs, 0)
    expect(8000 + total).toBe(26_000)
  })

  it('carries fades into each chunk in its own time', () => {
    const segments = toTimeline({
      sourceDurationMs: 10_000,
      ops: [{ kind: 'fade', startMs: 0, endMs: 8000, direction: 'in' }],
    })
    const plan = planPlayback(segments, 2000, 4000)
    expect(plan[0]?.ramps[0]).toMatchObject({ startMs: 0, endMs: 4000 })
    expect(plan[0]?.ramps[0]?.from).toBeCloseTo(0.25)
    expect(plan[0]?.ramps[0]?.to).toBeCloseTo(0.75)
    expect(plan[1]?.ramps[0]?.to).toBeCloseTo(1)
    expect(plan[2]?.ramps).toEqual([])
  })

  it('plans nothing from the end, and clips ramps that miss the span away', () => {
    expect(planPlayback(toTimeline({ sourceDurationMs: 1000, ops: [] }), 1000)).toEqual([])
    expect(clipRamps([{ startMs: 0, endMs: 100, from: 0, to: 1 }], 200, 300)).toEqual([])
  })
})
