import { describe, expect, it } from 'vitest'
import { canRedo, canUndo, commit, redo, startHistory, undo } from '../../../../src/shared/editor/history'

describe('shared/editor/history', () => {
  it('undoes and redoes in order', () => {
    let h = startHistory(0)
    for (let i = 1; i <= 3; i += 1) h = commit(h, i)
    h = undo(undo(h))
    expect(h.present).toBe(1)
    expect(canRedo(h)).toBe(true)
    h = redo(h)
    expect(h.present).toBe(2)
  })

  it('keeps at least 50 steps and drops the oldest beyond the limit', () => {
    let h = startHistory(0)
    for (let i = 1; i <= 60; i += 1) h = commit(h, i, 50)
    let steps = 0
    while (canUndo(h)) {
      h = undo(h)
      steps += 1
    }
    expect(steps).toBe(50)
    expect(h.present).toBe(10)
  })

  it('discards the redo branch when a new change follows an undo', () => {
    const h = commit(undo(commit(commit(startHistory('a'), 'b'), 'c')), 'd')
    expect(h.present).toBe('d')
    expect(canRedo(h)).toBe(false)
    expect(undo(h).present).toBe('b')
  })

  it('does nothing when there is nothing to undo or redo', () => {
    const h = startHistory(1)
    expect(undo(h)).toBe(h)
    expect(redo(h)).toBe(h)
  })
})
