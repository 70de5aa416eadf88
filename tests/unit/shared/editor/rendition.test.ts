import { describe, expect, it } from 'vitest'
import { renditionKey } from '../../../../src/renderer/audio/renditions/rendition-key'
import { emptyEditList, type EditList } from '../../../../src/shared/editor/edit-list'
import { isSameAudio, needsRendering, renditionMaterial } from '../../../../src/shared/editor/rendition'

const H = 'a'.repeat(64)
const plain = emptyEditList(H, 10_000)
const gainOnly: EditList = {
  ...plain,
  processing: { normalizeGainDb: 4.2, isDenoised: false, targetLufs: -16, ceilingDbtp: -1 },
}

describe('shared/editor/rendition', () => {
  it('renders a list that changes the audio, even with no edit ops (a normalisation gain, denoise)', () => {
    expect(needsRendering(null)).toBe(false)
    expect(needsRendering(plain)).toBe(false)
    const marked: EditList = { ...plain, markers: [{ id: 'm', atMs: 5, label: 'x' }] }
    expect(needsRendering(marked)).toBe(false)
    expect(needsRendering(gainOnly)).toBe(true)
    expect(needsRendering({ ...plain, processing: { normalizeGainDb: 0, isDenoised: true } })).toBe(true)
    expect(needsRendering({ ...plain, ops: [{ kind: 'delete', startMs: 0, endMs: 10 }] })).toBe(true)
  })

  it('keys the audio only: markers and key order do not change it; edits, gain, target and source do', async () => {
    const marked = { ...gainOnly, markers: [{ id: 'm', atMs: 5, label: 'Đoạn 2' }] }
    const reordered: EditList = {
      markers: [],
      processing: { ceilingDbtp: -1, targetLufs: -16, isDenoised: false, normalizeGainDb: 4.2 },
      ops: [],
      sourceDurationMs: 10_000,
      sourceHash: H,
    }
    expect(renditionMaterial(marked)).toBe(renditionMaterial(gainOnly))
    expect(await renditionKey(reordered)).toBe(await renditionKey(gainOnly))
    expect(await renditionKey(gainOnly)).toMatch(/^[0-9a-f]{64}$/)
    const others: EditList[] = [
      { ...gainOnly, processing: { ...gainOnly.processing, normalizeGainDb: 4.3 } },
      { ...gainOnly, processing: { ...gainOnly.processing, targetLufs: -23 } },
      { ...gainOnly, sourceHash: 'b'.repeat(64) },
      { ...gainOnly, ops: [{ kind: 'fade', startMs: 0, endMs: 500, direction: 'in' }] },
    ]
    const keys = new Set(await Promise.all([gainOnly, ...others].map(renditionKey)))
    expect(keys.size).toBe(others.length + 1)
  })

  it('compares audio: a list that changes nothing is the source, like no list at all', () => {
    expect(isSameAudio(null, plain)).toBe(true)
    const marked: EditList = { ...gainOnly, markers: [{ id: 'm', atMs: 1, label: '' }] }
    expect(isSameAudio(gainOnly, marked)).toBe(true)
    expect(isSameAudio(plain, gainOnly)).toBe(false)
  })
})
