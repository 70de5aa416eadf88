/**
 * What an audio procedure needs from an ffmpeg: run arguments, and files by name. The app gives
 * ffmpeg.wasm (files in its memory, src/renderer/audio/ffmpeg/engine.ts); the tests and benches
 * give native ffmpeg (files in a temporary folder). The procedures (render-jobs.ts and
 * loudness-loop.ts in src/shared/editor) are the same code for both, so what the tests measure
 * is what the officer exports.
 */
export interface RunOptions {
  /** Length of the output in ms, for progress; 0 = unknown. */
  durationMs: number
  /** 0..1 while the command runs. */
  onProgress?: (fraction: number) => void
}

export interface FfRunner {
  /** The path ffmpeg sees for a plain file name (`render.wav` → `/render.wav` in wasm). */
  path(name: string): string
  /** Runs ffmpeg with these arguments; resolves with its exit code and its log (stderr). */
  exec(args: string[], options: RunOptions): Promise<{ code: number; log: string }>
  writeFile(name: string, bytes: Uint8Array): Promise<void>
  readFile(name: string): Promise<Uint8Array>
  /** Removes a file; no error when it is not there. */
  deleteFile(name: string): Promise<void>
}

/** Scales a step's progress into its share of a job: step `index` of `count`. */
export const stepProgress =
  (onProgress: ((f: number) => void) | undefined, index: number, count: number) =>
  (fraction: number): void =>
    onProgress?.(Math.min(1, (index + fraction) / count))
