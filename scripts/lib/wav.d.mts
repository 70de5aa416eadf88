/** Types for wav.mjs (plain JavaScript so scripts and benchmarks run under `node` without a build). */

export const WAV_HEADER_BYTES: 44

export interface SineOptions {
  frequency: number
  seconds: number
  sampleRate: number
  /** Fraction of full scale, 0..1. */
  amplitude: number
}

export function pcm16Wav(samples: ArrayLike<number>, sampleRate: number): Buffer
export function floatToPcm16(samples: ArrayLike<number>): Int16Array
export function sinePcm16(tone: SineOptions): Int16Array
export function writeSineWav(path: string, tone: SineOptions): void
