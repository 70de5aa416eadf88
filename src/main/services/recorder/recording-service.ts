/**
 * Recordings in progress. Each lives in `<dataDir>/recordings` as `<id>.wav` (appended while
 * capturing) and `<id>.json` (a journal: title, start time). A journal without a live session
 * at start-up is an interrupted recording; it is repaired and offered back, never deleted
 * without the officer saying so. On stop the WAV moves into the media store.
 */
import { createReadStream } from 'node:fs'
import { mkdir, open, readdir, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { FinishedMedia, InterruptedRecording } from '../../../shared/ipc/recording'
import { ServiceError } from '../../../shared/result'
import { toServiceError } from '../fs-errors'
import type { Logger } from '../logger'
import { writeFileAtomic, type MediaStore } from '../media/media-store'
import { createPeakBuilder, type PeakBuilder } from './peaks'
import { parseOwnHeader, repairWav, WAV_HEADER_BYTES } from './wav'
import { createWavAppender, type WavAppender } from './wav-appender'

const journalSchema = z.object({
  id: z.string(),
  title: z.string(),
  sampleRate: z.number().int().positive(),
  startedAt: z.iso.datetime(),
})
type Journal = z.infer<typeof journalSchema>

interface Session {
  journal: Journal
  appender: WavAppender
  peaks: PeakBuilder
  nextSeq: number
  /** Appends run one after another, so a replay that arrives mid-write sees the updated seq. */
  queue: Promise<unknown>
}

export interface RecordingServiceOptions {
  dir: string
  store: MediaStore
  log: Logger
  now?: () => Date
  syncIntervalMs?: number
}

export interface RecordingService {
  start(input: { id: string; title: string; sampleRate: number }): Promise<{ id: string }>
  append(input: { id: string; seq: number; pcm: Uint8Array }): Promise<{ sampleCount: number }>
  stop(input: { id: string; title?: string | undefined }): Promise<FinishedMedia>
  listInterrupted(): Promise<InterruptedRecording[]>
  recover(id: string): Promise<FinishedMedia>
  discard(id: string): Promise<void>
  /** Leaves every live recording recoverable (used when the host shuts down). */
  stopAll(): Promise<void>
}

export async function createRecordingService(options: RecordingServiceOptions): Promise<RecordingService> {
  const { dir, store, log } = options
  const now = options.now ?? (() => new Date())
  await mkdir(dir, { recursive: true })
  const sessions = new Map<string, Session>()
  const wavPath = (id: string): string => join(dir, `${id}.wav`)
  const journalPath = (id: string): string => join(dir, `${id}.json`)

  const session = (id: string): Session => {
    const s = sessions.get(id)
    if (!s) throw new ServiceError('not-found', `recording ${id} is not in progress`)
    return s
  }

  const readJournal = async (id: string): Promise<Journal | null> => {
    const text = await readFile(journalPath(id), 'utf8').catch(() => null)
    if (text === null) return null
    try {
      return journalSchema.parse(JSON.parse(text))
    } catch {
      log.warn(`recorder: journal of ${id} is damaged; using the WAV header only`)
      return null
    }
  }

  const finish = async (journal: Journal, peaks: PeakBuilder, title: string): Promise<FinishedMedia> => {
    const { hash, sizeBytes } = await store.adopt(wavPath(journal.id), peaks.result())
    await rm(journalPath(journal.id), { force: true })
    const sampleCount = peaks.sampleCount
    log.info(`recorder: ${journal.id} stored as ${hash} (${sampleCount} samples)`)
    return {
      hash,
      sampleRate: journal.sampleRate,
      channels: 1,
      sampleCount,
      durationMs: (sampleCount / journal.sampleRate) * 1000,
      sizeBytes,
      startedAt: journal.startedAt,
      title,
    }
  }

  return {
    async start({ id, title, sampleRate }) {
      if (sessions.has(id)) throw new ServiceError('conflict', `recording ${id} already started`)
      const journal: Journal = { id, title, sampleRate, startedAt: now().toISOString() }
      try {
        await writeFileAtomic(journalPath(id), JSON.stringify(journal))
        const appender = await createWavAppender({
          path: wavPath(id),
          format: { sampleRate, channels: 1, bitsPerSample: 16 },
          ...(options.syncIntervalMs === undefined ? {} : { syncIntervalMs: options.syncIntervalMs }),
        })
        sessions.set(id, {
          journal,
          appender,
          peaks: createPeakBuilder(sampleRate),
          nextSeq: 0,
          queue: Promise.resolve(),
        })
      } catch (error) {
        await rm(journalPath(id), { force: true })
        throw toServiceError(error, 'recorder: starting a recording')
      }
      log.info(`recorder: started ${id} at ${sampleRate} Hz`)
      return { id }
    },

    async append({ id, seq, pcm }) {
      const s = session(id)
      const run = s.queue.then(async () => {
        // A replayed chunk (the renderer retried after a lost answer) is acknowledged, not written twice.
        if (seq < s.nextSeq) return { sampleCount: s.peaks.sampleCount }
        if (seq > s.nextSeq)
          throw new ServiceError('conflict', `recording ${id}: chunk ${seq} arrived, expected ${s.nextSeq}`)
        try {
          await s.appender.append(pcm)
        } catch (error) {
          throw toServiceError(error, `recorder: writing ${id}`)
        }
        s.peaks.push(pcm)
        s.nextSeq++
        return { sampleCount: s.peaks.sampleCount }
      })
      s.queue = run.catch(() => undefined)
      return run
    },

    async stop({ id, title }) {
      const s = session(id)
      await s.queue
      try {
        await s.appender.close()
      } catch (error) {
        // The file stays on disk with its journal and is offered back as interrupted.
        sessions.delete(id)
        await s.appender.abandon()
        throw toServiceError(error, `recorder: finishing ${id}`)
      }
      sessions.delete(id)
      return finish(s.journal, s.peaks, title ?? s.journal.title)
    },

    async listInterrupted() {
      const names = await readdir(dir)
      const out: InterruptedRecording[] = []
      for (const name of names) {
        const m = /^(.+)\.wav$/.exec(name)
        const id = m?.[1]
        if (!id || sessions.has(id)) continue
        const info = await describeInterrupted(id, wavPath(id), await readJournal(id))
        if (info) out.push(info)
        else log.warn(`recorder: ${name} is not a readable recording; left in place`)
      }
      return out.sort((a, b) => a.startedAt.localeCompare(b.startedAt))
    },

    async recover(id) {
      if (sessions.has(id)) throw new ServiceError('conflict', `recording ${id} is still in progress`)
      let layout
      try {
        layout = await repairWav(wavPath(id))
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('wav:')) {
          throw new ServiceError('corrupt', `recorder: ${id} cannot be repaired (${error.message})`)
        }
        throw toServiceError(error, `recorder: repairing ${id}`)
      }
      const journal = (await readJournal(id)) ?? (await fallbackJournal(id, wavPath(id), layout.sampleRate))
      const peaks = await peaksOfFile(wavPath(id), layout.sampleRate)
      log.info(`recorder: recovered ${id} with ${peaks.sampleCount} samples`)
      return finish(journal, peaks, journal.title)
    },

    async discard(id) {
      if (sessions.has(id)) throw new ServiceError('conflict', `recording ${id} is still in progress`)
      await rm(wavPath(id), { force: true })
      await rm(journalPath(id), { force: true })
      log.info(`recorder: discarded ${id}`)
    },

    async stopAll() {
      for (const [id, s] of sessions) {
        await s.appender.close().catch(() => s.appender.abandon())
        sessions.delete(id)
      }
    },
  }
}

