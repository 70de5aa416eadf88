/**
 * The renderer's one ffmpeg.wasm engine, loaded from the app's own files (Vite `?url` imports of
 * @ffmpeg/core and its wasm; never a CDN). The core (single-thread build) runs in
 * @ffmpeg/ffmpeg's own web worker, off the UI thread. Queue, cancel and recovery after a failure:
 * engine-core.ts. `runnerOf` lends a job's session to the shared audio procedures
 * (src/shared/editor/render-jobs.ts), which tests run on native ffmpeg.
 */
import { FFmpeg } from '@ffmpeg/ffmpeg'
import coreURL from '@ffmpeg/core?url'
import wasmURL from '@ffmpeg/core/wasm?url'
import type { FfRunner } from '../../../shared/audio/ff-runner'
import { createEngine, type Session } from './engine-core'

export {
  JobCancelledError,
  type ExecResult,
  type JobOptions,
  type RunOptions,
  type Session,
  type EngineStats,
} from './engine-core'

const engine = createEngine(async () => {
  const ff = new FFmpeg()
  await ff.load({ coreURL, wasmURL })
  return ff
})

export const runJob = engine.runJob
/** Stops the worker (cancel, failure); the next job loads again. */
export const resetEngine = engine.resetEngine
/** Called whenever the instance is thrown away (caches of files in its memory must be dropped). */
export const onEngineReset = engine.onEngineReset
/** How many instances were loaded and thrown away (the automation hook reports it). */
export const engineStats = engine.stats

/** The session as an `FfRunner`: files at the root of the wasm file system. */
export function runnerOf(s: Session): FfRunner {
  return {
    path: (name) => `/${name}`,
    exec: (args, options) => s.exec(args, options),
    writeFile: async (name, bytes) => void (await s.ff.writeFile(`/${name}`, bytes)),
    readFile: async (name) => {
      const data = await s.ff.readFile(`/${name}`)
      if (!(data instanceof Uint8Array)) throw new Error(`ffmpeg: ${name} is not binary`)
      return data
    },
    deleteFile: async (name) => void (await s.ff.deleteFile(`/${name}`).catch(() => false)),
  }
}
