import { createHash } from 'node:crypto'
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newId } from '../../../../../src/shared/ids'
import { finishedMediaSchema, interruptedRecordingSchema } from '../../../../../src/shared/ipc/recording'
import { peaksSchema } from '../../../../../src/shared/ipc/media'
import { toServiceError } from '../../../../../src/main/services/fs-errors'
import { createMediaStore, type MediaStore } from '../../../../../src/main/services/media/media-store'
import {
  createRecordingService,
  type RecordingService,
} from '../../../../../src/main/services/recorder/recording-service'
import { parseOwnHeader, WAV_HEADER_BYTES } from '../../../../../src/main/services/recorder/wav'
import { collectingLogger } from '../../../helpers/collecting-logger'
import { ffprobe } from '../../../helpers/ffprobe'
import { concatBytes, noiseBytes, sinePcm } from '../../../helpers/pcm'
import { tempDirs } from '../../../helpers/temp-dir'

const RATE = 8000
const STARTED = new Date('2026-03-08T01:30:00.000Z')
const dirs = tempDirs()
let root: string
let recordingsDir: string
let store: MediaStore
const services: RecordingService[] = []

beforeEach(async () => {
  root = await dirs.make()
  recordingsDir = join(root, 'recordings')
  store = await createMediaStore(join(root, 'media'))
})

afterEach(async () => {
  for (const s of services.splice(0)) await s.stopAll()
  await dirs.cleanup()
})

async function service(log = collectingLogger(), syncIntervalMs = 100): Promise<RecordingService> {
  const s = await createRecordingService({ dir: recordingsDir, store, log, now: () => STARTED, syncIntervalMs })
  services.push(s)
  return s
}

const sha256 = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex')
const chunksOf = (pcm: Uint8Array, size: number) => {
  const out: Uint8Array[] = []
  for (let at = 0; at < pcm.byteLength; at += size) out.push(pcm.subarray(at, at + size))
  return out
}

