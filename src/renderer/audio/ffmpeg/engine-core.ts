/**
 * The engine's policy, apart from ffmpeg.wasm itself (engine.ts gives the real instance; the
 * unit test a counting fake): one instance at a time, loaded on first use, and a queue so jobs
 * run one at a time.
 *
 * Recovery: a job that fails for any reason — ffmpeg's exit code, a file it cannot read, or the
 * core itself (`RuntimeError: memory access out of bounds` after a run of damaged files was
 * seen: every later job failed until a reload) — terminates that instance; the next job loads a
 * fresh one (about a second). A failing file therefore never poisons the next job.
 *
 * Cancel: ffmpeg.wasm cannot stop an `exec` half-way, so cancelling a running job terminates the
 * worker too. A queued job that is cancelled is simply dropped. Progress comes from ffmpeg's
 * `time=` log lines against the known duration.
 */
import type { FFmpeg } from '@ffmpeg/ffmpeg'
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

/** What the engine uses of an FFmpeg instance. */
export type FfmpegInstance = Pick<
  FFmpeg,
  'exec' | 'on' | 'off' | 'terminate' | 'writeFile' | 'readFile' | 'deleteFile' | 'createDir' | 'mount' | 'unmount'
>

/** What a job may do with the loaded instance. */
export interface Session {
  ff: FfmpegInstance
  exec(args: string[], options: RunOptions): Promise<ExecResult>
}

export interface EngineStats {
  /** Instances loaded so far. */
  loads: number
  /** Instances thrown away (failure, cancel). */
  resets: number
}

async function execWithProgress(ff: FfmpegInstance, args: string[], options: RunOptions): Promise<ExecResult> {
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

export function createEngine(load: () => Promise<FfmpegInstance>) {
  let instance: FfmpegInstance | null = null
  let loading: Promise<FfmpegInstance> | null = null
  let queue: Promise<unknown> = Promise.resolve()
  const stats: EngineStats = { loads: 0, resets: 0 }
  const resetListeners = new Set<() => void>()

  const loaded = async (): Promise<FfmpegInstance> => {
    if (instance) return instance
    loading ??= load()
      .then((ff) => {
        stats.loads += 1
        instance = ff
        return ff
      })
      .finally(() => {
        loading = null
      })
    return loading
  }

  /** Stops the worker; the next job loads a fresh instance. Files in its memory are gone. */
  const resetEngine = (): void => {
    if (instance) stats.resets += 1
    instance?.terminate()
    instance = null
    resetListeners.forEach((listener) => listener())
  }

  /**
   * Runs `job` when the engine is free. Aborting the signal before it starts drops it; aborting
   * while it runs terminates the worker: the promise rejects with JobCancelledError. Any other
   * failure throws the instance away and rejects with the job's error.
   */
  const runJob = <T>(job: (session: Session) => Promise<T>, signal?: AbortSignal): Promise<T> => {
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
        resetEngine()
        throw error
      } finally {
        signal?.removeEventListener('abort', onAbort)
      }
    })
    queue = run.catch(() => undefined)
    return run
  }

  const onEngineReset = (listener: () => void): (() => void) => {
    resetListeners.add(listener)
    return () => resetListeners.delete(listener)
  }

  return { runJob, resetEngine, onEngineReset, stats: (): EngineStats => ({ ...stats }) }
}
