import { describe, expect, it } from 'vitest'
import { editedDuration, emptyEditList, type Marker } from '../../../../src/shared/editor/edit-list'
import { applyEdit, shiftMarkers } from '../../../../src/shared/editor/markers'

const m = (atMs: number, id = String(atMs)): Marker => ({ id, atMs, label: '' })
const at = (ms: Marker[]) => ms.map((x) => x.atMs)

describe('shared/editor/markers', () => {
  it('pulls later markers earlier and drops those inside a deleted span', () => {
    expect(at(shiftMarkers([m(500), m(1500), m(4000)], { kind: 'delete', startMs: 1000, endMs: 2000 }, 5000))).toEqual([
      500, 3000,
    ])
  })

  it('keeps only markers inside a trim, moved to its start', () => {
    expect(at(shiftMarkers([m(500), m(1500), m(4000)], { kind: 'keep', startMs: 1000, endMs: 2000 }, 5000))).toEqual([
      500,
    ])
  })

  it('pushes markers at or after inserted silence', () => {
    expect(at(shiftMarkers([m(500), m(1000)], { kind: 'insert-silence', atMs: 1000, durationMs: 300 }, 5000))).toEqual([
      500, 1300,
    ])
  })

  it('leaves markers alone for fades and gain', () => {
    const markers = [m(100)]
    expect(shiftMarkers(markers, { kind: 'gain', startMs: 0, endMs: 200, db: 3 }, 5000)).toEqual(markers)
    expect(shiftMarkers(markers, { kind: 'fade', startMs: 0, endMs: 200, direction: 'out' }, 5000)).toEqual(markers)
  })

  it('appends the operation so the edited duration follows it', () => {
    const list = { ...emptyEditList('a'.repeat(64), 5000), markers: [m(4500)] }
    const next = applyEdit(list, { kind: 'delete', startMs: 0, endMs: 1000 }, 5000)
    expect(next.ops).toHaveLength(1)
    expect(editedDuration(next)).toBe(4000)
    expect(at(next.markers)).toEqual([3500])
    expect(list.ops).toHaveLength(0)
  })
})
