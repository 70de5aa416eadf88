/**
 * Native ffmpeg as an `FfRunner` (src/shared/audio/ff-runner.ts): the procedures the app runs on
 * ffmpeg.wasm run here on the machine's ffmpeg, files in a temporary folder. Same code, same
 * arguments; only the engine differs.
 */
import { execFile } from 'node:child_process'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { FfRunner } from '../../../src/shared/audio/ff-runner'

export interface NativeRunner extends FfRunner {
  /** Every argument list run so far, in order. */
  readonly commands: string[][]
}

export function nativeRunner(dir: string): NativeRunner {
  const commands: string[][] = []
  return {
    commands,
    path: (name) => join(dir, name),
    exec: (args) =>
      new Promise((resolve) => {
        commands.push(args)
        // ffmpeg writes its log (stats, ebur128 summary) to stderr; a failure is an exit code, as in wasm.
        execFile('/usr/bin/ffmpeg', args, { timeout: 120_000, maxBuffer: 256 << 20 }, (error, _stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
          resolve({ code, log: stderr })
        })
      }),
    writeFile: (name, bytes) => writeFile(join(dir, name), bytes),
    readFile: async (name) => new Uint8Array(await readFile(join(dir, name))),
    deleteFile: (name) => rm(join(dir, name), { force: true }),
  }
}
