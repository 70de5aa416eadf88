import { describe, expect, it } from 'vitest'
import { encodeStoreWav } from '../../../../src/shared/tts/store-wav'
import { readWavInfo } from '../../../../src/shared/tts/wav-info'

describe('wav-info', () => {
  it('reads rate, channels and duration of a PCM WAV', () => {
    const info = readWavInfo(encodeStoreWav(new Float32Array(22_050), 22_050))
    expect(info).toEqual({
      sampleRate: 22_050,
      channels: 1,
      bitsPerSample: 16,
      dataOffset: 44,
      dataBytes: 44_100,
      durationMs: 1000,
    })
  })

  it('takes a data size that runs past the end (streamed writers) as "to the end"', () => {
    const wav = encodeStoreWav(new Float32Array(100), 8000)
    new DataView(wav.buffer).setUint32(40, 0xffffffff, true)
    expect(readWavInfo(wav)?.dataBytes).toBe(200)
  })

  it('skips chunks before data and rejects non-WAV and non-PCM files', () => {
    const plain = encodeStoreWav(new Float32Array(10), 8000)
    const list = new Uint8Array([...new TextEncoder().encode('LIST'), 4, 0, 0, 0, 1, 2, 3, 4])
    const withList = new Uint8Array([...plain.subarray(0, 36), ...list, ...plain.subarray(36)])
    expect(readWavInfo(withList)?.dataOffset).toBe(56)
    expect(readWavInfo(new Uint8Array(10))).toBeNull()
    const float = plain.slice()
    new DataView(float.buffer).setUint16(20, 3, true)
    expect(readWavInfo(float)).toBeNull()
  })
})
