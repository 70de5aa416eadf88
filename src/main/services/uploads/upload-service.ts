/**
 * Audio uploads to the province by tus 1.0 (tus-js-client, streaming from the file on disk).
 *
 * - The upload URL is saved the moment the server creates it, and the confirmed offset after
 *   every chunk, in `uploads.json`; a later run (even after a restart) resumes from that URL with a
 *   HEAD, so only the bytes the server lacks are sent again.
 * - Resuming never sends the creation endpoint to tus-js-client: its default is to start a NEW upload
 *   from byte 0 when the HEAD fails for any reason, including a 500 or 503. Here a server error on
 *   the HEAD fails the run (retry later, same URL); only 404/410 — the server no longer has the
 *   upload — starts over.
 * - A stall watchdog aborts a run that has not moved for `stallMs` (a dead 3G link often keeps the
 *   TCP connection open without moving a byte).
 * - tus-js-client retries nothing here (`retryDelays: []`): the sync engine owns backoff.
 * - Bytes go only to the endpoint's origin: a stored upload URL on another origin is not resumed,
 *   and an upload URL the server names on another origin (its `Location`) stops the run.
 * Reference: tus 1.0 core protocol (https://tus.io/protocols/resumable-upload), sync notes §6.8.
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { DetailedError, Upload } from 'tus-js-client'
import type { UploadProgress, UploadState, UploadTarget } from '../../../shared/ipc/uploads'
import { ServiceError } from '../../../shared/result'
import type { Logger } from '../logger'
import type { UploadJournal } from './upload-journal'

export interface UploadServiceOptions {
  journal: UploadJournal
  /** Where the media store keeps the bytes of a hash. */
  pathOf(hash: string): string
  onProgress(progress: UploadProgress): void
  log: Logger
  /** No byte moved for this long → abort (default 30 s). */
  stallMs?: number
  /** Bytes per PATCH; the offset is confirmed and saved after each (default 1 MiB). */
  chunkBytes?: number
}

export interface UploadOutcome {
  hash: string
  size: number
  /** Bytes put on the wire by this run (resent ones included): the proof that resuming works. */
  bytesSentTotal: number
}

export interface UploadService {
  /** Uploads (or resumes) one file; a second call for the same hash joins the running one. */
  run(hash: string, target: UploadTarget): Promise<UploadOutcome>
  list(): UploadState[]
  cancel(hash: string): boolean
  stop(): Promise<void>
}

const GONE = new Set([404, 410])

function sameOrigin(url: string, endpoint: string): boolean {
  try {
    return new URL(url, endpoint).origin === new URL(endpoint).origin
  } catch {
    return false
  }
}

const statusOf = (error: unknown): number | null =>
  error instanceof DetailedError ? (error.originalResponse?.getStatus() ?? null) : null

async function fileSize(path: string, hash: string): Promise<number> {
  try {
    return (await stat(path)).size
  } catch {
    throw new ServiceError('not-found', `uploads: no local file for ${hash}`)
  }
}

interface Attempt {
  promise: Promise<{ sent: number }>
  abort(): void
}

