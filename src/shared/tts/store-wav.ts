/**
 * Brings a voice's WAV to the media store's import format: RIFF/WAVE, 44-byte header, PCM
 * 16-bit mono at 44.1 kHz (what src/main/services/media/import-verify.ts accepts). eSpeak NG
 * speaks at 22,050 Hz; a neural voice may use 16, 22.05 or 24 kHz.
 *
 * Resampling is band-limited interpolation (windowed sinc, Blackman window, 16 zero crossings a
 * side; J. O. Smith, "Digital Audio Resampling", ccrma.stanford.edu/~jos/resample). The peak is
 * then set to −1 dBFS: eSpeak NG peaks at about −0.04 dBFS, and resampling can overshoot that.
 * Pure and synchronous: it runs in the TTS worker, off the UI thread.
 */
import { readWavInfo } from './wav-info'

export const STORE_SAMPLE_RATE = 44_100
export const STORE_PEAK = 10 ** (-1 / 20)
const HALF_TAPS = 16

/** Mono float samples (−1..1) of a 16-bit PCM WAV; multi-channel files are averaged to mono. */
export function decodePcm16(bytes: Uint8Array): { samples: Float32Array; sampleRate: number } {
  const info = readWavInfo(bytes)
  if (!info || info.bitsPerSample !== 16) throw new Error('store-wav: not a 16-bit PCM WAV file')
  const view = new DataView(bytes.buffer, bytes.byteOffset + info.dataOffset, info.dataBytes - (info.dataBytes % 2))
  const frames = Math.floor(view.byteLength / 2 / info.channels)
  const samples = new Float32Array(frames)
  for (let i = 0; i < frames; i += 1) {
    let sum = 0
    for (let c = 0; c < info.channels; c += 1) sum += view.getInt16((i * info.channels + c) * 2, true)
    samples[i] = sum / info.channels / 32768
  }
  return { samples, sampleRate: info.sampleRate }
}

const sinc = (x: number): number => (x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x))
const blackman = (x: number, half: number): number => {
  const n = (x + half) / (2 * half)
  return n <= 0 || n >= 1 ? 0 : 0.42 - 0.5 * Math.cos(2 * Math.PI * n) + 0.08 * Math.cos(4 * Math.PI * n)
}

/** Resamples mono float samples from `fromRate` to `toRate` (band-limited). */
export function resample(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (fromRate === toRate) return input.slice()
  const outLength = Math.round((input.length * toRate) / fromRate)
  const out = new Float32Array(outLength)
  const step = fromRate / toRate
  const cutoff = Math.min(1, toRate / fromRate)
  const half = HALF_TAPS / cutoff
  for (let j = 0; j < outLength; j += 1) {
    const t = j * step
    const first = Math.max(0, Math.ceil(t - half))
    const last = Math.min(input.length - 1, Math.floor(t + half))
    let acc = 0
    for (let k = first; k <= last; k += 1) {
      const x = t - k
      acc += (input[k] ?? 0) * cutoff * sinc(cutoff * x) * blackman(x, half)
    }
    out[j] = acc
  }
  return out
}

/** A 44-byte-header PCM 16-bit mono WAV of `samples` at `sampleRate`, the peak scaled to `peak`. */
export function encodeStoreWav(samples: Float32Array, sampleRate: number, peak = STORE_PEAK): Uint8Array<ArrayBuffer> {
  let max = 0
  for (const s of samples) max = Math.max(max, Math.abs(s))
  const gain = max > 0 ? peak / max : 1
  const bytes = new Uint8Array(44 + samples.length * 2)
  const view = new DataView(bytes.buffer)
  const text = (at: number, s: string) => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)))
  text(0, 'RIFF')
  view.setUint32(4, 36 + samples.length * 2, true)
  text(8, 'WAVE')
  text(12, 'fmt ')
  view.setUint32(16, 16, true)
  view.setUint16(20, 1, true)
  view.setUint16(22, 1, true)
  view.setUint32(24, sampleRate, true)
  view.setUint32(28, sampleRate * 2, true)
  view.setUint16(32, 2, true)
  view.setUint16(34, 16, true)
  text(36, 'data')
  view.setUint32(40, samples.length * 2, true)
  samples.forEach((s, i) =>
    view.setInt16(44 + i * 2, Math.max(-32768, Math.min(32767, Math.round(s * gain * 32767))), true),
  )
  return bytes
}

/** Any 16-bit PCM WAV → the store's import format (44.1 kHz mono, peak −1 dBFS). */
export function toStoreWav(wav: Uint8Array): Uint8Array<ArrayBuffer> {
  const { samples, sampleRate } = decodePcm16(wav)
  if (samples.length === 0) throw new Error('store-wav: the voice produced no audio')
  return encodeStoreWav(resample(samples, sampleRate, STORE_SAMPLE_RATE), STORE_SAMPLE_RATE)
}
