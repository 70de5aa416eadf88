/**
 * One ffmpeg.wasm instance for the whole renderer, loaded from the app's own files (Vite `?url`
 * imports of @ffmpeg/core and its wasm; never a CDN), with a queue: jobs run one at a time.
 * The core (single-thread build) runs in @ffmpeg/ffmpeg's own web worker, off the UI thread.
 *
 * Cancel: ffmpeg.wasm cannot stop an `exec` half-way, so a cancelled running job terminates the
 * worker; the next job loads a fresh instance (about 1 s). A queued job that is cancelled is
 * simply dropped. Progress comes from ffmpeg's `time=` log lines against the known duration.
 */
import { FFmpeg } from '@ffmpeg/ffmpeg'
import coreURL from '@ffmpeg/core?url'
import wasmURL from '@ffmpeg/core/wasm?url'
import { parseLogDuration, parseLogTime } from '../../../shared/audio/decode-args'

export class JobCancelledError extends Error {
  constructor() {
    super('ffmpeg: the job was cancelled')
    this.name = 'JobCancelledError'
  }
}

export interface JobOptions {
  /** 0..1 while the job runs. */
  onProgress?: (fraction: number) => void
  signal?: AbortSignal
}

export interface RunOptions extends JobOptions {
  /** Length of the output in ms, for progress; 0 = read it from the log's `Duration:`. */
  durationMs: number
}

export interface ExecResult {
  code: number
  log: string
}

/** What a job may do with the loaded instance. */
export interface Session {
  ff: FFmpeg
  exec(args: string[], options: RunOptions): Promise<ExecResult>
}

let instance: FFmpeg | null = null
let loading: Promise<FFmpeg> | null = null
let queue: Promise<unknown> = Promise.resolve()

async function loaded(): Promise<FFmpeg> {
  if (instance) return instance
  loading ??= (async () => {
    const ff = new FFmpeg()
    await ff.load({ coreURL, wasmURL })
    instance = ff
    return ff
  })().finally(() => {
    loading = null
  })
  return loading
}

/** Stops the worker (cancel); the next job loads again. Files in its memory are gone. */
export function resetEngine(): void {
  instance?.terminate()
  instance = null
  onReset.forEach((listener) => listener())
}

const onReset = new Set<() => void>()
/** Called whenever the instance is thrown away (caches of files in its memory must be dropped). */
export function onEngineReset(listener: () => void): () => void {
  onReset.add(listener)
  return () => onReset.delete(listener)
}

async function execWithProgress(ff: FFmpeg, args: string[], options: RunOptions): Promise<ExecResult> {
  const lines: string[] = []
  let durationMs = options.durationMs
  const onLog = ({ message }: { message: string }) => {
    lines.push(message)
    if (durationMs <= 0) durationMs = (parseLogDuration(message) ?? 0) * 1000
    const t = parseLogTime(message)
    if (t !== null && durationMs > 0) options.onProgress?.(Math.min(1, (t * 1000) / durationMs))
  }
  ff.on('log', onLog)
  try {
    const code = await ff.exec(args)
    return { code, log: lines.join('\n') }
  } finally {
    ff.off('log', onLog)
  }
}

/**
 * Runs `job` when the engine is free. Aborting the signal before it starts drops it; aborting
 * while it runs terminates the worker. Either way the promise rejects with JobCancelledError.
 */
export function runJob<T>(job: (session: Session) => Promise<T>, signal?: AbortSignal): Promise<T> {
  const run = queue.then(async () => {
    if (signal?.aborted) throw new JobCancelledError()
    let cancelled = false
    const onAbort = () => {
      cancelled = true
      resetEngine()
    }
    // Listening before the load: a cancel while the core loads must stop the job too.
    signal?.addEventListener('abort', onAbort, { once: true })
    try {
      const ff = await loaded()
      if (cancelled) {
        resetEngine()
        throw new JobCancelledError()
      }
      return await job({ ff, exec: (args, options) => execWithProgress(ff, args, options) })
    } catch (error) {
      if (cancelled) throw new JobCancelledError()
      throw error
    } finally {
      signal?.removeEventListener('abort', onAbort)
    }
  })
  queue = run.catch(() => undefined)
  return run
}
