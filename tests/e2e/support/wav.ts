/** Small WAV helpers for the end-to-end tests: write a test tone, read a recorder-written file. */
import { readFileSync } from 'node:fs'

// Test tones come from the one WAV writer the scripts and benchmarks use too.
export { writeSineWav as writeToneWav, type SineOptions as ToneOptions } from '../../../scripts/lib/wav.mjs'

export interface WavContent {
  sampleRate: number
  channels: number
  samples: Float32Array
  durationS: number
  declaredDataBytes: number
}

/** Reads a 16-bit PCM WAV by walking its chunks (does not trust the header's sizes blindly). */
export function readWav(path: string): WavContent {
  const buf = readFileSync(path)
  if (buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') throw new Error('not a WAV')
  let at = 12
  let sampleRate = 0
  let channels = 0
  while (at + 8 <= buf.length) {
    const id = buf.toString('ascii', at, at + 4)
    const size = buf.readUInt32LE(at + 4)
    if (id === 'fmt ') {
      channels = buf.readUInt16LE(at + 10)
      sampleRate = buf.readUInt32LE(at + 12)
    } else if (id === 'data') {
      const bytes = buf.subarray(at + 8, Math.min(buf.length, at + 8 + size))
      const samples = new Float32Array(bytes.length >> 1)
      for (let i = 0; i < samples.length; i++) samples[i] = bytes.readInt16LE(i * 2) / 32768
      return {
        sampleRate,
        channels,
        samples,
        durationS: samples.length / channels / sampleRate,
        declaredDataBytes: size,
      }
    }
    at += 8 + size + (size % 2)
  }
  throw new Error('no data chunk')
}

/**
 * The dominant frequency of a steady tone, from interpolated upward zero crossings over the
 * middle of the signal (ends trimmed: capture may start or stop mid-cycle).
 */
export function dominantFrequency(samples: Float32Array, sampleRate: number): number {
  const from = Math.floor(samples.length * 0.1)
  const to = Math.floor(samples.length * 0.9)
  let first = -1
  let last = -1
  let crossings = 0
  for (let i = from + 1; i < to; i++) {
    const a = samples[i - 1] ?? 0
    const b = samples[i] ?? 0
    if (a < 0 && b >= 0) {
      const t = i - 1 + a / (a - b)
      if (first < 0) first = t
      last = t
      crossings++
    }
  }
  if (crossings < 2) return 0
  return ((crossings - 1) * sampleRate) / (last - first)
}
