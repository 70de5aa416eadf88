import { readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseOwnHeader, repairWav, WAV_HEADER_BYTES } from '../../../../../src/main/services/recorder/wav'
import { createWavAppender, type WavAppender } from '../../../../../src/main/services/recorder/wav-appender'
import { failingFileOpener, errnoError } from '../../../helpers/failing-file'
import { ffprobe } from '../../../helpers/ffprobe'
import { concatBytes, noiseBytes, sinePcm } from '../../../helpers/pcm'
import { tempDirs } from '../../../helpers/temp-dir'

const FORMAT = { sampleRate: 8000, channels: 1, bitsPerSample: 16 } as const
const dirs = tempDirs()
const open: WavAppender[] = []
afterEach(async () => {
  for (const a of open.splice(0)) await a.abandon()
  await dirs.cleanup()
})

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

async function appenderAt(name: string, extra: Partial<Parameters<typeof createWavAppender>[0]> = {}) {
  const path = join(await dirs.make(), name)
  const appender = await createWavAppender({ path, format: FORMAT, syncIntervalMs: 100, ...extra })
  open.push(appender)
  return { path, appender }
}

/** Reads the file with a separate fs read, as another process (or the next start) would. */
async function onDisk(path: string) {
  const file = await readFile(path)
  return {
    file,
    dataSize: file.readUInt32LE(40),
    riffSize: file.readUInt32LE(4),
    data: file.subarray(WAV_HEADER_BYTES),
  }
}

