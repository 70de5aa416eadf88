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
  const fh = await (options.openFile ?? ((p) => open(p, 'wx')))(options.path)
  let dataBytes = 0
  let syncedBytes = 0
  let timer: ReturnType<typeof setTimeout> | null = null
  let chain: Promise<void> = Promise.resolve()
  let closed = false

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
      enqueue(flush).catch(() => undefined)
    }, syncIntervalMs)
  }

  const stopTimer = (): void => {
    if (timer !== null) clearTimeout(timer)
    timer = null
  }

  await fh.write(wavHeader(options.format, 0), 0, WAV_HEADER_BYTES, 0)

  return {
    append(pcm) {
      return enqueue(async () => {
        if (closed) throw new Error('wav-appender: append after close')
        await fh.write(pcm, 0, pcm.byteLength, WAV_HEADER_BYTES + dataBytes)
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
