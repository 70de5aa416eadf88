import { execFile } from 'node:child_process'
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createImportService, type ImportService } from '../../../../../src/main/services/media/import-service'
import { createMediaStore, type MediaStore } from '../../../../../src/main/services/media/media-store'
import { ServiceError } from '../../../../../src/shared/result'
import { decodeArgs, decodeFailureReason } from '../../../../../src/shared/audio/decode-args'
import { newId } from '../../../../../src/shared/ids'
import { IMPORT_CHUNK_BYTES, storedMediaSchema } from '../../../../../src/shared/ipc/media'
import { collectingLogger } from '../../../helpers/collecting-logger'
import { tempDirs } from '../../../helpers/temp-dir'
import { makeCorpus, type CorpusEntry } from '../../../../fixtures/audio/make-corpus.mjs'

type CorpusFile = CorpusEntry & { path: string }

const dirs = tempDirs('daixa-import-')
let corpus: CorpusFile[] = []
let corpusDir = ''
let root = ''
let store: MediaStore
let imports: ImportService
let clock = 0

beforeAll(async () => {
  corpusDir = await dirs.make()
  corpus = makeCorpus(corpusDir)
})
afterAll(() => dirs.cleanup())

beforeEach(async () => {
  root = await dirs.make()
  store = await createMediaStore(join(root, 'media'))
  imports = await createImportService({
    dir: join(root, 'imports'),
    store,
    log: collectingLogger(),
    now: () => clock,
    idleMs: 1000,
  })
})
afterEach(() => imports.stop())

/** Sends bytes the way the renderer does: begin, 1 MB chunks, finish. */
async function upload(bytes: Uint8Array, format: 'wav' | 'mp3' = 'wav') {
  const importId = newId()
  await imports.begin({ importId, format, totalBytes: Math.max(1, bytes.byteLength) })
  for (let seq = 0; seq * IMPORT_CHUNK_BYTES < bytes.byteLength; seq++) {
    const part = bytes.subarray(seq * IMPORT_CHUNK_BYTES, (seq + 1) * IMPORT_CHUNK_BYTES)
    await imports.chunk({ importId, seq, bytes: part })
  }
  return imports.finish(importId)
}

/** Sends raw samples the way the sliced import does: begin (streamed), odd-sized chunks, finish. */
async function stream(pcm: Uint8Array, chunkBytes = 300_000) {
  const importId = newId()
  await imports.begin({ importId, format: 'wav', totalBytes: 1 << 30, isStreamedPcm: true })
  for (let seq = 0; seq * chunkBytes < pcm.byteLength; seq++) {
    await imports.chunk({ importId, seq, bytes: pcm.subarray(seq * chunkBytes, (seq + 1) * chunkBytes) })
  }
  return imports.finish(importId)
}

const leftovers = async () => ({
  imports: await readdir(join(root, 'imports')),
  media: await readdir(join(root, 'media')),
})

/** Native ffmpeg with the app's decode arguments: the decoded WAV, or why it failed. */
async function decode(file: CorpusFile): Promise<{ wav: Buffer } | { reason: string }> {
  const out = join(corpusDir, `${file.name}.decoded.wav`)
  try {
    await promisify(execFile)('/usr/bin/ffmpeg', decodeArgs(file.path, out), { timeout: 30_000 })
    return { wav: await readFile(out) }
  } catch (error) {
    const log = (error as { stderr?: string }).stderr ?? ''
    return { reason: decodeFailureReason(log, (await stat(file.path)).size) }
  }
}

