/**
 * Native ffmpeg for tests of the render graph: the same arguments the app gives ffmpeg.wasm,
 * run by the machine's ffmpeg 5.1 on generated tones, read back as 16-bit PCM.
 */
import { execFile } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import { wavHeader } from '../../../../src/main/services/recorder/wav'
import { concatBytes, sinePcm } from '../../helpers/pcm'

const run = promisify(execFile)

export async function ffmpeg(args: string[]): Promise<string> {
  // ffmpeg writes its log (stats, ebur128 summary) to stderr.
  const { stderr } = await run('/usr/bin/ffmpeg', args, { timeout: 60_000, maxBuffer: 64 << 20 })
  return stderr
}

/** Writes a mono 16-bit WAV of the given parts. */
export async function writeWav(path: string, sampleRate: number, parts: Uint8Array[]): Promise<void> {
  const pcm = concatBytes(parts)
  await writeFile(path, concatBytes([wavHeader({ sampleRate, channels: 1, bitsPerSample: 16 }, pcm.byteLength), pcm]))
}

export const tone = (seconds: number, amplitude: number, frequency = 440, sampleRate = 44_100): Uint8Array =>
  sinePcm(sampleRate, frequency, amplitude, Math.round(seconds * sampleRate))

/** Samples (-1..1) of a 16-bit mono WAV with the plain 44-byte header. */
export async function readWavSamples(path: string): Promise<Float32Array> {
  const bytes = await readFile(path)
  if (bytes.toString('ascii', 36, 40) !== 'data') throw new Error('expected a 44-byte WAV header')
  const n = (bytes.byteLength - 44) >> 1
  const out = new Float32Array(n)
  for (let i = 0; i < n; i++) out[i] = bytes.readInt16LE(44 + i * 2) / 32768
  return out
}

/** RMS of samples [from, to). */
export function rms(samples: Float32Array, from: number, to: number): number {
  let sum = 0
  for (let i = from; i < to; i++) sum += (samples[i] ?? 0) ** 2
  return Math.sqrt(sum / Math.max(1, to - from))
}

export const db = (ratio: number): number => 20 * Math.log10(ratio)
