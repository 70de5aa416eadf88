/**
 * Uploads into the media store: decoded imports (WAV) and rendered exports (MP3) arrive from the
 * renderer in numbered chunks, are appended to `<dataDir>/imports/<importId>.part`, verified when
 * finished, and only then moved into the store (rename on the same disk, so a file under its final
 * name is always complete). Abort, a failed verification, an idle upload or a restart removes
 * the partial file: nothing half-imported stays behind.
 *
 * A streamed import (`isStreamedPcm`) sends the samples while they are decoded, slice by slice,
 * so its length is not known at begin: main writes a placeholder header, appends the samples
 * after it, and writes the true sizes at finish before verifying the file like any other.
 */
import { createReadStream } from 'node:fs'
import { mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import type { MediaImportFormat, StoredMedia } from '../../../shared/ipc/media'
import { ServiceError } from '../../../shared/result'
import { toServiceError } from '../fs-errors'
import type { Logger } from '../logger'
import { createPeakBuilder, type PeakBuilder } from '../recorder/peaks'
import { WAV_HEADER_BYTES, wavHeader, type PcmFormat } from '../recorder/wav'
import { IMPORT_SAMPLE_RATE, MAX_IMPORT_BYTES, verifyUpload } from './import-verify'
import { sha256File, type MediaStore } from './media-store'

interface Upload {
  id: string
  format: MediaImportFormat
  path: string
  fh: FileHandle
  totalBytes: number
  /** Raw samples follow a header main writes (see `isStreamedPcm` in shared/ipc/media). */
  isStreamedPcm: boolean
  received: number
  nextSeq: number
  lastActivity: number
  /** Chunks are written one after another, so a replay arriving mid-write sees the new seq. */
  queue: Promise<unknown>
}

export interface ImportServiceOptions {
  dir: string
  store: MediaStore
  log: Logger
  now?: () => number
  /** An upload with no chunk for this long is dropped (the renderer went away). */
  idleMs?: number
}

export interface BeginInput {
  importId: string
  format: MediaImportFormat
  totalBytes: number
  isStreamedPcm?: boolean | undefined
}

export interface ImportService {
  begin(input: BeginInput): Promise<{ importId: string }>
  chunk(input: { importId: string; seq: number; bytes: Uint8Array }): Promise<{ receivedBytes: number }>
  finish(importId: string): Promise<StoredMedia>
  abort(importId: string): Promise<{ aborted: boolean }>
  /** Drops idle uploads; returns how many. Runs every minute between start() and stop(). */
  sweep(): Promise<number>
  start(): void
  stop(): Promise<void>
}

const IMPORT_FORMAT: PcmFormat = { sampleRate: IMPORT_SAMPLE_RATE, channels: 1, bitsPerSample: 16 }

async function peaksOfWav(path: string, sampleRate: number): Promise<PeakBuilder> {
  const peaks = createPeakBuilder(sampleRate)
  // The verified file holds whole 16-bit samples; stream chunks are split on even offsets.
  for await (const chunk of createReadStream(path, { start: WAV_HEADER_BYTES, highWaterMark: 1 << 20 })) {
    peaks.push(chunk as Buffer)
  }
  return peaks
}

export async function createImportService(options: ImportServiceOptions): Promise<ImportService> {
  const { dir, store, log } = options
  const now = options.now ?? Date.now
  const idleMs = options.idleMs ?? 10 * 60_000
  await mkdir(dir, { recursive: true })
  // Leftovers of a crash or power cut mid-import are never resumed: the officer imports again.
  for (const name of await readdir(dir)) await rm(join(dir, name), { force: true })
  const uploads = new Map<string, Upload>()
  let timer: ReturnType<typeof setInterval> | null = null

  const get = (id: string): Upload => {
    const u = uploads.get(id)
    if (!u) throw new ServiceError('not-found', `import: upload ${id} is not in progress`)
    return u
  }

  const discard = async (u: Upload): Promise<void> => {
    uploads.delete(u.id)
    await u.fh.close().catch(() => undefined)
    await rm(u.path, { force: true })
  }

  const adoptWav = async (u: Upload, sampleRate: number, dataBytes: number): Promise<StoredMedia> => {
    const peaks = await peaksOfWav(u.path, sampleRate)
    const { hash, sizeBytes } = await store.adopt(u.path, peaks.result())
    const sampleCount = dataBytes / 2
    return { hash, format: 'wav', sizeBytes, sampleRate, sampleCount, durationMs: (sampleCount / sampleRate) * 1000 }
  }

  const adoptMp3 = async (u: Upload): Promise<StoredMedia> => {
    const hash = await sha256File(u.path)
    const { size } = await stat(u.path)
    await rename(u.path, join(store.dir, `${hash}.mp3`))
    return { hash, format: 'mp3', sizeBytes: size, sampleRate: 0, sampleCount: 0, durationMs: 0 }
  }

  const finishUpload = async (u: Upload): Promise<StoredMedia> => {
    await u.queue
    if (u.isStreamedPcm) {
      // The sizes are known now: the header is written last, over the placeholder.
      if (u.received === 0 || u.received % 2 !== 0) {
        throw new ServiceError('corrupt', `import: ${u.received} bytes of samples arrived`)
      }
      await u.fh.write(wavHeader(IMPORT_FORMAT, u.received), 0, WAV_HEADER_BYTES, 0)
    } else if (u.received !== u.totalBytes) {
      throw new ServiceError('invalid-input', `import: ${u.received} of ${u.totalBytes} bytes arrived`)
    }
    await u.fh.sync()
    await u.fh.close()
    const layout = await verifyUpload(u.path, u.format)
    return layout ? adoptWav(u, layout.sampleRate, layout.dataBytes) : adoptMp3(u)
  }

  const writeChunk = async (u: Upload, seq: number, bytes: Uint8Array): Promise<{ receivedBytes: number }> => {
    // A replayed chunk (the renderer retried after a lost answer) is acknowledged, not written twice.
    if (seq < u.nextSeq) return { receivedBytes: u.received }
    if (seq > u.nextSeq) throw new ServiceError('conflict', `import: chunk ${seq} arrived, expected ${u.nextSeq}`)
    if (u.received + bytes.byteLength > u.totalBytes) {
      throw new ServiceError('invalid-input', `import: more than the announced ${u.totalBytes} bytes`)
    }
    try {
      await u.fh.write(bytes, 0, bytes.byteLength, u.received + (u.isStreamedPcm ? WAV_HEADER_BYTES : 0))
    } catch (error) {
      throw toServiceError(error, `import: writing ${u.id}`)
    }
    u.received += bytes.byteLength
    u.nextSeq += 1
    u.lastActivity = now()
    return { receivedBytes: u.received }
  }

  const service: ImportService = {
    async begin({ importId, format, totalBytes, isStreamedPcm = false }) {
      if (uploads.has(importId)) throw new ServiceError('conflict', `import: upload ${importId} already started`)
      if (isStreamedPcm && format !== 'wav') {
        throw new ServiceError('invalid-input', 'import: only WAV imports are streamed as samples')
      }
      if (totalBytes > MAX_IMPORT_BYTES) {
        throw new ServiceError('invalid-input', `import: ${totalBytes} bytes is longer than four hours of audio`)
      }
      const path = join(dir, `${importId}.part`)
      let fh: FileHandle
      try {
        fh = await open(path, 'wx')
        // A placeholder header (no samples yet); finish writes the real sizes.
        if (isStreamedPcm) await fh.write(wavHeader(IMPORT_FORMAT, 0), 0, WAV_HEADER_BYTES, 0)
      } catch (error) {
        throw toServiceError(error, 'import: starting an upload')
      }
      const queue = Promise.resolve()
      uploads.set(importId, {
        id: importId,
        format,
        path,
        fh,
        totalBytes,
        isStreamedPcm,
        received: 0,
        nextSeq: 0,
        lastActivity: now(),
        queue,
      })
      log.info(
        `import: upload ${importId} (${isStreamedPcm ? 'streamed samples' : format}, ≤ ${totalBytes} bytes) started`,
      )
      return { importId }
    },

    async chunk({ importId, seq, bytes }) {
      const u = get(importId)
      const run = u.queue.then(() => writeChunk(u, seq, bytes))
      u.queue = run.catch(() => undefined)
      return run
    },

    async finish(importId) {
      const u = get(importId)
      try {
        const stored = await finishUpload(u)
        uploads.delete(importId)
        log.info(`import: upload ${importId} stored as ${stored.hash}.${stored.format}`)
        return stored
      } catch (error) {
        await discard(u)
        log.warn(`import: upload ${importId} rejected: ${error instanceof Error ? error.message : String(error)}`)
        throw toServiceError(error, `import: finishing ${importId}`)
      }
    },

    async abort(importId) {
      const u = uploads.get(importId)
      if (!u) return { aborted: false }
      await u.queue
      await discard(u)
      log.info(`import: upload ${importId} aborted`)
      return { aborted: true }
    },

    async sweep() {
      const idle = [...uploads.values()].filter((u) => now() - u.lastActivity > idleMs)
      for (const u of idle) {
        await u.queue
        await discard(u)
        log.warn(`import: upload ${u.id} idle for ${Math.round(idleMs / 1000)} s; removed`)
      }
      return idle.length
    },

    start() {
      timer ??= setInterval(() => void service.sweep(), 60_000)
    },

    async stop() {
      if (timer) clearInterval(timer)
      timer = null
      for (const u of [...uploads.values()]) await discard(u)
    },
  }
  return service
}
