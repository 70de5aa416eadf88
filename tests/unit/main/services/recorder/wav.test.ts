import { readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  parseOwnHeader,
  repairWav,
  WAV_HEADER_BYTES,
  wavHeader,
  type PcmFormat,
} from '../../../../../src/main/services/recorder/wav'
import { ffprobe } from '../../../helpers/ffprobe'
import { concatBytes, noiseBytes, sinePcm } from '../../../helpers/pcm'
import { tempDirs } from '../../../helpers/temp-dir'

const MONO_44K: PcmFormat = { sampleRate: 44100, channels: 1, bitsPerSample: 16 }
const dirs = tempDirs()
afterEach(() => dirs.cleanup())

/** A file as the recorder leaves it: a header claiming `declared` data bytes, then `data`. */
async function writeWav(name: string, format: PcmFormat, declared: number, data: Uint8Array): Promise<string> {
  const path = join(await dirs.make(), name)
  await writeFile(path, concatBytes([wavHeader(format, declared), data]))
  return path
}

const sizesOf = (file: Buffer) => ({ riffSize: file.readUInt32LE(4), dataSize: file.readUInt32LE(40) })

describe('wav', () => {
  it('writes the documented header when the recording is 1 s mono at 44.1 kHz', () => {
    const h = wavHeader(MONO_44K, 88200)
    expect(h.byteLength).toBe(WAV_HEADER_BYTES)
    expect(h.toString('ascii', 0, 4)).toBe('RIFF')
    expect(h.readUInt32LE(4)).toBe(88236)
    expect(h.toString('ascii', 8, 12)).toBe('WAVE')
    expect(h.toString('ascii', 12, 16)).toBe('fmt ')
    expect(h.readUInt32LE(16)).toBe(16)
    expect(h.readUInt16LE(20)).toBe(1)
    expect(h.readUInt16LE(22)).toBe(1)
    expect(h.readUInt32LE(24)).toBe(44100)
    expect(h.readUInt32LE(28)).toBe(88200)
    expect(h.readUInt16LE(32)).toBe(2)
    expect(h.readUInt16LE(34)).toBe(16)
    expect(h.toString('ascii', 36, 40)).toBe('data')
    expect(h.readUInt32LE(40)).toBe(88200)
    expect(h.toString('hex')).toBe(
      '52494646' +
        'ac580100' +
        '57415645' +
        '666d7420' +
        '10000000' +
        '0100' +
        '0100' +
        '44ac0000' +
        '88580100' +
        '0200' +
        '1000' +
        '64617461' +
        '88580100',
    )
  })

  it('writes byte rate and block align for two channels when the format is stereo', () => {
    const h = wavHeader({ sampleRate: 48000, channels: 2, bitsPerSample: 16 }, 0)
    expect(h.readUInt32LE(4)).toBe(36)
    expect(h.readUInt32LE(28)).toBe(192000)
    expect(h.readUInt16LE(32)).toBe(4)
    expect(h.readUInt32LE(40)).toBe(0)
  })

  it('reads the layout and counts only whole frames when the file ends mid-sample', () => {
    const layout = parseOwnHeader(wavHeader(MONO_44K, 1000), WAV_HEADER_BYTES + 501)
    expect(layout).toEqual({
      sampleRate: 44100,
      channels: 1,
      bitsPerSample: 16,
      dataOffset: 44,
      dataBytes: 500,
      declaredDataBytes: 1000,
    })
    const stereo = parseOwnHeader(wavHeader({ sampleRate: 8000, channels: 2, bitsPerSample: 16 }, 0), 44 + 4 * 10 + 3)
    expect(stereo.dataBytes).toBe(40)
    expect(parseOwnHeader(wavHeader(MONO_44K, 0), 20).dataBytes).toBe(0)
  })

  it('rejects a header when it is not one the recorder writes', () => {
    const good = wavHeader(MONO_44K, 0)
    const variant = (edit: (h: Buffer) => void): Buffer => {
      const h = Buffer.from(good)
      edit(h)
      return h
    }
    const cases: Array<[string, Buffer, RegExp]> = [
      ['too short', good.subarray(0, 43), /not a RIFF/],
      ['not RIFF', variant((h) => h.write('RIFX', 0, 'ascii')), /not a RIFF/],
      ['not WAVE', variant((h) => h.write('AVI ', 8, 'ascii')), /not a RIFF/],
      ['all zeros', Buffer.alloc(44), /not a RIFF/],
      ['no fmt chunk first', variant((h) => h.write('LIST', 12, 'ascii')), /chunk layout/],
      ['data not at 36', variant((h) => h.write('fact', 36, 'ascii')), /chunk layout/],
      ['float samples', variant((h) => h.writeUInt16LE(3, 20)), /16-bit PCM/],
      ['24-bit samples', variant((h) => h.writeUInt16LE(24, 34)), /16-bit PCM/],
      ['no channels', variant((h) => h.writeUInt16LE(0, 22)), /16-bit PCM/],
      ['no sample rate', variant((h) => h.writeUInt32LE(0, 24)), /16-bit PCM/],
    ]
    for (const [what, header, message] of cases) {
      expect(() => parseOwnHeader(header, 1000), what).toThrow(message)
    }
  })

  it('writes the true sizes when the recorder was killed before its first header update', async () => {
    const pcm = sinePcm(44100, 440, 0.5, 44100)
    const path = await writeWav('killed.wav', MONO_44K, 0, pcm)
    const layout = await repairWav(path)
    expect(layout.dataBytes).toBe(88200)
    expect(layout.declaredDataBytes).toBe(88200)
    const file = await readFile(path)
    expect(file.byteLength).toBe(88244)
    expect(sizesOf(file)).toEqual({ riffSize: 88236, dataSize: 88200 })
    expect(file.subarray(44).equals(Buffer.from(pcm))).toBe(true)
    const probe = await ffprobe(path)
    expect(probe).toMatchObject({ codec: 'pcm_s16le', sampleRate: 44100, channels: 1 })
    expect(probe.durationSeconds).toBeCloseTo(1, 3)
  })

  it('trims a trailing partial sample when the file ends on an odd byte', async () => {
    const pcm = noiseBytes(2 * 8000 + 1, 3)
    const path = await writeWav('odd.wav', { sampleRate: 8000, channels: 1, bitsPerSample: 16 }, 0, pcm)
    const layout = await repairWav(path)
    expect(layout.dataBytes).toBe(16000)
    const file = await readFile(path)
    expect(file.byteLength).toBe(44 + 16000)
    expect(sizesOf(file)).toEqual({ riffSize: 36 + 16000, dataSize: 16000 })
    expect(file.subarray(44).equals(Buffer.from(pcm.subarray(0, 16000)))).toBe(true)
    expect((await ffprobe(path)).durationSeconds).toBeCloseTo(1, 3)
  })

  it('trims a partial frame when a stereo file ends inside a frame', async () => {
    const format: PcmFormat = { sampleRate: 8000, channels: 2, bitsPerSample: 16 }
    const path = await writeWav('stereo.wav', format, 0, noiseBytes(4 * 4000 + 3, 4))
    const layout = await repairWav(path)
    expect(layout.dataBytes).toBe(16000)
    expect((await stat(path)).size).toBe(44 + 16000)
    const probe = await ffprobe(path)
    expect(probe.channels).toBe(2)
    expect(probe.durationSeconds).toBeCloseTo(0.5, 3)
  })

  it('corrects the header when it claims more data than the file holds', async () => {
    const pcm = sinePcm(22050, 300, 0.3, 11025)
    const path = await writeWav(
      'claims-more.wav',
      { sampleRate: 22050, channels: 1, bitsPerSample: 16 },
      10_000_000,
      pcm,
    )
    const layout = await repairWav(path)
    expect(layout.dataBytes).toBe(22050)
    const file = await readFile(path)
    expect(sizesOf(file)).toEqual({ riffSize: 36 + 22050, dataSize: 22050 })
    expect((await ffprobe(path)).durationSeconds).toBeCloseTo(0.5, 3)
  })

  it('corrects the header when it claims less data than the file holds', async () => {
    const pcm = sinePcm(16000, 1000, 0.8, 32000)
    const path = await writeWav('claims-less.wav', { sampleRate: 16000, channels: 1, bitsPerSample: 16 }, 3200, pcm)
    const before = parseOwnHeader(await readFile(path), (await stat(path)).size)
    expect(before.declaredDataBytes).toBe(3200)
    const layout = await repairWav(path)
    expect(layout.dataBytes).toBe(64000)
    const file = await readFile(path)
    expect(sizesOf(file)).toEqual({ riffSize: 36 + 64000, dataSize: 64000 })
    expect(file.subarray(44).equals(Buffer.from(pcm))).toBe(true)
    expect((await ffprobe(path)).durationSeconds).toBeCloseTo(2, 3)
  })

  it('leaves the file byte-identical when repaired a second time', async () => {
    const path = await writeWav('twice.wav', MONO_44K, 12, noiseBytes(2 * 4410 + 1, 9))
    const first = await repairWav(path)
    const afterFirst = await readFile(path)
    const second = await repairWav(path)
    const afterSecond = await readFile(path)
    expect(second).toEqual(first)
    expect(afterSecond.equals(afterFirst)).toBe(true)
    expect((await ffprobe(path)).durationSeconds).toBeCloseTo(0.1, 3)
  })

  it('gives an empty but valid file when the recorder was killed before any sample', async () => {
    const path = await writeWav('empty.wav', MONO_44K, 0, new Uint8Array(1))
    const layout = await repairWav(path)
    expect(layout.dataBytes).toBe(0)
    const file = await readFile(path)
    expect(file.byteLength).toBe(44)
    expect(sizesOf(file)).toEqual({ riffSize: 36, dataSize: 0 })
  })

  it('throws and leaves the file untouched when it is not a recorder WAV', async () => {
    const junk = noiseBytes(1000, 11)
    const path = join(await dirs.make(), 'junk.wav')
    await writeFile(path, junk)
    await expect(repairWav(path)).rejects.toThrow(/^wav:/)
    expect((await readFile(path)).equals(Buffer.from(junk))).toBe(true)

    const tiny = join(await dirs.make(), 'tiny.wav')
    await writeFile(tiny, Buffer.from('RIFF'))
    await expect(repairWav(tiny)).rejects.toThrow(/^wav:/)
    expect((await readFile(tiny)).toString()).toBe('RIFF')
  })

  it('rejects with ENOENT when the file does not exist', async () => {
    const path = join(await dirs.make(), 'missing.wav')
    await expect(repairWav(path)).rejects.toMatchObject({ code: 'ENOENT' })
  })
})
