/**
 * Recordings in progress. Each lives in `<dataDir>/recordings` as `<id>.wav` (appended while
 * capturing) and `<id>.json`, its journal (see recording-files.ts).
 *
 * A recording is live while its owner (the page connection or window that drives it) is there.
 * It ends, and is offered back as interrupted, when the owner goes away (`releaseOwner`), when an
 * append fails (a full disk) or when the host stops. A page that is still alive continues it with
 * `resume`. Nothing is deleted without the officer saying so, except a take under the minimum
 * length at stop.
 *
 * Stopping stores the take and keeps the journal, marked stored, until `commit` (the library row
 * exists); a crash between the two leaves the journal, and the take is offered back.
 */
import { mkdir, readdir } from 'node:fs/promises'
import type { FinishedMedia, InterruptedRecording, ResumeAnswer } from '../../../shared/ipc/recording'
import { ServiceError } from '../../../shared/result'
import { toServiceError } from '../fs-errors'
import type { Logger } from '../logger'
import { sweepTempFiles, type MediaStore } from '../media/media-store'
import { createKeyedLock } from './keyed-lock'
import { createPeakBuilder, type PeakBuilder } from './peaks'
import {
  describeInterrupted,
  describeStored,
  fallbackJournal,
  peaksOfFile,
  recordingFiles,
  type Journal,
} from './recording-files'
import { createTakeStore } from './take-store'
import { repairWav } from './wav'
import { createWavAppender, type WavAppender } from './wav-appender'

interface Session {
  journal: Journal
  appender: WavAppender
  peaks: PeakBuilder
  nextSeq: number
  /** Appends run one after another, so a replay that arrives mid-write sees the updated seq. */
  queue: Promise<unknown>
  /** The connection or window that drives it; the last caller owns it. */
  owner: string
}

export interface RecordingServiceOptions {
  dir: string
  store: MediaStore
  log: Logger
  now?: () => Date
  syncIntervalMs?: number
  /** The shortest take kept, read at each stop (default: none). */
  minDurationMs?: () => number
  /** The interrupted recordings may have changed (a recording ended, was stored or resumed). */
  onChange?: (id: string) => void
}

/** Who calls, when the caller is not a page (tests, the host itself). */
export const LOCAL_OWNER = 'local'

export interface RecordingService {
  start(input: { id: string; title: string; sampleRate: number }, owner?: string): Promise<{ id: string }>
  append(input: { id: string; seq: number; pcm: Uint8Array }, owner?: string): Promise<{ sampleCount: number }>
  stop(input: { id: string; title?: string | undefined }, owner?: string): Promise<FinishedMedia>
  /** Continues a recording whose owner went away or whose host restarted. */
  resume(input: { id: string; nextSeq: number }, owner?: string): Promise<ResumeAnswer>
  /** Ends a live recording without storing it; it is offered back as interrupted. */
  interrupt(id: string): Promise<void>
  /** The library row of a stored take exists: forget its journal. */
  commit(id: string): Promise<void>
  listInterrupted(): Promise<InterruptedRecording[]>
  recover(id: string): Promise<FinishedMedia>
  discard(id: string): Promise<void>
  /** Ends every recording the owner drives; each stays on disk and is offered back. */
  releaseOwner(owner: string): Promise<void>
  /** Leaves every live recording recoverable (used when the host shuts down). */
  stopAll(): Promise<void>
}