describe('recording-service', () => {
  it('stores the file under its SHA-256 with peaks beside it when a recording is stopped', async () => {
    const rec = await service()
    const id = newId()
    expect(await rec.start({ id, title: 'Thông báo họp dân', sampleRate: RATE })).toEqual({ id })
    expect((await readdir(recordingsDir)).sort()).toEqual([`${id}.json`, `${id}.wav`])
    const pcm = sinePcm(RATE, 400, 0.5, 2 * RATE)
    let seq = 0
    for (const chunk of chunksOf(pcm, 3200)) {
      const ack = await rec.append({ id, seq: seq++, pcm: chunk })
      expect(ack.sampleCount).toBe((seq * 3200) / 2)
    }
    const media = await rec.stop({ id })
    expect(finishedMediaSchema.parse(media)).toEqual({
      hash: media.hash,
      sampleRate: RATE,
      channels: 1,
      sampleCount: 2 * RATE,
      durationMs: 2000,
      sizeBytes: WAV_HEADER_BYTES + pcm.byteLength,
      startedAt: STARTED.toISOString(),
      title: 'Thông báo họp dân',
    })
    const path = store.pathOf(media.hash)
    expect(await sha256(path)).toBe(media.hash)
    const file = await readFile(path)
    expect(file.subarray(WAV_HEADER_BYTES).equals(Buffer.from(pcm))).toBe(true)
    expect(parseOwnHeader(file, file.byteLength).declaredDataBytes).toBe(pcm.byteLength)
    const peaks = peaksSchema.parse(JSON.parse(await readFile(join(store.dir, `${media.hash}.peaks.json`), 'utf8')))
    expect(peaks.peaks).toEqual(Array<number>(100).fill(0.5))
    // The journal stays, marked stored, until the library row exists.
    expect(await readdir(recordingsDir)).toEqual([`${id}.json`])
    await rec.commit(id)
    expect(await readdir(recordingsDir)).toEqual([])
    expect((await ffprobe(path)).durationSeconds).toBeCloseTo(2, 3)
  })

  it('uses the title given at stop when one is given', async () => {
    const rec = await service()
    const id = newId()
    await rec.start({ id, title: 'nháp', sampleRate: RATE })
    await rec.append({ id, seq: 0, pcm: noiseBytes(200, 1) })
    expect((await rec.stop({ id, title: 'Bản tin chiều' })).title).toBe('Bản tin chiều')
  })

  it('acknowledges a replayed seq without writing it twice', async () => {
    const rec = await service()
    const id = newId()
    await rec.start({ id, title: 't', sampleRate: RATE })
    const a = noiseBytes(400, 1)
    const b = noiseBytes(600, 2)
    expect(await rec.append({ id, seq: 0, pcm: a })).toEqual({ sampleCount: 200 })
    expect(await rec.append({ id, seq: 1, pcm: b })).toEqual({ sampleCount: 500 })
    expect(await rec.append({ id, seq: 0, pcm: a })).toEqual({ sampleCount: 500 })
    expect(await rec.append({ id, seq: 1, pcm: b })).toEqual({ sampleCount: 500 })
    const media = await rec.stop({ id })
    expect(media.sampleCount).toBe(500)
    const file = await readFile(store.pathOf(media.hash))
    expect(file.subarray(WAV_HEADER_BYTES).equals(Buffer.from(concatBytes([a, b])))).toBe(true)
  })

  it('writes a chunk once when its replay arrives while the original is still being written', async () => {
    // The browser bridge answers 'disconnected' when the socket drops, but the host keeps writing;
    // the renderer then resends the same seq, which may reach the host before the first write ends.
    const rec = await service()
    const id = newId()
    await rec.start({ id, title: 't', sampleRate: RATE })
    const a = noiseBytes(100_000, 3)
    const acks = await Promise.all([rec.append({ id, seq: 0, pcm: a }), rec.append({ id, seq: 0, pcm: a })])
    expect(acks).toEqual([{ sampleCount: 50_000 }, { sampleCount: 50_000 }])
    const b = noiseBytes(10, 4)
    expect(await rec.append({ id, seq: 1, pcm: b })).toEqual({ sampleCount: 50_005 })
    const media = await rec.stop({ id })
    const file = await readFile(store.pathOf(media.hash))
    expect(file.byteLength).toBe(WAV_HEADER_BYTES + 100_010)
    expect(file.subarray(WAV_HEADER_BYTES).equals(Buffer.from(concatBytes([a, b])))).toBe(true)
  })

  it("answers 'conflict' and writes nothing when a seq skips ahead", async () => {
    const rec = await service()
    const id = newId()
    await rec.start({ id, title: 't', sampleRate: RATE })
    await rec.append({ id, seq: 0, pcm: noiseBytes(20, 1) })
    await expect(rec.append({ id, seq: 2, pcm: noiseBytes(20, 2) })).rejects.toMatchObject({
      name: 'ServiceError',
      code: 'conflict',
    })
    expect((await rec.append({ id, seq: 1, pcm: noiseBytes(20, 3) })).sampleCount).toBe(20)
    expect((await rec.stop({ id })).sampleCount).toBe(20)
  })

  it("answers 'not-found' when appending to or stopping an unknown recording", async () => {
    const rec = await service()
    const id = newId()
    await expect(rec.append({ id, seq: 0, pcm: new Uint8Array(2) })).rejects.toMatchObject({ code: 'not-found' })
    await expect(rec.stop({ id })).rejects.toMatchObject({ code: 'not-found' })
    await rec.start({ id, title: 't', sampleRate: RATE })
    await rec.stop({ id })
    await expect(rec.append({ id, seq: 0, pcm: new Uint8Array(2) })).rejects.toMatchObject({ code: 'not-found' })
  })

  it("answers 'conflict' when the same id is started twice or recovered while live", async () => {
    const rec = await service()
    const id = newId()
    await rec.start({ id, title: 't', sampleRate: RATE })
    await expect(rec.start({ id, title: 't', sampleRate: RATE })).rejects.toMatchObject({ code: 'conflict' })
    await expect(rec.recover(id)).rejects.toMatchObject({ code: 'conflict' })
    await expect(rec.discard(id)).rejects.toMatchObject({ code: 'conflict' })
    expect(await rec.listInterrupted()).toEqual([])
  })

  describe('after a crash', () => {
    /** Starts a recording in one instance and leaves it unfinished, as a killed host would. */
    async function crashedRecording(title: string, chunks: Uint8Array[]) {
      // A long sync interval: nothing refreshes the header, as after a crash between flushes.
      const first = await service(collectingLogger(), 3_600_000)
      const id = newId()
      await first.start({ id, title, sampleRate: RATE })
      let seq = 0
      for (const pcm of chunks) await first.append({ id, seq: seq++, pcm })
      const afterRestart = await service()
      return { id, afterRestart }
    }

    it('lists an unfinished recording with its sample count and title when a new instance starts', async () => {
      const chunks = [sinePcm(RATE, 400, 0.5, 4000), sinePcm(RATE, 400, 0.5, 1000), noiseBytes(2 * 333, 5)]
      const { id, afterRestart } = await crashedRecording('Phòng chống bão', chunks)
      const header = await readFile(join(recordingsDir, `${id}.wav`))
      expect(header.readUInt32LE(40)).toBe(0) // the header was never updated
      const list = await afterRestart.listInterrupted()
      expect(list).toEqual([
        {
          id,
          title: 'Phòng chống bão',
          startedAt: STARTED.toISOString(),
          sampleRate: RATE,
          sampleCount: 5333,
          durationMs: (5333 / RATE) * 1000,
          hash: null,
        },
      ])
      expect(interruptedRecordingSchema.array().parse(list)).toHaveLength(1)
    })

    it('recovers every appended sample into a valid file in the store', async () => {
      const pcm = sinePcm(RATE, 400, 0.5, 3 * RATE + 123)
      const chunks = chunksOf(pcm, 4000)
      const { id, afterRestart } = await crashedRecording('Tin sáng', chunks)
      const media = await afterRestart.recover(id)
      expect(finishedMediaSchema.parse(media)).toMatchObject({
        sampleCount: 3 * RATE + 123,
        sampleRate: RATE,
        channels: 1,
        title: 'Tin sáng',
        startedAt: STARTED.toISOString(),
        sizeBytes: WAV_HEADER_BYTES + pcm.byteLength,
      })
      const path = store.pathOf(media.hash)
      const file = await readFile(path)
      expect(createHash('sha256').update(file).digest('hex')).toBe(media.hash)
      const layout = parseOwnHeader(file, file.byteLength)
      expect(layout.declaredDataBytes).toBe(pcm.byteLength)
      expect(layout.dataBytes).toBe(pcm.byteLength)
      expect(file.subarray(WAV_HEADER_BYTES).equals(Buffer.from(pcm))).toBe(true)
      const peaks = await store.readPeaks(media.hash)
      expect(peaks.peaks).toHaveLength(Math.ceil((3 * RATE + 123) / 160))
      // Until the library row is written, the stored take is still offered (with its hash).
      expect(await afterRestart.listInterrupted()).toMatchObject([
        { id, hash: media.hash, sampleCount: 3 * RATE + 123 },
      ])
      await afterRestart.commit(id)
      expect(await readdir(recordingsDir)).toEqual([])
      expect(await afterRestart.listInterrupted()).toEqual([])
      expect((await ffprobe(path)).durationSeconds).toBeCloseTo((3 * RATE + 123) / RATE, 3)
    })

    it('drops a trailing partial sample when the file ends mid-sample', async () => {
      const { id, afterRestart } = await crashedRecording('t', [noiseBytes(1000, 1)])
      await writeFile(join(recordingsDir, `${id}.wav`), new Uint8Array([7]), { flag: 'a' })
      expect((await afterRestart.listInterrupted())[0]?.sampleCount).toBe(500)
      const media = await afterRestart.recover(id)
      expect(media.sampleCount).toBe(500)
      expect((await stat(store.pathOf(media.hash))).size).toBe(WAV_HEADER_BYTES + 1000)
    })

    it('removes both files when the interrupted recording is discarded', async () => {
      const { id, afterRestart } = await crashedRecording('t', [noiseBytes(100, 1)])
      await afterRestart.discard(id)
      expect(await readdir(recordingsDir)).toEqual([])
      expect(await afterRestart.listInterrupted()).toEqual([])
      await expect(afterRestart.recover(id)).rejects.toMatchObject({ code: 'not-found' })
      // Discarding again is harmless.
      await expect(afterRestart.discard(id)).resolves.toBeUndefined()
    })

    it('recovers from the WAV header when the journal is damaged', async () => {
      const log = collectingLogger()
      const { id } = await crashedRecording('lost title', [sinePcm(RATE, 400, 0.5, RATE)])
      await writeFile(join(recordingsDir, `${id}.json`), '{"id":')
      const afterRestart = await service(log)
      const [listed] = await afterRestart.listInterrupted()
      expect(listed).toMatchObject({ id, title: '', sampleRate: RATE, sampleCount: RATE })
      const media = await afterRestart.recover(id)
      expect(media).toMatchObject({ sampleCount: RATE, sampleRate: RATE, title: '', durationMs: 1000 })
      expect(finishedMediaSchema.safeParse(media).success).toBe(true)
      expect(await sha256(store.pathOf(media.hash))).toBe(media.hash)
      expect(log.lines.some((l) => l.includes('journal of') && l.includes('damaged'))).toBe(true)
    })

    it('recovers from the WAV header when the journal is missing', async () => {
      const { id, afterRestart } = await crashedRecording('t', [noiseBytes(800, 1)])
      const { rm } = await import('node:fs/promises')
      await rm(join(recordingsDir, `${id}.json`))
      const media = await afterRestart.recover(id)
      expect(media).toMatchObject({ sampleCount: 400, title: '' })
    })

    it("answers 'corrupt' and keeps the file when the WAV cannot be repaired", async () => {
      const id = newId()
      const rec = await service()
      const junk = noiseBytes(500, 8)
      await writeFile(join(recordingsDir, `${id}.wav`), junk)
      await expect(rec.recover(id)).rejects.toMatchObject({ code: 'corrupt' })
      expect((await readFile(join(recordingsDir, `${id}.wav`))).equals(Buffer.from(junk))).toBe(true)
    })
  })

  it('leaves a junk file in place and does not list it when the recordings folder holds one', async () => {
    const log = collectingLogger()
    const rec = await service(log)
    await writeFile(join(recordingsDir, 'notes.wav'), 'not audio at all')
    await writeFile(join(recordingsDir, 'empty.wav'), '')
    await writeFile(join(recordingsDir, 'readme.txt'), 'hello')
    expect(await rec.listInterrupted()).toEqual([])
    expect((await readdir(recordingsDir)).sort()).toEqual(['empty.wav', 'notes.wav', 'readme.txt'])
    expect(log.lines.filter((l) => l.includes('not a readable recording'))).toHaveLength(2)
  })

  it('lists interrupted recordings oldest first when there are several', async () => {
    const first = await service(collectingLogger(), 3_600_000)
    const times = ['2026-03-08T03:00:00.000Z', '2026-03-08T01:00:00.000Z']
    const ids: string[] = []
    for (const t of times) {
      const s = await createRecordingService({
        dir: recordingsDir,
        store,
        log: collectingLogger(),
        now: () => new Date(t),
      })
      services.push(s)
      const id = newId()
      ids.push(id)
      await s.start({ id, title: t, sampleRate: RATE })
    }
    const list = await first.listInterrupted()
    expect(list.map((r) => r.id)).toEqual([ids[1], ids[0]])
  })

  it('leaves a live recording recoverable when stopAll is called at shutdown', async () => {
    const rec = await service(collectingLogger(), 3_600_000)
    const id = newId()
    await rec.start({ id, title: 'đang ghi', sampleRate: RATE })
    await rec.append({ id, seq: 0, pcm: noiseBytes(2000, 1) })
    await rec.stopAll()
    const header = await readFile(join(recordingsDir, `${id}.wav`))
    expect(header.readUInt32LE(40)).toBe(2000)
    const next = await service()
    expect(await next.listInterrupted()).toMatchObject([{ id, title: 'đang ghi', sampleCount: 1000 }])
  })

  it("maps an ENOSPC error to 'disk-full' when converting file-system errors", () => {
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
    const error = toServiceError(enospc, 'recorder: writing x')
    expect(error).toMatchObject({ name: 'ServiceError', code: 'disk-full' })
    expect(error.message).toContain('recorder: writing x')
    expect(toServiceError(Object.assign(new Error('quota'), { code: 'EDQUOT' }), 'w').code).toBe('disk-full')
    expect(toServiceError(Object.assign(new Error('gone'), { code: 'ENOENT' }), 'w').code).toBe('not-found')
    expect(toServiceError(Object.assign(new Error('ro'), { code: 'EROFS' }), 'w').code).toBe('forbidden')
    expect(toServiceError(new Error('odd'), 'w').code).toBe('io')
    expect(toServiceError('a string', 'w').code).toBe('io')
  })
})
