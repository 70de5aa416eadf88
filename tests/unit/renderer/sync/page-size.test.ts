import { describe, expect, it } from 'vitest'
import { MAX_PAGE_LIMIT } from '../../../../src/shared/province/pull'
import {
  FIRST_PAGE_LIMIT,
  MIN_PAGE_LIMIT,
  PAGE_TARGET_MS,
  nextPageLimit,
} from '../../../../src/renderer/sync/page-size'

describe('pull page size', () => {
  it('doubles on a fast link up to the API maximum', () => {
    const sizes = [FIRST_PAGE_LIMIT]
    for (let n = 0; n < 4; n++) sizes.push(nextPageLimit(sizes.at(-1) ?? 0, 40))
    expect(sizes).toEqual([500, 1000, 2000, 2000, 2000])
    expect(MAX_PAGE_LIMIT).toBe(2000)
  })

  it('keeps the size while a page takes about the target', () => {
    expect(nextPageLimit(500, PAGE_TARGET_MS)).toBe(500)
    expect(nextPageLimit(500, PAGE_TARGET_MS / 2)).toBe(500)
    expect(nextPageLimit(500, PAGE_TARGET_MS * 2)).toBe(500)
  })

  it('halves on a slow link down to the minimum', () => {
    const sizes = [FIRST_PAGE_LIMIT]
    for (let n = 0; n < 4; n++) sizes.push(nextPageLimit(sizes.at(-1) ?? 0, 12_000))
    expect(sizes).toEqual([500, 250, 125, MIN_PAGE_LIMIT, MIN_PAGE_LIMIT])
  })
})
