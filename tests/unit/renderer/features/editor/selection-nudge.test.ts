import { describe, expect, it } from 'vitest'
import { formatPrecise, parseSeconds } from '../../../../../src/renderer/features/editor/format-precise'
import { nudgeSelection, typedSelection } from '../../../../../src/renderer/features/editor/selection-nudge'

describe('features/editor/selection-nudge', () => {
  it('moves the chosen edge and keeps the selection inside the take', () => {
    const sel = { startMs: 1000, endMs: 2000 }
    expect(nudgeSelection(sel, 'end', 100, 5000, 0)).toEqual({ startMs: 1000, endMs: 2100 })
    expect(nudgeSelection(sel, 'start', -1000, 5000, 0)).toEqual({ startMs: 0, endMs: 2000 })
    expect(nudgeSelection(sel, 'start', -5000, 5000, 0)).toEqual({ startMs: 0, endMs: 2000 })
    expect(nudgeSelection(sel, 'end', 9000, 5000, 0)).toEqual({ startMs: 1000, endMs: 5000 })
  })

  it('never lets the edges cross', () => {
    expect(nudgeSelection({ startMs: 1000, endMs: 1050 }, 'end', -1000, 5000, 0)).toEqual({
      startMs: 1000,
      endMs: 1010,
    })
    expect(nudgeSelection({ startMs: 1000, endMs: 1050 }, 'start', 1000, 5000, 0)).toEqual({
      startMs: 1040,
      endMs: 1050,
    })
  })

  it('starts a selection at the playhead when there is none', () => {
    expect(nudgeSelection(null, 'end', 100, 5000, 3000)).toEqual({ startMs: 3000, endMs: 3110 })
  })
})

describe('features/editor/format-precise', () => {
  it('shows tenths with the language decimal mark, and hours when needed', () => {
    expect(formatPrecise(4210, 'vi')).toBe('00:04,2')
    expect(formatPrecise(4250, 'en')).toBe('00:04.3')
    expect(formatPrecise(3_723_400, 'vi')).toBe('1:02:03,4')
  })

  it('reads seconds typed with a comma or a point, refusing the rest', () => {
    expect(parseSeconds('1,5')).toBe(1500)
    expect(parseSeconds(' 2.25 ')).toBe(2250)
    expect(parseSeconds('')).toBeNull()
    expect(parseSeconds('-1')).toBeNull()
    expect(parseSeconds('abc')).toBeNull()
  })
})

describe('features/editor/typedSelection', () => {
  it('sets an edge typed in seconds, the other edge kept (or the take’s end when nothing was selected)', () => {
    expect(typedSelection({ startMs: 1000, endMs: 5000 }, 'start', 2.5, 10_000)).toEqual({
      selection: { startMs: 2500, endMs: 5000 },
    })
    expect(typedSelection(null, 'start', 3, 10_000)).toEqual({ selection: { startMs: 3000, endMs: 10_000 } })
    expect(typedSelection(null, 'end', 4, 10_000)).toEqual({ selection: { startMs: 0, endMs: 4000 } })
    expect(typedSelection(null, 'end', 99, 10_000)).toEqual({ selection: { startMs: 0, endMs: 10_000 } })
  })

  it('refuses a start typed after the end, or an end before the start, with what was typed', () => {
    expect(typedSelection({ startMs: 1000, endMs: 5000 }, 'start', 8, 10_000)).toEqual({
      problem: { edge: 'start', startMs: 8000, endMs: 5000 },
    })
    expect(typedSelection({ startMs: 6000, endMs: 9000 }, 'end', 2, 10_000)).toEqual({
      problem: { edge: 'end', startMs: 6000, endMs: 2000 },
    })
    expect(typedSelection(null, 'start', 10, 10_000)).toEqual({
      problem: { edge: 'start', startMs: 10_000, endMs: 10_000 },
    })
  })
})
