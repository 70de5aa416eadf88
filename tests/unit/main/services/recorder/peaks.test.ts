import { describe, expect, it } from 'vitest'
import { peaksSchema } from '../../../../../src/shared/ipc/media'
import { createPeakBuilder, PEAKS_PER_SECOND, samplesPerPeakFor } from '../../../../../src/main/services/recorder/peaks'
import { concatBytes, noiseBytes, seededRandom, sinePcm } from '../../../helpers/pcm'

/** `count` samples all equal to `value`, 16-bit LE. */
function constantPcm(value: number, count: number): Uint8Array {
  const out = new Uint8Array(count * 2)
  const view = new DataView(out.buffer)
  for (let i = 0; i < count; i++) view.setInt16(i * 2, value, true)
  return out
}

describe('peaks', () => {
  it('uses a block of sampleRate/50 samples when building peaks', () => {
    expect(PEAKS_PER_SECOND).toBe(50)
    for (const rate of [8000, 16000, 22050, 44100, 48000, 96000]) {
      expect(samplesPerPeakFor(rate)).toBe(rate / 50)
      expect(createPeakBuilder(rate).result().samplesPerPeak).toBe(rate / 50)
    }
    expect(samplesPerPeakFor(10)).toBe(1)
  })

  it('gives one peak per block when fed exactly one second', () => {
    const builder = createPeakBuilder(44100)
    builder.push(sinePcm(44100, 441, 0.5, 44100))
    const result = builder.result()
    expect(result.sampleRate).toBe(44100)
    expect(result.peaks).toHaveLength(50)
    expect(builder.sampleCount).toBe(44100)
    expect(peaksSchema.safeParse(result).success).toBe(true)
  })

  it('gives the amplitude of a known sine when every block holds whole periods', () => {
    // 400 Hz at 8 kHz: 20 samples a period, a crest at sample 5, 8 periods per 160-sample block.
    const builder = createPeakBuilder(8000)
    builder.push(sinePcm(8000, 400, 0.5, 8000))
    builder.push(sinePcm(8000, 400, 0.25, 8000))
    const { peaks } = builder.result()
    expect(peaks).toHaveLength(100)
    expect(peaks.slice(0, 50)).toEqual(Array<number>(50).fill(0.5))
    expect(peaks.slice(50)).toEqual(Array<number>(50).fill(0.25))
  })

  it('gives 1 when a block holds full-scale negative samples', () => {
    const builder = createPeakBuilder(8000)
    builder.push(constantPcm(-32768, 160))
    builder.push(constantPcm(0, 160))
    builder.push(constantPcm(32767, 160))
    expect(builder.result().peaks).toEqual([1, 0, 1])
  })

  it('includes the final partial block when the samples do not fill it', () => {
    const builder = createPeakBuilder(8000)
    builder.push(sinePcm(8000, 400, 0.5, 8000))
    builder.push(constantPcm(-8192, 37))
    const { peaks } = builder.result()
    expect(peaks).toHaveLength(51)
    expect(peaks.at(-1)).toBe(0.25)
    expect(builder.sampleCount).toBe(8037)
    // Reading the result does not close the block: more samples extend it.
    builder.push(constantPcm(16384, 160 - 37))
    const after = builder.result().peaks
    expect(after).toHaveLength(51)
    expect(after.at(-1)).toBe(0.5)
  })

  it('gives no peaks when nothing was pushed', () => {
    const builder = createPeakBuilder(48000)
    expect(builder.result()).toEqual({ version: 1, sampleRate: 48000, samplesPerPeak: 960, peaks: [] })
    expect(builder.sampleCount).toBe(0)
  })

  it('gives identical peaks when the same PCM is split at random even offsets', () => {
    const pcm = concatBytes([
      sinePcm(44100, 523, 0.7, 30_000),
      noiseBytes(2 * 20_011, 7),
      sinePcm(44100, 90, 0.1, 9_999),
    ])
    const whole = createPeakBuilder(44100)
    whole.push(pcm)
    const random = seededRandom(2024)
    for (let round = 0; round < 20; round++) {
      const split = createPeakBuilder(44100)
      let at = 0
      while (at < pcm.byteLength) {
        const step = 2 * random(2000) // even, sometimes 0: an empty chunk is harmless
        split.push(pcm.subarray(at, Math.min(pcm.byteLength, at + step)))
        at += step
      }
      expect(split.result()).toEqual(whole.result())
      expect(split.sampleCount).toBe(whole.sampleCount)
    }
    expect(whole.sampleCount).toBe(30_000 + 20_011 + 9_999)
    expect(whole.result().peaks).toHaveLength(Math.ceil(whole.sampleCount / 882))
  })

  it('reads samples correctly when a chunk is a view at an odd byte offset', () => {
    const pcm = constantPcm(-16384, 160)
    const backing = new Uint8Array(pcm.byteLength + 3)
    backing.set(pcm, 1)
    const builder = createPeakBuilder(8000)
    builder.push(backing.subarray(1, 1 + pcm.byteLength))
    expect(builder.result().peaks).toEqual([0.5])
  })
})