export function createUploadService(options: UploadServiceOptions): UploadService {
  const { journal, log } = options
  const stallMs = options.stallMs ?? 30_000
  const inflight = new Map<string, Promise<UploadOutcome>>()
  const current = new Map<string, Attempt>()

  /** One tus run from a known URL (resume) or from the endpoint (create); settles once. */
  function attempt(hash: string, target: UploadTarget, size: number, resumeUrl: string | null): Attempt {
    let upload: Upload | null = null
    let finish: (error: unknown, sent?: number) => void = () => undefined
    const promise = new Promise<{ sent: number }>((resolve, reject) => {
      let settled = false
      let sentEarlier = 0
      let patchStart = 0
      let sentThisPatch = 0
      // tus-js-client also reports the bare offset before each PATCH: only bytes written by a PATCH count.
      let isPatching = false
      let lastMove = Date.now()
      const watchdog = setInterval(
        () => {
          if (Date.now() - lastMove < stallMs) return
          void upload?.abort(false)
          finish(new ServiceError('disconnected', `uploads: ${hash} stalled for ${stallMs} ms`))
        },
        Math.min(1000, stallMs),
      )
      finish = (error, sent = 0) => {
        if (settled) return
        settled = true
        clearInterval(watchdog)
        if (error) reject(error instanceof Error ? error : new Error('uploads: failed'))
        else resolve({ sent })
      }
      upload = new Upload(createReadStream(options.pathOf(hash)), {
        ...(resumeUrl ? { uploadUrl: resumeUrl } : { endpoint: target.endpoint }),
        headers: target.headers,
        metadata: target.metadata,
        chunkSize: options.chunkBytes ?? 1 << 20,
        retryDelays: [],
        storeFingerprintForResuming: false,
        onUploadUrlAvailable: () => {
          if (!upload?.url) return
          if (!sameOrigin(upload.url, target.endpoint)) {
            void upload.abort(false)
            finish(new ServiceError('forbidden', `uploads: the province named an upload URL on another origin`))
            return
          }
          void journal.update(hash, { uploadUrl: upload.url, size, state: 'running' })
        },
        onBeforeRequest: (req) => {
          if (req.getMethod() !== 'PATCH') return
          sentEarlier += sentThisPatch
          sentThisPatch = 0
          patchStart = Number(req.getHeader('Upload-Offset')) || 0
          isPatching = true
        },
        onProgress: (offsetNow) => {
          lastMove = Date.now()
          if (isPatching) sentThisPatch = Math.max(0, offsetNow - patchStart)
          const confirmedBytes = journal.get(hash)?.confirmedBytes ?? 0
          options.onProgress({ hash, confirmedBytes, sentBytes: sentEarlier + sentThisPatch, size })
        },
        onAfterResponse: (req, res) => {
          const offset = Number(res.getHeader('Upload-Offset'))
          const method = req.getMethod()
          if (method === 'PATCH') {
            isPatching = false
            if (Number.isInteger(offset)) sentThisPatch = Math.max(sentThisPatch, offset - patchStart)
          }
          if (Number.isInteger(offset) && offset >= 0 && (method === 'HEAD' || method === 'PATCH'))
            void journal.update(hash, { confirmedBytes: offset, size })
        },
        onSuccess: () => finish(null, sentEarlier + sentThisPatch),
        onError: (error) => finish(error),
      })
      upload.start()
    })
    return {
      promise,
      abort: () => {
        void upload?.abort(false)
        finish(new ServiceError('disconnected', `uploads: ${hash} cancelled`))
      },
    }
  }

  async function follow(hash: string, run: Attempt, size: number): Promise<UploadOutcome> {
    current.set(hash, run)
    const { sent } = await run.promise
    await journal.update(hash, { state: 'complete', confirmedBytes: size, size })
    return { hash, size, bytesSentTotal: sent }
  }

  async function runOnce(hash: string, target: UploadTarget): Promise<UploadOutcome> {
    const size = await fileSize(options.pathOf(hash), hash)
    const known = journal.get(hash)
    const resumable = known?.size === size && known.state !== 'complete' ? known.uploadUrl : null
    const resumeUrl = resumable !== null && sameOrigin(resumable, target.endpoint) ? resumable : null
    try {
      return await follow(hash, attempt(hash, target, size, resumeUrl), size)
    } catch (error) {
      const status = statusOf(error)
      if (!resumeUrl || status === null || !GONE.has(status)) throw toUploadError(hash, error)
      log.warn(`uploads: ${hash} is gone on the server (${status}); starting it again`)
      await journal.update(hash, { uploadUrl: null, confirmedBytes: 0, state: 'pending' })
      return await follow(hash, attempt(hash, target, size, null), size).catch((e: unknown) => {
        throw toUploadError(hash, e)
      })
    }
  }

  function toUploadError(hash: string, error: unknown): ServiceError {
    if (error instanceof ServiceError) return error
    const status = statusOf(error)
    const detail = error instanceof Error ? error.message.slice(0, 300) : String(error)
    if (status === 460 || status === 413 || status === 403) {
      void journal.update(hash, { uploadUrl: null, confirmedBytes: 0, state: 'pending' })
      return new ServiceError('conflict', `uploads: the province refused ${hash} (${status}): ${detail}`)
    }
    return new ServiceError('disconnected', `uploads: ${hash} interrupted (${status ?? 'no answer'}): ${detail}`)
  }

  return {
    run(hash, target) {
      const existing = inflight.get(hash)
      if (existing) return existing
      const promise = runOnce(hash, target).finally(() => {
        inflight.delete(hash)
        current.delete(hash)
      })
      inflight.set(hash, promise)
      return promise
    },
    list: () => journal.list(),
    cancel(hash) {
      const run = current.get(hash)
      run?.abort()
      return run !== undefined
    },
    async stop() {
      for (const run of current.values()) run.abort()
      await Promise.allSettled([...inflight.values()])
    },
  }
}
