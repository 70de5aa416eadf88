/**
 * The files of one recording in `<dataDir>/recordings`: `<id>.wav` (appended while capturing) and
 * `<id>.json`, its journal. The journal says what the take is (title, start time) and, once the
 * take has been stored, which media file it became: it is removed only when the renderer has
 * written the library row (`recording:commit`), so a crash at any moment of a save leaves either
 * the WAV or the journal of a stored take, and both are offered back.
 */
import { createReadStream, existsSync } from 'node:fs'
import { open, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { finishedMediaSchema, type FinishedMedia, type InterruptedRecording } from '../../../shared/ipc/recording'
import type { Logger } from '../logger'
import { writeFileAtomic } from '../media/media-store'
import { createPeakBuilder, type PeakBuilder } from './peaks'
import { parseOwnHeader, WAV_HEADER_BYTES } from './wav'

export const journalSchema = z.object({
  id: z.string(),
  title: z.string(),
  sampleRate: z.number().int().positive(),
  startedAt: z.iso.datetime(),
  /** Set when the take is in the media store and the library row may not exist yet. */
  stored: finishedMediaSchema.optional(),
})
export type Journal = z.infer<typeof journalSchema>

export interface RecordingFiles {
  wavPath(id: string): string
  journalPath(id: string): string
  hasWav(id: string): boolean
  readJournal(id: string): Promise<Journal | null>
  writeJournal(journal: Journal): Promise<void>
  /** Removes the WAV and the journal (each may already be gone). */
  remove(id: string): Promise<void>
}

export function recordingFiles(dir: string, log: Logger): RecordingFiles {
  const wavPath = (id: string): string => join(dir, `${id}.wav`)
  const journalPath = (id: string): string => join(dir, `${id}.json`)
  return {
    wavPath,
    journalPath,
    hasWav: (id) => existsSync(wavPath(id)),
    async readJournal(id) {
      const text = await readFile(journalPath(id), 'utf8').catch(() => null)
      if (text === null) return null
      try {
        return journalSchema.parse(JSON.parse(text))
      } catch {
        log.warn(`recorder: journal of ${id} is damaged; using the WAV header only`)
        return null
      }
    },
    writeJournal: (journal) => writeFileAtomic(journalPath(journal.id), JSON.stringify(journal)),
    async remove(id) {
      await rm(wavPath(id), { force: true })
      await rm(journalPath(id), { force: true })
    },
  }
}

/** What the recovery list shows of a WAV still in the recordings folder (null: not a recording). */
export async function describeInterrupted(
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
      hash: null,
    }
  } catch {
    return null
  }
}

/** A stored take whose library row may be missing, as the recovery list shows it. */
export function describeStored(journal: Journal, stored: FinishedMedia): InterruptedRecording {
  return {
    id: journal.id,
    title: stored.title,
    startedAt: stored.startedAt,
    sampleRate: stored.sampleRate,
    sampleCount: stored.sampleCount,
    durationMs: stored.durationMs,
    hash: stored.hash,
  }
}

export async function fallbackJournal(id: string, path: string, sampleRate: number): Promise<Journal> {
  const { mtime } = await stat(path)
  return { id, title: '', sampleRate, startedAt: mtime.toISOString() }
}

/** The peaks of a recorder-written WAV, read from disk (after a crash, or to continue a take). */
export async function peaksOfFile(path: string, sampleRate: number): Promise<PeakBuilder> {
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
