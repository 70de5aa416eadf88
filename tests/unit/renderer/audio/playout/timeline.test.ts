import { describe, expect, it } from 'vitest'
import { decideCatchUp, planTimeline, shiftRemaining } from '../../../../../src/renderer/audio/playout/timeline'
import { item } from './fixtures'

const T0 = 1_800_000_000_000

describe('audio/playout/timeline', () => {
  it('starts back-to-back items exactly one after another when they are planned gaplessly', () => {
    const plan = planTimeline([item('a', T0, 1000), item('b', T0 + 1000, 2000), item('c', T0 + 3000, 500)], {
      notBeforeMs: T0,
    })
    expect(plan.map((e) => [e.item.id, e.startMs - T0, e.endMs - T0])).toEqual([
      ['a', 0, 1000],
      ['b', 1000, 3000],
      ['c', 3000, 3500],
    ])
  })

  it('follows the decoded length, so a file 7 ms longer than planned moves the next item, not cuts it', () => {
    const plan = planTimeline([item('a', T0, 1000), item('b', T0 + 1000, 1000)], {
      notBeforeMs: T0,
      lengthsMs: new Map([['a', 1007]]),
    })
    expect(plan.map((e) => e.startMs - T0)).toEqual([0, 1007])
  })

  it('keeps a planned gap, and pushes everything back when the pre-roll ends late', () => {
    const items = [item('a', T0, 1000), item('b', T0 + 5000, 1000)]
    expect(planTimeline(items, { notBeforeMs: T0 }).map((e) => e.startMs - T0)).toEqual([0, 5000])
    expect(planTimeline(items, { notBeforeMs: T0 + 1500 }).map((e) => e.startMs - T0)).toEqual([1500, 5000])
    expect(planTimeline(items, { notBeforeMs: T0 + 4500 }).map((e) => e.startMs - T0)).toEqual([4500, 5500])
  })

  it('plays only the rest of an item joined mid-way, starting as soon as possible', () => {
    const plan = planTimeline([item('a', T0, 10_000), item('b', T0 + 10_000, 1000)], {
      notBeforeMs: T0 + 4000,
      offsetsMs: new Map([['a', 4000]]),
    })
    expect(plan.map((e) => [e.startMs - T0, e.endMs - T0, e.offsetMs])).toEqual([
      [4000, 10_000, 4000],
      [10_000, 11_000, 0],
    ])
  })

  it('decides done, upcoming, join or missed for an item after a restart', () => {
    const a = item('a', T0, 60_000)
    const o = { toleranceMs: 10_000, isLogged: false }
    expect(decideCatchUp(a, { ...o, nowMs: T0 + 5000, isLogged: true })).toEqual({ kind: 'done' })
    expect(decideCatchUp(a, { ...o, nowMs: T0 - 1 })).toEqual({ kind: 'upcoming' })
    expect(decideCatchUp(a, { ...o, nowMs: T0 })).toEqual({ kind: 'upcoming' })
    expect(decideCatchUp(a, { ...o, nowMs: T0 + 8000 })).toEqual({ kind: 'join', offsetMs: 8000 })
    expect(decideCatchUp(a, { ...o, nowMs: T0 + 10_001 })).toEqual({ kind: 'missed', lateMs: 10_001 })
    expect(decideCatchUp(item('s', T0, 3000), { ...o, nowMs: T0 + 4000 })).toEqual({ kind: 'missed', lateMs: 4000 })
  })

  it('re-plans the items left after an emergency to follow it gaplessly, keeping later planned starts', () => {
    const plan = planTimeline([item('a', T0, 1000), item('b', T0 + 1000, 1000), item('c', T0 + 60_000, 1000)], {
      notBeforeMs: T0,
    })
    const rest = shiftRemaining(plan, T0 + 1000, T0 + 30_000)
    expect(rest.map((e) => [e.item.id, e.startMs - T0, e.endMs - T0])).toEqual([
      ['b', 30_000, 31_000],
      ['c', 60_000, 61_000],
    ])
  })
})
