import { describe, expect, it } from 'vitest'
import { takeUpTo } from '../../../../../src/renderer/features/record/block-queue'

const block = (...values: number[]) => Uint8Array.from(values)

describe('recorder takeUpTo', () => {
  it('joins queued blocks up to the limit, in order, and leaves the rest queued', () => {
    const queue = [block(1, 2), block(3), block(4, 5, 6), block(7)]
    expect([...takeUpTo(queue, 3)]).toEqual([1, 2, 3])
    expect(queue.map((b) => [...b])).toEqual([[4, 5, 6], [7]])
  })

  it('always takes one block, even one larger than the limit, and hands it back as it is', () => {
    const big = block(1, 2, 3, 4)
    const queue = [big, block(5)]
    expect(takeUpTo(queue, 2)).toBe(big)
    expect(queue).toHaveLength(1)
  })
})
