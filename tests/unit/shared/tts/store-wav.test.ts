import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { decodePcm16, encodeStoreWav, resample, STORE_PEAK, toStoreWav } from '../../../../src/shared/tts/store-wav'
import { readWavInfo } from '../../../../src/shared/tts/wav-info'
import { ffprobe } from '../../helpers/ffprobe'
import { tempDirs } from '../../helpers/temp-dir'

const dirs = tempDirs('daixa-storewav-')
afterAll(() => dirs.cleanup())

const sine = (freq: number, rate: number, seconds: number, amp = 0.5) =>
  Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) => amp * Math.sin((2 * Math.PI * freq * i) / rate))

/** Rising zero crossings per second over the middle of the signal. */
function frequencyOf(x: Float32Array, rate: number): number {
  const from = Math.floor(x.length / 4)
  const to = Math.floor((3 * x.length) / 4)
  let crossings = 0
  for (let i = from + 1; i < to; i += 1) if ((x[i - 1] ?? 0) < 0 && (x[i] ?? 0) >= 0) crossings += 1
  return (crossings * rate) / (to - from)
}

describe('store-wav', () => {
  it('writes a 44-byte-header mono 16-bit WAV that reads back', () => {
    const wav = encodeStoreWav(sine(440, 44_100, 0.5), 44_100)
    expect(readWavInfo(wav)).toMatchObject({ sampleRate: 44_100, channels: 1, bitsPerSample: 16, dataOffset: 44 })
    const back = decodePcm16(wav)
    expect(Math.max(...back.samples.map(Math.abs))).toBeCloseTo(STORE_PEAK, 3)
  })

  it('doubles 22,050 Hz to 44,100 Hz keeping pitch and length', () => {
    const out = resample(sine(1000, 22_050, 1), 22_050, 44_100)
    expect(out.length).toBe(44_100)
    expect(frequencyOf(out, 44_100)).toBeCloseTo(1000, -1)
  })

  it('resamples 16 kHz and 48 kHz to 44.1 kHz', () => {
    expect(frequencyOf(resample(sine(500, 16_000, 1), 16_000, 44_100), 44_100)).toBeCloseTo(500, -1)
    const down = resample(sine(3000, 48_000, 1), 48_000, 44_100)
    expect(down.length).toBe(44_100)
    expect(frequencyOf(down, 44_100)).toBeCloseTo(3000, -1)
  })

  it('converts a 22,050 Hz stereo WAV to a file ffprobe reads as 44.1 kHz mono of the same length', async () => {
    const stereo = encodeStoreWav(sine(440, 22_050, 2), 22_050)
    const converted = toStoreWav(stereo)
    const path = join(await dirs.make(), 'out.wav')
    await writeFile(path, converted)
    const probe = await ffprobe(path)
    expect(probe).toMatchObject({ sampleRate: 44_100, channels: 1, codec: 'pcm_s16le' })
    expect(probe.durationSeconds).toBeCloseTo(2, 3)
  })

  it('refuses what is not 16-bit PCM WAV, and an empty one', () => {
    expect(() => toStoreWav(new TextEncoder().encode('not a wav file at all, really'))).toThrow(/16-bit PCM/)
    expect(() => toStoreWav(encodeStoreWav(new Float32Array(0), 22_050))).toThrow(/no audio/)
  })
})
