/** The one WAV writer of scripts, benchmarks and e2e support: header fields and sample values. */
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { floatToPcm16, pcm16Wav, sinePcm16, WAV_HEADER_BYTES, writeSineWav } from '../../../../scripts/lib/wav.mjs'
import { readWavInfo } from '../../../../src/shared/tts/wav-info'
import { dominantFrequency, readWav } from '../../../e2e/support/wav'
import { tempDirs } from '../../helpers/temp-dir'

const dirs = tempDirs('daixa-wav-lib-')
afterAll(() => dirs.cleanup())

describe('scripts/lib/wav', () => {
  it('writes a 44-byte mono 16-bit PCM header with the sizes of the data when given samples', () => {
    const bytes = pcm16Wav(Int16Array.of(0, 32767, -32768, 1), 22_050)
    expect(bytes.length).toBe(WAV_HEADER_BYTES + 8)
    expect(bytes.toString('ascii', 0, 4)).toBe('RIFF')
    expect(bytes.readUInt32LE(4)).toBe(36 + 8)
    expect(bytes.toString('ascii', 8, 16)).toBe('WAVEfmt ')
    expect(bytes.readUInt32LE(28)).toBe(22_050 * 2)
    expect(bytes.readUInt16LE(32)).toBe(2)
    expect(bytes.toString('ascii', 36, 40)).toBe('data')
    expect(bytes.readUInt32LE(40)).toBe(8)
    expect([0, 1, 2, 3].map((i) => bytes.readInt16LE(44 + i * 2))).toEqual([0, 32767, -32768, 1])
    expect(readWavInfo(new Uint8Array(bytes))).toMatchObject({
      sampleRate: 22_050,
      channels: 1,
      bitsPerSample: 16,
      dataOffset: 44,
    })
  })

  it('rounds floats to full scale 32767 when converting to 16-bit', () => {
    expect(Array.from(floatToPcm16([0, 1, -1, 0.5, -0.00001]))).toEqual([0, 32767, -32767, 16384, 0])
  })

  it('makes a sine of the asked length and peak when given a tone', () => {
    const s = sinePcm16({ frequency: 1000, seconds: 0.5, sampleRate: 48_000, amplitude: 0.5 })
    expect(s.length).toBe(24_000)
    expect(Math.max(...s)).toBe(Math.round(0.5 * 32767))
    expect(s[0]).toBe(0)
  })

  it('writes a tone file the e2e reader reads back at its frequency and duration', async () => {
    const path = join(await dirs.make(), 'tone.wav')
    writeSineWav(path, { frequency: 660, seconds: 2, sampleRate: 44_100, amplitude: 0.5 })
    const wav = readWav(path)
    expect(wav).toMatchObject({ sampleRate: 44_100, channels: 1, durationS: 2, declaredDataBytes: 2 * 44_100 * 2 })
    expect(dominantFrequency(wav.samples, wav.sampleRate)).toBeCloseTo(660, 0)
  })
})
