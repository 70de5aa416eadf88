/**
 * The recording service's life cycle beyond one start→stop: owners that go away, recordings
 * continued after the page's connection or the host came back, the save kept open until the
 * library row exists, the minimum length, and temporary files left by a crash.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newId } from '../../../../../src/shared/ids'
import { createMediaStore, type MediaStore } from '../../../../../src/main/services/media/media-store'
import {
  createRecordingService,
  type RecordingService,
  type RecordingServiceOptions,
} from '../../../../../src/main/services/recorder/recording-service'
import { parseOwnHeader, WAV_HEADER_BYTES } from '../../../../../src/main/services/recorder/wav'
import { collectingLogger } from '../../../helpers/collecting-logger'
import { concatBytes, noiseBytes } from '../../../helpers/pcm'
import { tempDirs } from '../../../helpers/temp-dir'

const RATE = 8000
const dirs = tempDirs()
let recordingsDir: string
let store: MediaStore
const services: RecordingService[] = []

beforeEach(async () => {
  const root = await dirs.make()
  recordingsDir = join(root, 'recordings')
  store = await createMediaStore(join(root, 'media'))
})

afterEach(async () => {
  for (const s of services.splice(0)) await s.stopAll()
  await dirs.cleanup()
})

async function service(extra: Partial<RecordingServiceOptions> = {}): Promise<RecordingService> {
  const s = await createRecordingService({ dir: recordingsDir, store, log: collectingLogger(), ...extra })
  services.push(s)
  return s
}

const dataOf = async (path: string) => (await readFile(path)).subarray(WAV_HEADER_BYTES)

describe('recording-service life cycle', () => {
  it('ends only the recordings of an owner that goes away and offers them back', async () => {
    const changes: string[] = []
    const rec = await service({ onChange: (id) => changes.push(id), syncIntervalMs: 3_600_000 })
    const [mine, theirs] = [newId(), newId()]
    await rec.start({ id: mine, title: 'trang 1', sampleRate: RATE }, 'ws:1')
    await rec.start({ id: theirs, title: 'trang 2', sampleRate: RATE }, 'ws:2')
    await rec.append({ id: mine, seq: 0, pcm: noiseBytes(600, 1) }, 'ws:1')
    await rec.append({ id: theirs, seq: 0, pcm: noiseBytes(400, 2) }, 'ws:2')
    await rec.releaseOwner('ws:1')
    expect(changes).toEqual([mine])
    // The header was finalised when the session ended.
    const header = await readFile(join(recordingsDir, `${mine}.wav`))
    expect(header.readUInt32LE(40)).toBe(600)
    expect(await rec.listInterrupted()).toMatchObject([{ id: mine, title: 'trang 1', sampleCount: 300, hash: null }])
    await expect(rec.append({ id: mine, seq: 1, pcm: noiseBytes(2, 3) }, 'ws:1')).rejects.toMatchObject({
      code: 'not-found',
    })
    expect(await rec.append({ id: theirs, seq: 1, pcm: noiseBytes(200, 4) }, 'ws:2')).toEqual({ sampleCount: 300 })
  })

  it('ends a recording the page lets go and offers it back; interrupting it again is harmless', async () => {
    const rec = await service()
    const id = newId()
    await rec.start({ id, title: 'rời màn hình', sampleRate: RATE }, 'ws:1')
    await rec.append({ id, seq: 0, pcm: noiseBytes(500, 1) }, 'ws:1')
    await rec.interrupt(id)
    await rec.interrupt(id)
    expect(await rec.listInterrupted()).toMatchObject([{ id, sampleCount: 250, hash: null }])
  })

  it('continues a recording whose page reconnected, after the last sample on disk', async () => {
    const rec = await service()
    const id = newId()
    const [a, b, c] = [noiseBytes(1000, 1), noiseBytes(800, 2), noiseBytes(600, 3)]
    await rec.start({ id, title: 'tiếp tục', sampleRate: RATE }, 'ws:1')
    await rec.append({ id, seq: 0, pcm: a }, 'ws:1')
    await rec.append({ id, seq: 1, pcm: b }, 'ws:1')
    await rec.releaseOwner('ws:1')
    // The page had sent three chunks; the answer to the second was lost. It asks where the file ends.
    expect(await rec.resume({ id, nextSeq: 1 }, 'ws:2')).toEqual({ sampleCount: 900, stored: null })
    expect(await rec.listInterrupted()).toEqual([])
    expect(await rec.append({ id, seq: 1, pcm: c }, 'ws:2')).toEqual({ sampleCount: 1200 })
    const media = await rec.stop({ id }, 'ws:2')
    expect(media).toMatchObject({ sampleCount: 1200, title: 'tiếp tục' })
    const file = await readFile(store.pathOf(media.hash))
    expect(parseOwnHeader(file, file.byteLength).declaredDataBytes).toBe(2400)
    expect(file.subarray(WAV_HEADER_BYTES).equals(Buffer.from(concatBytes([a, b, c])))).toBe(true)
  })

  it('continues a recording after the host restarted, with its peaks rebuilt from the file', async () => {
    const first = await service({ syncIntervalMs: 3_600_000 })
    const id = newId()
    const a = noiseBytes(3200, 5)
    await first.start({ id, title: 'sau khi khởi động lại', sampleRate: RATE }, 'ws:1')
    await first.append({ id, seq: 0, pcm: a }, 'ws:1')
    const afterRestart = await service()
    expect(await afterRestart.resume({ id, nextSeq: 1 }, 'ws:9')).toEqual({ sampleCount: 1600, stored: null })
    const b = noiseBytes(1600, 6)
    await afterRestart.append({ id, seq: 1, pcm: b }, 'ws:9')
    const media = await afterRestart.stop({ id }, 'ws:9')
    expect(media.sampleCount).toBe(2400)
    expect((await dataOf(store.pathOf(media.hash))).equals(Buffer.from(concatBytes([a, b])))).toBe(true)
    expect((await store.readPeaks(media.hash)).peaks).toHaveLength(Math.ceil(2400 / 160))
  })

  it('hands a live recording to the new connection, so the old one closing does not end it', async () => {
    const rec = await service()
    const id = newId()
    await rec.start({ id, title: 't', sampleRate: RATE }, 'ws:1')
    await rec.append({ id, seq: 0, pcm: noiseBytes(100, 1) }, 'ws:1')
    expect(await rec.resume({ id, nextSeq: 1 }, 'ws:2')).toEqual({ sampleCount: 50, stored: null })
    await rec.releaseOwner('ws:1')
    expect(await rec.append({ id, seq: 1, pcm: noiseBytes(100, 2) }, 'ws:2')).toEqual({ sampleCount: 100 })
    expect(await rec.listInterrupted()).toEqual([])
  })

  it('answers a resume with the stored take when the stop went through but its answer was lost', async () => {
    const rec = await service()
    const id = newId()
    await rec.start({ id, title: 't', sampleRate: RATE })
    await rec.append({ id, seq: 0, pcm: noiseBytes(400, 1) })
    const media = await rec.stop({ id })
    expect(await rec.resume({ id, nextSeq: 1 })).toEqual({ sampleCount: 200, stored: media })
    await rec.commit(id)
    await expect(rec.resume({ id, nextSeq: 1 })).rejects.toMatchObject({ code: 'not-found' })
  })

  it('offers a stored take back after a restart until its library row is committed', async () => {
    const first = await service()
    const id = newId()
    await first.start({ id, title: 'Thông báo', sampleRate: RATE })
    await first.append({ id, seq: 0, pcm: noiseBytes(800, 1) })
    const media = await first.stop({ id })
    // The page died before writing the library row.
    const afterRestart = await service()
    expect(await afterRestart.listInterrupted()).toEqual([
      {
        id,
        title: 'Thông báo',
        startedAt: media.startedAt,
        sampleRate: RATE,
        sampleCount: 400,
        durationMs: 50,
        hash: media.hash,
      },
    ])
    expect(await afterRestart.recover(id)).toEqual(media)
    await expect(afterRestart.commit(newId())).resolves.toBeUndefined()
    await afterRestart.commit(id)
    expect(await afterRestart.listInterrupted()).toEqual([])
    expect(store.has(media.hash)).toBe(true)
  })

  it('deletes the stored file too when a stored take is discarded', async () => {
    const rec = await service()
    const id = newId()
    await rec.start({ id, title: 't', sampleRate: RATE })
    await rec.append({ id, seq: 0, pcm: noiseBytes(800, 2) })
    const media = await rec.stop({ id })
    await rec.discard(id)
    expect(store.has(media.hash)).toBe(false)
    expect(await readdir(store.dir)).toEqual([])
    expect(await readdir(recordingsDir)).toEqual([])
  })

  it('refuses to commit a recording that is still live or still in the recordings folder', async () => {
    const rec = await service()
    const id = newId()
    await rec.start({ id, title: 't', sampleRate: RATE }, 'ws:1')
    await expect(rec.commit(id)).rejects.toMatchObject({ code: 'conflict' })
    await rec.releaseOwner('ws:1')
    await expect(rec.commit(id)).rejects.toMatchObject({ code: 'conflict' })
    expect((await rec.listInterrupted()).map((r) => r.id)).toEqual([id])
  })

  it("refuses a take under the minimum length with 'too-short' and removes its files", async () => {
    let minMs = 1000
    const rec = await service({ minDurationMs: () => minMs })
    const short = newId()
    await rec.start({ id: short, title: 'lỡ tay', sampleRate: RATE })
    await rec.append({ id: short, seq: 0, pcm: noiseBytes(2 * 4800, 1) }) // 0.6 s
    await expect(rec.stop({ id: short })).rejects.toMatchObject({ code: 'too-short' })
    expect(await readdir(recordingsDir)).toEqual([])
    expect(await readdir(store.dir)).toEqual([])

    const exact = newId()
    await rec.start({ id: exact, title: 'đủ dài', sampleRate: RATE })
    await rec.append({ id: exact, seq: 0, pcm: noiseBytes(2 * RATE, 2) }) // 1.0 s
    expect((await rec.stop({ id: exact })).durationMs).toBe(1000)

    minMs = 0
    const tiny = newId()
    await rec.start({ id: tiny, title: 'không giới hạn', sampleRate: RATE })
    await rec.append({ id: tiny, seq: 0, pcm: noiseBytes(20, 3) })
    expect((await rec.stop({ id: tiny })).sampleCount).toBe(10)
  })

  it('removes the temporary files a crash left in the recordings and media folders', async () => {
    await service()
    const stale = [
      join(recordingsDir, '01a2522a-e140-71bd-abb0-a530dbb52d12.json.4242.1767225600000.tmp'),
      join(store.dir, `${'a'.repeat(64)}.peaks.json.4242.1767225600000.tmp`),
    ]
    for (const path of stale) await writeFile(path, '')
    await writeFile(join(store.dir, 'notes.tmp'), 'not ours')
    await service()
    await createMediaStore(store.dir)
    expect(await readdir(recordingsDir)).toEqual([])
    expect(await readdir(store.dir)).toEqual(['notes.tmp'])
  })
})
