import { describe, expect, it } from 'vitest'
import {
  bulletinContentSchema,
  bulletinDuration,
  bulletinProblems,
  movePart,
  partStarts,
  type BulletinPart,
  type Joint,
} from '../../../../src/shared/editor/bulletin'

const hash = 'a'.repeat(64)
const part = (id: string, durationMs: number, joint: Joint = { kind: 'gap', ms: 0 }): BulletinPart => ({
  id,
  kind: 'announcement',
  source: { type: 'jingle', name: id },
  title: id,
  mediaHash: hash,
  durationMs,
  joint,
})

describe('bulletin', () => {
  it('adds gaps and subtracts crossfades from the sum of the parts', () => {
    const parts = [
      part('intro', 5000, { kind: 'crossfade', ms: 999 }),
      part('a', 60_000, { kind: 'gap', ms: 500 }),
      part('outro', 4000, { kind: 'crossfade', ms: 1000 }),
    ]
    expect(bulletinDuration(parts)).toBe(5000 + 500 + 60_000 - 1000 + 4000)
    expect(partStarts(parts)).toEqual([0, 5500, 64_500])
  })

  it('is zero for no parts', () => {
    expect(bulletinDuration([])).toBe(0)
  })

  it('reports an empty bulletin, a crossfade longer than a part, and a total over the limit', () => {
    expect(bulletinProblems({ parts: [], timeLimitMin: 30 })).toEqual([{ code: 'empty' }])
    const parts = [part('a', 2000), part('b', 31 * 60_000, { kind: 'crossfade', ms: 3000 })]
    expect(bulletinProblems({ parts, timeLimitMin: 30 })).toEqual([
      { code: 'crossfade-too-long', partIndex: 1, maxMs: 2000 },
      { code: 'over-time-limit', overMs: 2000 + 31 * 60_000 - 3000 - 30 * 60_000 },
    ])
    expect(bulletinProblems({ parts: [part('a', 2000)], timeLimitMin: 1 })).toEqual([])
  })

  it('moves a part and keeps the others in order', () => {
    expect(movePart(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd'])
    expect(movePart(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b'])
    expect(movePart(['a', 'b'], 5, 0)).toEqual(['a', 'b'])
  })

  it('parses a stored bulletin and refuses a bad joint', () => {
    const content = { title: 'Bản tin sáng', parts: [part('a', 1000)], timeLimitMin: 30 }
    expect(bulletinContentSchema.parse(content)).toEqual(content)
    const bad = { ...content, parts: [part('a', 1000, { kind: 'crossfade', ms: 0 })] }
    expect(bulletinContentSchema.safeParse(bad).success).toBe(false)
  })
})
