/**
 * Appends PCM to a WAV file as it arrives. Durability rule: every byte written is flushed to
 * the disk (fdatasync) within `syncIntervalMs` (1 s by default), and the header's size fields are
 * refreshed at each flush, so a power cut loses at most about a second and leaves a file that
 * `repairWav` (or most players) can read.
 */
import { open, type FileHandle } from 'node:fs/promises'
import { WAV_HEADER_BYTES, wavHeader, type PcmFormat } from './wav'

export interface WavAppenderOptions {
  path: string
  format: PcmFormat
  syncIntervalMs?: number
  /**
   * Continue a file written before (a recording resumed after the host or the page's connection
   * came back). The file must have been repaired (`repairWav`): its samples are kept and new ones
   * go after them.
   */
  isContinuing?: boolean
  /** Opens the file; tests pass a handle that fails like a full disk. */
  openFile?: (path: string) => Promise<FileHandle>
}

export interface WavAppender {
  append(pcm: Uint8Array): Promise<void>
  /** Writes the final header, flushes and closes. */
  close(): Promise<void>
  /** Closes without finalising (the file stays recoverable). */
  abandon(): Promise<void>
  readonly dataBytes: number
}

export async function createWavAppender(options: WavAppenderOptions): Promise<WavAppender> {
  const syncIntervalMs = options.syncIntervalMs ?? 1000
  const isContinuing = options.isContinuing === true
  const fh = await (options.openFile ?? ((p) => open(p, isContinuing ? 'r+' : 'wx')))(options.path)
  let dataBytes = isContinuing ? Math.max(0, (await fh.stat()).size - WAV_HEADER_BYTES) : 0
  let syncedBytes = dataBytes
  let timer: ReturnType<typeof setTimeout> | null = null
  let chain: Promise<void> = Promise.resolve()
  let closed = false
  let flushError: Error | null = null

  // All file operations run one after another on this chain, so a timer flush never
  // interleaves with an append.
  const enqueue = (op: () => Promise<void>): Promise<void> => {
    const next = chain.then(op)
    chain = next.catch(() => undefined)
    return next
  }

  const flush = async (): Promise<void> => {
    if (syncedBytes === dataBytes) return
    await fh.write(wavHeader(options.format, dataBytes), 0, WAV_HEADER_BYTES, 0)
    await fh.datasync()
    syncedBytes = dataBytes
  }

  const scheduleFlush = (): void => {
    if (timer !== null || closed) return
    timer = setTimeout(() => {
      timer = null
      // A failing timed flush surfaces on the next append or on close.
      enqueue(flush).catch((error: unknown) => {
        flushError = error instanceof Error ? error : new Error(String(error))
      })
    }, syncIntervalMs)
  }

  const stopTimer = (): void => {
    if (timer !== null) clearTimeout(timer)
    timer = null
  }

  if (!isContinuing) await fh.write(wavHeader(options.format, 0), 0, WAV_HEADER_BYTES, 0)

  return {
    append(pcm) {
      return enqueue(async () => {
        if (closed) throw new Error('wav-appender: append after close')
        if (flushError !== null) {
          const error = flushError
          flushError = null
          throw error
        }
        // write(2) may store only part of a chunk (a disk filling up) and report a short count;
        // the next write then fails with ENOSPC. A chunk counts only once all of it is written.
        try {
          for (let done = 0; done < pcm.byteLength;) {
            const at = WAV_HEADER_BYTES + dataBytes + done
            const { bytesWritten } = await fh.write(pcm, done, pcm.byteLength - done, at)
            if (bytesWritten <= 0) throw new Error('wav-appender: the disk accepted no bytes')
            done += bytesWritten
          }
        } catch (error) {
          // The file keeps exactly the chunks that were written whole (truncating needs no space).
          await fh.truncate(WAV_HEADER_BYTES + dataBytes).catch(() => undefined)
          throw error
        }
        dataBytes += pcm.byteLength
        scheduleFlush()
      })
    },
    close() {
      stopTimer()
      return enqueue(async () => {
        if (closed) return
        closed = true
        try {
          syncedBytes = -1
          await flush()
        } finally {
          await fh.close()
        }
      })
    },
    abandon() {
      stopTimer()
      return enqueue(async () => {
        if (closed) return
        closed = true
        await fh.close().catch(() => undefined)
      })
    },
    get dataBytes() {
      return dataBytes
    },
  }
}