describe('wav-appender', () => {
  it('writes a header claiming no data when the file is created', async () => {
    const { path } = await appenderAt('new.wav')
    const { file, dataSize, riffSize } = await onDisk(path)
    expect(file.byteLength).toBe(WAV_HEADER_BYTES)
    expect(dataSize).toBe(0)
    expect(riffSize).toBe(36)
    expect(parseOwnHeader(file, file.byteLength).sampleRate).toBe(8000)
  })

  it('has data and header sizes on disk when the sync interval has passed', async () => {
    const { path, appender } = await appenderAt('synced.wav')
    const chunks = [noiseBytes(1600, 1), noiseBytes(800, 2), noiseBytes(3200, 3)]
    for (const c of chunks) await appender.append(c)
    expect(appender.dataBytes).toBe(5600)
    await sleep(250)
    const first = await onDisk(path)
    expect(first.dataSize).toBe(5600)
    expect(first.riffSize).toBe(36 + 5600)
    expect(first.data.equals(Buffer.from(concatBytes(chunks)))).toBe(true)

    // A later append is flushed by a later timer, too.
    await appender.append(noiseBytes(400, 4))
    await sleep(250)
    const second = await onDisk(path)
    expect(second.dataSize).toBe(6000)
    expect(second.file.byteLength).toBe(WAV_HEADER_BYTES + 6000)
  })

  it('writes the final header when closed before the sync interval', async () => {
    const { path, appender } = await appenderAt('closed.wav', { syncIntervalMs: 60_000 })
    const pcm = sinePcm(8000, 440, 0.5, 8000)
    await appender.append(pcm.subarray(0, 6000))
    await appender.append(pcm.subarray(6000))
    await appender.close()
    const { dataSize, data } = await onDisk(path)
    expect(dataSize).toBe(16000)
    expect(data.equals(Buffer.from(pcm))).toBe(true)
    expect((await ffprobe(path)).durationSeconds).toBeCloseTo(1, 3)
  })

  it('rejects an append when the appender is closed, and closing twice is harmless', async () => {
    const { appender } = await appenderAt('twice.wav')
    await appender.append(noiseBytes(10, 5))
    await appender.close()
    await expect(appender.close()).resolves.toBeUndefined()
    await expect(appender.append(noiseBytes(10, 6))).rejects.toThrow(/append after close/)
  })

  it('leaves a recoverable file when abandoned without a final header', async () => {
    const { path, appender } = await appenderAt('abandoned.wav', { syncIntervalMs: 60_000 })
    const pcm = sinePcm(8000, 300, 0.4, 4000)
    await appender.append(pcm)
    await appender.abandon()
    expect((await onDisk(path)).dataSize).toBe(0)
    const layout = await repairWav(path)
    expect(layout.dataBytes).toBe(8000)
    expect((await onDisk(path)).data.equals(Buffer.from(pcm))).toBe(true)
    expect((await ffprobe(path)).durationSeconds).toBeCloseTo(0.5, 3)
  })

  it('refuses to overwrite a file when one already exists at the path', async () => {
    const path = join(await dirs.make(), 'existing.wav')
    await writeFile(path, 'an earlier recording')
    await expect(createWavAppender({ path, format: FORMAT })).rejects.toMatchObject({ code: 'EEXIST' })
    expect(await readFile(path, 'utf8')).toBe('an earlier recording')
  })

  it('rejects the append with ENOSPC and keeps earlier data readable when the disk fills on a chunk boundary', async () => {
    const chunks = [noiseBytes(1000, 1), noiseBytes(1000, 2), noiseBytes(1000, 3), noiseBytes(1000, 4)]
    const { path, appender } = await appenderAt('full.wav', {
      openFile: failingFileOpener({ capacity: WAV_HEADER_BYTES + 3000 }),
    })
    for (const c of chunks.slice(0, 3)) await appender.append(c)
    await expect(appender.append(chunks[3] ?? new Uint8Array())).rejects.toMatchObject({ code: 'ENOSPC' })
    expect(appender.dataBytes).toBe(3000)
    // The header still fits: closing finalises what was written.
    await appender.close()
    expect((await onDisk(path)).dataSize).toBe(3000)
    const layout = await repairWav(path)
    expect(layout.dataBytes).toBe(3000)
    expect((await onDisk(path)).data.equals(Buffer.from(concatBytes(chunks.slice(0, 3))))).toBe(true)
    expect((await ffprobe(path)).durationSeconds).toBeCloseTo(3000 / 2 / 8000, 3)
  })

  it('rejects the append when the disk fills part-way through a chunk', async () => {
    const chunks = [noiseBytes(1000, 1), noiseBytes(1000, 2), noiseBytes(1000, 3)]
    const { path, appender } = await appenderAt('full-mid.wav', {
      openFile: failingFileOpener({ capacity: WAV_HEADER_BYTES + 2500 }),
    })
    await appender.append(chunks[0] ?? new Uint8Array())
    await appender.append(chunks[1] ?? new Uint8Array())
    // write(2) stores 500 bytes and reports a short count; the chunk was not stored and must not be acknowledged.
    await expect(appender.append(chunks[2] ?? new Uint8Array())).rejects.toMatchObject({ code: 'ENOSPC' })
    expect(appender.dataBytes).toBe(2000)
    await appender.abandon()
    const layout = await repairWav(path)
    expect(layout.dataBytes).toBeGreaterThanOrEqual(2000)
    const { data } = await onDisk(path)
    expect(data.subarray(0, 2000).equals(Buffer.from(concatBytes(chunks.slice(0, 2))))).toBe(true)
    expect((await ffprobe(path)).durationSeconds).toBeGreaterThanOrEqual(2000 / 2 / 8000)
  })

  it('rejects the next append when a timed flush failed', async () => {
    let isFailing = false
    const { appender } = await appenderAt('flush-fails.wav', {
      openFile: failingFileOpener({ failDatasync: () => (isFailing ? errnoError('ENOSPC', 'fdatasync') : null) }),
    })
    isFailing = true
    await appender.append(noiseBytes(100, 1))
    await sleep(250)
    // The durability promise (flushed within the interval) was broken: the caller must hear of it.
    await expect(appender.append(noiseBytes(100, 2))).rejects.toMatchObject({ code: 'ENOSPC' })
    isFailing = false
    await expect(appender.close()).resolves.toBeUndefined()
  })

  it('rejects close when the final flush fails, and still closes the file', async () => {
    const { path, appender } = await appenderAt('close-fails.wav', {
      syncIntervalMs: 60_000,
      openFile: failingFileOpener({ failDatasync: () => errnoError('EIO', 'fdatasync') }),
    })
    await appender.append(noiseBytes(200, 1))
    await expect(appender.close()).rejects.toMatchObject({ code: 'EIO' })
    await expect(appender.append(noiseBytes(2, 1))).rejects.toThrow(/append after close/)
    expect((await stat(path)).size).toBe(WAV_HEADER_BYTES + 200)
  })
})
