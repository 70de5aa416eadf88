import { describe, expect, it } from 'vitest'
import { decodePcm, parseWavHeader } from '../../../../../src/renderer/features/editor/wav-source'

function wav(samples: number[], channels = 1, extraChunk = false): ArrayBuffer {
  const data = samples.length * 2
  const extra = extraChunk ? 8 + 3 + 1 : 0
  const buf = new ArrayBuffer(44 + extra + data)
  const v = new DataView(buf)
  const put = (at: number, s: string) => [...s].forEach((ch, i) => v.setUint8(at + i, ch.charCodeAt(0)))
  put(0, 'RIFF')
  v.setUint32(4, 36 + extra + data, true)
  put(8, 'WAVE')
  put(12, 'fmt ')
  v.setUint32(16, 16, true)
  v.setUint16(20, 1, true)
  v.setUint16(22, channels, true)
  v.setUint32(24, 8000, true)
  v.setUint32(28, 8000 * 2 * channels, true)
  v.setUint16(32, 2 * channels, true)
  v.setUint16(34, 16, true)
  let at = 36
  if (extraChunk) {
    put(at, 'LIST')
    v.setUint32(at + 4, 3, true) // odd size: padded to 4
    at += 12
  }
  put(at, 'data')
  v.setUint32(at + 4, data, true)
  samples.forEach((s, i) => v.setInt16(at + 8 + i * 2, s, true))
  return buf
}

describe('features/editor/wav-source', () => {
  it('finds the format and the data offset past other (odd-sized) chunks', () => {
    expect(parseWavHeader(wav([1, 2], 1, true))).toEqual({
      format: 'int',
      channels: 1,
      sampleRate: 8000,
      bitsPerSample: 16,
      blockAlign: 2,
      dataOffset: 56,
    })
  })

  it('refuses bytes that are not a WAV', () => {
    expect(parseWavHeader(new TextEncoder().encode('not a wav file at all, sorry').buffer)).toBeNull()
  })

  it('decodes interleaved 16-bit samples into one float channel each', () => {
    const bytes = wav([16384, -32768, -16384, 32767], 2)
    const f = parseWavHeader(bytes)
    if (!f) throw new Error('header')
    const [left, right] = decodePcm(bytes.slice(f.dataOffset), f)
    expect(Array.from(left ?? [])).toEqual([0.5, -0.5])
    expect(right?.[0]).toBe(-1)
    expect(right?.[1]).toBeCloseTo(1, 4)
  })
})
