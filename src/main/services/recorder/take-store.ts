/**
 * The last step of a take: from the recordings folder into the media store. The journal is marked
 * stored (with the hash) before the file moves, and stays until the library row exists, so a crash
 * anywhere in between leaves something that is offered back. At a stop, a take under the minimum
 * length is refused and its files removed (a recovered take is the officer's to keep or discard).
 */
import { stat } from 'node:fs/promises'
import type { FinishedMedia } from '../../../shared/ipc/recording'
import { ServiceError } from '../../../shared/result'
import { toServiceError } from '../fs-errors'
import type { Logger } from '../logger'
import { sha256File, type MediaStore } from '../media/media-store'
import type { PeakBuilder } from './peaks'
import type { Journal, RecordingFiles } from './recording-files'

export interface TakeStoreOptions {
  files: RecordingFiles
  store: MediaStore
  log: Logger
  minDurationMs: () => number
  changed: (id: string) => void
}

export type StoreTake = (journal: Journal, peaks: PeakBuilder, title: string, isStop: boolean) => Promise<FinishedMedia>

export function createTakeStore({ files, store, log, minDurationMs, changed }: TakeStoreOptions): StoreTake {
  return async (journal, peaks, title, isStop) => {
    const path = files.wavPath(journal.id)
    const minimum = isStop ? minDurationMs() : 0
    const durationMs = (peaks.sampleCount / journal.sampleRate) * 1000
    if (durationMs < minimum) {
      await files.remove(journal.id).catch((error: unknown) => {
        throw toServiceError(error, `recorder: removing the too short ${journal.id}`)
      })
      changed(journal.id)
      throw new ServiceError(
        'too-short',
        `recorder: ${journal.id} is ${Math.round(durationMs)} ms, under ${minimum} ms`,
      )
    }
    try {
      const hash = await sha256File(path)
      const { size } = await stat(path)
      const { sampleRate, startedAt } = journal
      const media = { hash, sampleRate, channels: 1, sampleCount: peaks.sampleCount, durationMs, sizeBytes: size }
      const stored: FinishedMedia = { ...media, startedAt, title }
      await files.writeJournal({ ...journal, title, stored })
      await store.adopt(path, peaks.result(), hash)
      log.info(`recorder: ${journal.id} stored as ${hash} (${peaks.sampleCount} samples)`)
      changed(journal.id)
      return stored
    } catch (error) {
      changed(journal.id) // still in the recordings folder: offered back
      throw toServiceError(error, `recorder: storing ${journal.id}`)
    }
  }
}
