import { describe, expect, it } from 'vitest'
import { silentEnds, trimSpan } from '../../../../src/shared/editor/silent-ends'

const take = (lead: number, body: number, tail: number) => [
  ...Array<number>(lead).fill(0.001),
  ...Array<number>(body).fill(0.4),
  ...Array<number>(tail).fill(0),
]

describe('shared/editor/silent-ends', () => {
  it('measures the silence before the first and after the last sound', () => {
    expect(silentEnds(take(30, 50, 20), 100)).toEqual({ leadingMs: 3000, trailingMs: 2000 })
  })

  it('offers a trim keeping a short pad only when an end is long', () => {
    expect(trimSpan({ leadingMs: 3000, trailingMs: 2000 }, 10_000)).toEqual({ startMs: 2800, endMs: 8200 })
    expect(trimSpan({ leadingMs: 3000, trailingMs: 500 }, 10_000)).toEqual({ startMs: 2800, endMs: 10_000 })
    expect(trimSpan({ leadingMs: 500, trailingMs: 1000 }, 10_000)).toBeNull()
  })

  it('treats an all-silent take as leading silence and offers nothing to keep', () => {
    const ends = silentEnds(Array<number>(50).fill(0), 100)
    expect(ends).toEqual({ leadingMs: 5000, trailingMs: 0 })
    expect(trimSpan({ leadingMs: 5000, trailingMs: 0 }, 5000)).toBeNull()
  })
})