describe('main/services/media/import-service', () => {
  it('imports or refuses each corpus file as expected when decoded with the app arguments', async () => {
    for (const file of corpus) {
      const result = await decode(file)
      if (file.expect !== 'ok') {
        expect({ name: file.name, result }).toEqual({ name: file.name, result: { reason: file.expect } })
        continue
      }
      expect('wav' in result, file.name).toBe(true)
      if (!('wav' in result)) continue
      const stored = storedMediaSchema.parse(await upload(result.wav))
      expect(stored.sampleRate, file.name).toBe(44_100)
      // AAC priming adds ~23 ms; everything else is sample-exact.
      expect(Math.abs(stored.durationMs - (file.seconds ?? 0) * 1000), file.name).toBeLessThan(40)
      const peaks = await store.readPeaks(stored.hash)
      expect(peaks.peaks.length, file.name).toBe(Math.ceil(stored.sampleCount / peaks.samplesPerPeak))
    }
    expect((await leftovers()).imports).toEqual([])
  })

  it('refuses bad bytes at the boundary and leaves nothing behind when a renderer sends them as WAV', async () => {
    for (const name of ['text-named.mp3', 'random-bytes.mp3', 'truncated-header.wav', 'garbage-fmt.wav']) {
      const bytes = await readFile(join(corpusDir, name))
      await expect(upload(bytes), name).rejects.toMatchObject({ code: 'corrupt' })
    }
    // A WAV that is not the import format (stereo 48 kHz, a lying header) is refused too.
    for (const name of ['rate-8k.wav', 'header-lies.wav', 'six-channels.wav']) {
      await expect(upload(await readFile(join(corpusDir, name))), name).rejects.toBeInstanceOf(ServiceError)
    }
    expect(await leftovers()).toEqual({ imports: [], media: [] })
  })

  it('removes the partial file when an import is aborted mid-way', async () => {
    const importId = newId()
    await imports.begin({ importId, format: 'wav', totalBytes: 3 * IMPORT_CHUNK_BYTES })
    await imports.chunk({ importId, seq: 0, bytes: new Uint8Array(IMPORT_CHUNK_BYTES) })
    expect((await leftovers()).imports).toHaveLength(1)
    expect(await imports.abort(importId)).toEqual({ aborted: true })
    expect(await leftovers()).toEqual({ imports: [], media: [] })
    await expect(imports.chunk({ importId, seq: 1, bytes: new Uint8Array(2) })).rejects.toMatchObject({
      code: 'not-found',
    })
  })

  it('acknowledges a replayed chunk once and refuses a gap when chunks arrive out of order', async () => {
    const importId = newId()
    await imports.begin({ importId, format: 'wav', totalBytes: 10 })
    expect(await imports.chunk({ importId, seq: 0, bytes: new Uint8Array(4) })).toEqual({ receivedBytes: 4 })
    expect(await imports.chunk({ importId, seq: 0, bytes: new Uint8Array(4) })).toEqual({ receivedBytes: 4 })
    await expect(imports.chunk({ importId, seq: 2, bytes: new Uint8Array(2) })).rejects.toMatchObject({
      code: 'conflict',
    })
    await expect(imports.chunk({ importId, seq: 1, bytes: new Uint8Array(8) })).rejects.toMatchObject({
      code: 'invalid-input',
    })
    await expect(imports.finish(importId)).rejects.toMatchObject({ code: 'invalid-input' })
    expect(await leftovers()).toEqual({ imports: [], media: [] })
  })

  it('drops an idle upload when the renderer went away', async () => {
    clock = 0
    const importId = newId()
    await imports.begin({ importId, format: 'wav', totalBytes: 100 })
    clock = 5000
    expect(await imports.sweep()).toBe(1)
    expect((await leftovers()).imports).toEqual([])
  })

  it('removes leftovers of a crash when the service starts again', async () => {
    const importId = newId()
    await imports.begin({ importId, format: 'wav', totalBytes: 100 })
    await imports.chunk({ importId, seq: 0, bytes: new Uint8Array(50) })
    const again = await createImportService({ dir: join(root, 'imports'), store, log: collectingLogger() })
    expect((await leftovers()).imports).toEqual([])
    await again.stop()
  })

  it('stores a rendered MP3 beside the WAVs when its head is an ID3 tag and a frame', async () => {
    const mp3 = await readFile(join(corpusDir, 'speech-like.mp3'))
    const stored = await upload(mp3, 'mp3')
    expect(stored.format).toBe('mp3')
    expect((await leftovers()).media).toContain(`${stored.hash}.mp3`)
    await expect(upload(await readFile(join(corpusDir, 'text-named.mp3')), 'mp3')).rejects.toMatchObject({
      code: 'corrupt',
    })
  })

  it('stores the same WAV and peaks as a whole upload when the samples are streamed', async () => {
    const file = corpus.find((c) => c.name === 'speech-like.mp3')
    const result = file ? await decode(file) : { reason: 'missing' }
    if (!('wav' in result)) throw new Error('the corpus MP3 did not decode')
    const streamed = await stream(result.wav.subarray(44))
    const whole = await upload(result.wav)
    // -bitexact's header is the one main writes: byte for byte the same file, so the same hash.
    expect(streamed).toEqual(whole)
    expect(streamed.sampleCount).toBe((result.wav.byteLength - 44) / 2)
    const peaks = await store.readPeaks(streamed.hash)
    expect(peaks.peaks.length).toBe(Math.ceil(streamed.sampleCount / peaks.samplesPerPeak))
    expect((await leftovers()).imports).toEqual([])
  })

  it('leaves nothing behind when a streamed import is aborted, empty or not a WAV', async () => {
    const importId = newId()
    await imports.begin({ importId, format: 'wav', totalBytes: 1 << 20, isStreamedPcm: true })
    await imports.chunk({ importId, seq: 0, bytes: new Uint8Array(1000) })
    expect(await imports.abort(importId)).toEqual({ aborted: true })
    await expect(stream(new Uint8Array(0))).rejects.toMatchObject({ code: 'corrupt' })
    await expect(stream(new Uint8Array(1001))).rejects.toMatchObject({ code: 'corrupt' })
    await expect(
      imports.begin({ importId: newId(), format: 'mp3', totalBytes: 10, isStreamedPcm: true }),
    ).rejects.toMatchObject({ code: 'invalid-input' })
    const over = newId()
    await imports.begin({ importId: over, format: 'wav', totalBytes: 10, isStreamedPcm: true })
    await expect(imports.chunk({ importId: over, seq: 0, bytes: new Uint8Array(12) })).rejects.toMatchObject({
      code: 'invalid-input',
    })
    await imports.abort(over)
    expect(await leftovers()).toEqual({ imports: [], media: [] })
  })
})