export async function createRecordingService(options: RecordingServiceOptions): Promise<RecordingService> {
  const { dir, store, log } = options
  const now = options.now ?? (() => new Date())
  const minDurationMs = options.minDurationMs ?? (() => 0)
  const changed = (id: string): void => options.onChange?.(id)
  await mkdir(dir, { recursive: true })
  await sweepTempFiles(dir)
  const files = recordingFiles(dir, log)
  const sessions = new Map<string, Session>()
  // Start, stop, resume, recover, discard, commit and the end of a session run one at a time per id.
  const lock = createKeyedLock()
  const exclusive = <T>(id: string, op: () => Promise<T>): Promise<T> => lock.run(id, op)
  const storeTake = createTakeStore({ files, store, log, minDurationMs, changed })

  const live = (id: string): Session => {
    const s = sessions.get(id)
    if (!s) throw new ServiceError('not-found', `recording ${id} is not in progress`)
    return s
  }

  /** Closes a session taken out of `sessions`; its files stay as an interrupted recording. */
  const close = async (s: Session, why: string): Promise<void> => {
    await s.queue
    await s.appender.close().catch(() => s.appender.abandon())
    log.info(`recorder: ${s.journal.id} ended (${why}); offered back as interrupted`)
    changed(s.journal.id)
  }
  const end = (id: string, s: Session, why: string): Promise<void> => {
    if (sessions.get(id) !== s) return Promise.resolve() // a stop or an earlier end took it
    sessions.delete(id)
    return exclusive(id, () => close(s, why))
  }

  /** Opens the WAV of an ended recording again for appending. */
  const reopen = async (id: string, owner: string, nextSeq: number): Promise<Session> => {
    const layout = await repairOrCorrupt(id, files.wavPath(id))
    const journal = (await files.readJournal(id)) ?? (await fallbackJournal(id, files.wavPath(id), layout.sampleRate))
    const appender = await createWavAppender({
      path: files.wavPath(id),
      format: { sampleRate: layout.sampleRate, channels: 1, bitsPerSample: 16 },
      isContinuing: true,
      ...(options.syncIntervalMs === undefined ? {} : { syncIntervalMs: options.syncIntervalMs }),
    })
    const peaks = await peaksOfFile(files.wavPath(id), layout.sampleRate)
    const s: Session = { journal, appender, peaks, nextSeq, queue: Promise.resolve(), owner }
    sessions.set(id, s)
    log.info(`recorder: ${id} continues after ${peaks.sampleCount} samples`)
    changed(id)
    return s
  }

  return {
    start: ({ id, title, sampleRate }, owner = LOCAL_OWNER) =>
      exclusive(id, async () => {
        if (sessions.has(id) || files.hasWav(id)) throw new ServiceError('conflict', `recording ${id} already started`)
        const journal: Journal = { id, title, sampleRate, startedAt: now().toISOString() }
        try {
          await files.writeJournal(journal)
          const appender = await createWavAppender({
            path: files.wavPath(id),
            format: { sampleRate, channels: 1, bitsPerSample: 16 },
            ...(options.syncIntervalMs === undefined ? {} : { syncIntervalMs: options.syncIntervalMs }),
          })
          const peaks = createPeakBuilder(sampleRate)
          sessions.set(id, { journal, appender, peaks, nextSeq: 0, queue: Promise.resolve(), owner })
        } catch (error) {
          await files.remove(id)
          throw toServiceError(error, 'recorder: starting a recording')
        }
        log.info(`recorder: started ${id} at ${sampleRate} Hz`)
        return { id }
      }),

    async append({ id, seq, pcm }, owner = LOCAL_OWNER) {
      const s = live(id)
      s.owner = owner
      const run = s.queue.then(async () => {
        // A replayed chunk (the renderer retried after a lost answer) is acknowledged, not written twice.
        if (seq < s.nextSeq) return { sampleCount: s.peaks.sampleCount }
        if (seq > s.nextSeq)
          throw new ServiceError('conflict', `recording ${id}: chunk ${seq} arrived, expected ${s.nextSeq}`)
        try {
          await s.appender.append(pcm)
        } catch (error) {
          // The take ends here, recoverable as it is; the page is told why (a full disk).
          void end(id, s, 'a write failed')
          throw toServiceError(error, `recorder: writing ${id}`)
        }
        s.peaks.push(pcm)
        s.nextSeq++
        return { sampleCount: s.peaks.sampleCount }
      })
      s.queue = run.catch(() => undefined)
      return run
    },

    stop: ({ id, title }, owner = LOCAL_OWNER) =>
      exclusive(id, async () => {
        const s = live(id)
        s.owner = owner
        sessions.delete(id)
        await s.queue
        try {
          await s.appender.close()
        } catch (error) {
          // The file stays on disk with its journal and is offered back as interrupted.
          await s.appender.abandon()
          changed(id)
          throw toServiceError(error, `recorder: finishing ${id}`)
        }
        return storeTake(s.journal, s.peaks, title ?? s.journal.title, true)
      }),

    resume: ({ id, nextSeq }, owner = LOCAL_OWNER) =>
      exclusive(id, async () => {
        const s = sessions.get(id)
        if (s) {
          await s.queue
          s.owner = owner
          s.nextSeq = nextSeq
          return { sampleCount: s.peaks.sampleCount, stored: null }
        }
        if (files.hasWav(id)) {
          const reopened = await reopen(id, owner, nextSeq).catch((error: unknown) => {
            throw toServiceError(error, `recorder: continuing ${id}`)
          })
          return { sampleCount: reopened.peaks.sampleCount, stored: null }
        }
        const stored = (await files.readJournal(id))?.stored
        if (stored) return { sampleCount: stored.sampleCount, stored }
        throw new ServiceError('not-found', `recording ${id} is neither live nor on disk`)
      }),

    async interrupt(id) {
      const s = sessions.get(id)
      if (s) await end(id, s, 'its page let it go')
    },

    commit: (id) =>
      exclusive(id, async () => {
        if (sessions.has(id) || files.hasWav(id)) throw new ServiceError('conflict', `recording ${id} is not stored`)
        await files.remove(id)
        changed(id)
      }),

    async listInterrupted() {
      await lock.idle()
      const ids = new Set<string>()
      for (const name of await readdir(dir)) {
        const id = /^(.+)\.(?:wav|json)$/.exec(name)?.[1]
        if (id && !sessions.has(id)) ids.add(id)
      }
      const out: InterruptedRecording[] = []
      for (const id of ids) {
        const item = await listed(id)
        if (item) out.push(item)
      }
      return out.sort((a, b) => a.startedAt.localeCompare(b.startedAt))
    },

    recover: (id) =>
      exclusive(id, async () => {
        if (sessions.has(id)) throw new ServiceError('conflict', `recording ${id} is still in progress`)
        if (!files.hasWav(id)) {
          const stored = (await files.readJournal(id))?.stored
          if (stored && store.has(stored.hash)) return stored
          throw new ServiceError('not-found', `recording ${id} is not on disk`)
        }
        const layout = await repairOrCorrupt(id, files.wavPath(id))
        const journal =
          (await files.readJournal(id)) ?? (await fallbackJournal(id, files.wavPath(id), layout.sampleRate))
        const peaks = await peaksOfFile(files.wavPath(id), layout.sampleRate)
        log.info(`recorder: recovered ${id} with ${peaks.sampleCount} samples`)
        return storeTake(journal, peaks, journal.title, false)
      }),

    discard: (id) =>
      exclusive(id, async () => {
        if (sessions.has(id)) throw new ServiceError('conflict', `recording ${id} is still in progress`)
        const stored = files.hasWav(id) ? undefined : (await files.readJournal(id))?.stored
        if (stored) await store.remove(stored.hash)
        await files.remove(id)
        log.info(`recorder: discarded ${id}`)
        changed(id)
      }),

    async releaseOwner(owner) {
      const gone = [...sessions].filter(([, s]) => s.owner === owner)
      await Promise.all(gone.map(([id, s]) => end(id, s, 'its page or window went away')))
    },

    async stopAll() {
      await Promise.all([...sessions].map(([id, s]) => end(id, s, 'the host stopped')))
    },
  }

  async function listed(id: string): Promise<InterruptedRecording | null> {
    const journal = await files.readJournal(id)
    if (files.hasWav(id)) {
      const info = await describeInterrupted(id, files.wavPath(id), journal)
      if (!info) log.warn(`recorder: ${id}.wav is not a readable recording; left in place`)
      return info
    }
    if (journal?.stored && store.has(journal.stored.hash)) return describeStored(journal, journal.stored)
    return null
  }
}

async function repairOrCorrupt(id: string, path: string) {
  try {
    return await repairWav(path)
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('wav:')) {
      throw new ServiceError('corrupt', `recorder: ${id} cannot be repaired (${error.message})`)
    }
    throw toServiceError(error, `recorder: repairing ${id}`)
  }
}
