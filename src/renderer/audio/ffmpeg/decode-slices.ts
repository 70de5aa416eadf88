/**
 * The import decode in bounded memory: the input is read in place through WORKERFS (never copied
 * whole into wasm memory) and decoded in slices of a few minutes (./slice-args.ts), each handed to
 * `sink` as soon as it is read back. While main writes slice k, the worker decodes slice k + 1;
 * at most two slices are held at once, whatever the length of the file.
 *
 * Progress runs over the whole file (the input's `Duration:` from a header probe). Cancel:
 * between slices the loop stops; within a slice the engine terminates the worker (engine.ts).
 */
import { FFFSType } from '@ffmpeg/ffmpeg'
import {
  decodeFailureReason,
  IMPORT_RATE,
  parseInputAudio,
  parseLogDuration,
  type InputAudio,
} from '../../../shared/audio/decode-args'
import { JobCancelledError, runJob, type JobOptions, type Session } from './engine'
import { DecodeError } from './jobs'
import { MAX_SLICES, probeArgs, SLICE_SECONDS, sliceArgs, sliceWindow } from './slice-args'

export interface DecodeSlicesOptions extends JobOptions {
  /** Slice length in seconds (tests use short ones). */
  sliceSeconds?: number
}

export interface DecodedSlices {
  sampleCount: number
  slices: number
  /** The input's first audio stream as its header says (codec, rate, channels). */
  input: InputAudio | null
}

const SLICE_FILE = '/slice.pcm'
const extensionOf = (name: string): string => /\.[A-Za-z0-9]{1,5}$/.exec(name)?.[0]?.toLowerCase() ?? ''

/** The input's length in seconds (0 when the container does not say) and its audio format, from its header. */
async function probe(s: Session, input: string): Promise<{ totalSeconds: number; audio: InputAudio | null }> {
  // No output file: ffmpeg prints the input's header and exits with an error, by design.
  const { log } = await s.exec(probeArgs(input), { durationMs: 1 })
  return { totalSeconds: parseLogDuration(log) ?? 0, audio: parseInputAudio(log) }
}

async function readSlice(s: Session): Promise<Uint8Array> {
  // ffmpeg may leave no file when a slice starts past the end of the audio.
  const data = await s.ff.readFile(SLICE_FILE).catch(() => new Uint8Array(0))
  await s.ff.deleteFile(SLICE_FILE).catch(() => undefined)
  if (!(data instanceof Uint8Array)) throw new Error('ffmpeg: the decoded slice is not binary')
  return data
}

export function decodeSlicesJob(
  file: File,
  sink: (pcm: Uint8Array) => Promise<void>,
  options: DecodeSlicesOptions = {},
): Promise<DecodedSlices> {
  const sliceSeconds = options.sliceSeconds ?? SLICE_SECONDS
  return runJob(async (s) => {
    // A plain name, so odd characters in the officer's file name never reach ffmpeg.
    const input = `/in/input${extensionOf(file.name)}`
    await s.ff.createDir('/in').catch(() => undefined)
    await s.ff.mount(FFFSType.WORKERFS, { blobs: [{ name: input.slice(4), data: file }] }, '/in')
    try {
      const { totalSeconds, audio } = await probe(s, input)
      const report = (k: number, f: number) => {
        const done = (k + f) * sliceSeconds
        options.onProgress?.(totalSeconds > 0 ? Math.min(1, done / totalSeconds) : 1 - 1 / (k + 2))
      }
      let writing: Promise<void> = Promise.resolve()
      let sampleCount = 0
      for (let k = 0; k < MAX_SLICES; k++) {
        if (options.signal?.aborted) throw new JobCancelledError()
        const window = sliceWindow(k, sliceSeconds)
        const { code, log } = await s.exec(sliceArgs(input, SLICE_FILE, k, sliceSeconds), {
          // ffmpeg's `time=` counts the preroll too.
          durationMs: ((window.skipSamples + window.samples) / IMPORT_RATE) * 1000,
          onProgress: (f) => report(k, f),
        })
        if (code !== 0) {
          throw new DecodeError(file.name, k === 0 ? decodeFailureReason(log, file.size) : 'damaged', log)
        }
        const pcm = await readSlice(s)
        if (k === 0 && pcm.byteLength === 0) throw new DecodeError(file.name, 'not-audio', log)
        await writing // the previous slice is in main before this one is queued
        sampleCount += pcm.byteLength / 2
        writing = pcm.byteLength > 0 ? sink(pcm) : Promise.resolve()
        writing.catch(() => undefined) // awaited above or below; not an unhandled rejection meanwhile
        report(k + 1, 0)
        if (pcm.byteLength < window.samples * 2) {
          await writing
          return { sampleCount, slices: k + 1, input: audio }
        }
      }
      throw new DecodeError(file.name, 'too-long', '')
    } finally {
      await s.ff.unmount('/in').catch(() => undefined)
    }
  }, options.signal)
}
