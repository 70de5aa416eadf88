import { describe, expect, it } from 'vitest'
import { createPendingAudio } from '../../../../../src/renderer/features/record/pending-audio'

const block = (...values: number[]) => Uint8Array.from(values)

describe('pending-audio', () => {
  it('joins the oldest blocks up to the limit and keeps them until they are dropped', () => {
    const audio = createPendingAudio()
    for (const b of [block(1, 2), block(3), block(4, 5, 6), block(7)]) audio.push(b)
    expect([...audio.peek(3)]).toEqual([1, 2, 3])
    expect([...audio.peek(3)]).toEqual([1, 2, 3])
    expect(audio.bytes).toBe(7)
    audio.drop(3)
    expect(audio.bytes).toBe(4)
    expect([...audio.peek(10)]).toEqual([4, 5, 6, 7])
  })

  it('hands one block larger than the limit back as it is', () => {
    const audio = createPendingAudio()
    const big = block(1, 2, 3, 4)
    audio.push(big)
    audio.push(block(5))
    expect(audio.peek(2)).toBe(big)
  })

  it('drops part of a block when the host already had the start of it', () => {
    const audio = createPendingAudio()
    audio.push(block(1, 2, 3, 4))
    audio.push(block(5, 6))
    audio.drop(3)
    expect([...audio.peek(100)]).toEqual([4, 5, 6])
    audio.drop(10)
    expect(audio.bytes).toBe(0)
    expect([...audio.peek(100)]).toEqual([])
  })
})