async function describeInterrupted(
  id: string,
  path: string,
  journal: Journal | null,
): Promise<InterruptedRecording | null> {
  try {
    const { size, mtime } = await stat(path)
    const header = Buffer.alloc(WAV_HEADER_BYTES)
    const fh = await open(path, 'r')
    try {
      await fh.read(header, 0, WAV_HEADER_BYTES, 0)
    } finally {
      await fh.close()
    }
    const layout = parseOwnHeader(header, size)
    const sampleCount = layout.dataBytes / 2
    return {
      id,
      title: journal?.title ?? '',
      startedAt: journal?.startedAt ?? mtime.toISOString(),
      sampleRate: layout.sampleRate,
      sampleCount,
      durationMs: (sampleCount / layout.sampleRate) * 1000,
    }
  } catch {
    return null
  }
}

async function fallbackJournal(id: string, path: string, sampleRate: number): Promise<Journal> {
  const { mtime } = await stat(path)
  return { id, title: '', sampleRate, startedAt: mtime.toISOString() }
}

async function peaksOfFile(path: string, sampleRate: number): Promise<PeakBuilder> {
  const peaks = createPeakBuilder(sampleRate)
  let carry: Buffer | null = null
  for await (const raw of createReadStream(path, { start: WAV_HEADER_BYTES, highWaterMark: 1 << 20 })) {
    let chunk = raw as Buffer
    if (carry) chunk = Buffer.concat([carry, chunk])
    const whole = chunk.length - (chunk.length % 2)
    peaks.push(chunk.subarray(0, whole))
    carry = whole < chunk.length ? chunk.subarray(whole) : null
  }
  return peaks
}
