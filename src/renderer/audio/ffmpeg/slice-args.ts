/**
 * Import decoding in time slices, so a two-hour file never sits whole in ffmpeg.wasm's memory.
 * Slice k holds output samples [k·N, (k+1)·N) of the store's format (mono 44.1 kHz s16, N =
 * SLICE_SECONDS · 44 100), as raw little-endian PCM. The slices join with no gap and no overlap:
 *
 *   ffmpeg -ss <k·S − P> -i input -map 0:a:0 -vn -sn -dn
 *          -af aresample=44100,aformat=sample_fmts=s16:channel_layouts=mono,
 *              atrim=start_sample=<P·44100>:end_sample=<P·44100 + N>  -f s16le slice.pcm
 *
 * `-ss` before `-i` seeks the demuxer and (accurate_seek, on by default) drops decoded audio
 * before the seek time, so the first decoded sample is at exactly k·S − P seconds. Whole seconds
 * are whole samples at every input rate, so the resampler starts on the same phase as a one-shot
 * decode. The preroll P (2 s) lets the codec (MP3 bit reservoir, Vorbis/Opus overlap) and the
 * resampler's filter settle before the samples we keep; `atrim` by sample count cuts the window
 * after resampling, so its ends are exact. Resampling first (at the input's channel count) and
 * downmixing after is what makes the result equal to `decodeArgs`' one-shot `-ac 1 -ar 44100`
 * sample for sample (tests/unit/renderer/audio/ffmpeg/slice-args.test.ts runs both with native
 * ffmpeg on the corpus). One known exception: AAC with perceptual noise substitution draws its
 * noise from a generator whose state depends on where decoding began, so those noise bands differ
 * (same length and position, inaudibly different noise).
 *
 * A slice shorter than N samples is the last one. References: ffmpeg(1) "-ss position (input)",
 * ffmpeg-filters(1) "atrim", "aresample", "aformat".
 */
import { IMPORT_RATE } from '../../../shared/audio/decode-args'

/**
 * Three minutes: 15.9 MB of PCM per slice. ffmpeg.wasm's MEMFS grows an output file by
 * reallocating (×1.125 past 1 MB), so each slice leaves garbage in the worker until its next GC.
 * Measured on a 60-min import (tests/bench/import-bench.mjs): 60 s slices halve the worker's
 * ArrayBuffer peak (99 vs 225 MB) but not the renderer process's peak RSS (379 vs 357 MB) and
 * take longer (one exec and a 2 s preroll per slice), so slices stay at three minutes.
 */
export const SLICE_SECONDS = 180
export const PREROLL_SECONDS = 2
/** 4 hours (the store's limit) in slices: the loop never runs longer than this. */
export const MAX_SLICES = Math.ceil((4 * 3600) / SLICE_SECONDS) + 1

export interface SliceWindow {
  /** Seek of the input in whole seconds (0 for the first slice). */
  seekSeconds: number
  /** Samples of the decoded output to drop before the slice begins (the preroll). */
  skipSamples: number
  /** Samples in a whole slice. */
  samples: number
}

export function sliceWindow(index: number, sliceSeconds = SLICE_SECONDS): SliceWindow {
  const start = index * sliceSeconds
  const seekSeconds = Math.max(0, start - PREROLL_SECONDS)
  return {
    seekSeconds,
    skipSamples: (start - seekSeconds) * IMPORT_RATE,
    samples: sliceSeconds * IMPORT_RATE,
  }
}

export function sliceArgs(input: string, output: string, index: number, sliceSeconds = SLICE_SECONDS): string[] {
  const w = sliceWindow(index, sliceSeconds)
  const trim = `atrim=start_sample=${w.skipSamples}:end_sample=${w.skipSamples + w.samples}`
  return [
    ...['-hide_banner', '-nostdin', '-y'],
    ...(w.seekSeconds > 0 ? ['-ss', String(w.seekSeconds)] : []),
    ...['-i', input, '-map', '0:a:0', '-vn', '-sn', '-dn', '-map_metadata', '-1'],
    ...['-af', `aresample=${IMPORT_RATE},aformat=sample_fmts=s16:channel_layouts=mono,${trim}`],
    ...['-c:a', 'pcm_s16le', '-f', 's16le', output],
  ]
}

/** Reads the input's header only (no output): its log carries `Duration:` for progress. */
export const probeArgs = (input: string): string[] => ['-hide_banner', '-nostdin', '-i', input]
