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

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b))

/** Largest number of filter phases precomputed (44.1 kHz from 8, 16, 22.05, 24, 48 kHz needs ≤ 441). */
const MAX_PHASES = 4096

interface Phase {
  /** Input offset of the first tap, relative to the output position's whole input sample. */
  first: number
  weights: Float64Array
}

/**
 * The filter taps of each output phase: with L/M the reduced ratio of the rates, output sample j
 * sits at input position j·M/L, whose fractional part is one of L values, so L kernels serve the
 * whole signal (polyphase). The same windowed sinc as computing each tap on the fly, without a
 * sine and two cosines per tap per sample (a 30-minute notice took minutes that way).
 */
function phases(fromRate: number, toRate: number, L: number): Phase[] {
  const cutoff = Math.min(1, toRate / fromRate)
  const half = HALF_TAPS / cutoff
  return Array.from({ length: L }, (_, p) => {
    const frac = p / L
    const first = Math.ceil(frac - half)
    const last = Math.floor(frac + half)
    const weights = new Float64Array(last - first + 1)
    for (let k = first; k <= last; k += 1) {
      const x = frac - k
      weights[k - first] = cutoff * sinc(cutoff * x) * blackman(x, half)
    }
    return { first, weights }
  })
}

/** Resamples mono float samples from `fromRate` to `toRate` (band-limited). */
export function resample(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (fromRate === toRate) return input.slice()
  const g = gcd(fromRate, toRate)
  const L = toRate / g
  const M = fromRate / g
  if (!Number.isInteger(L) || !Number.isInteger(M) || L > MAX_PHASES) {
    throw new Error(`store-wav: cannot resample ${fromRate} Hz to ${toRate} Hz`)
  }
  const kernels = phases(fromRate, toRate, L)
  const outLength = Math.round((input.length * toRate) / fromRate)
  const out = new Float32Array(outLength)
  // Output j sits at input position base + phase/L, with base·L + phase = j·M (stepped, not divided).
  let base = 0
  let phase = 0
  for (let j = 0; j < outLength; j += 1) {
    const { first, weights } = kernels[phase] as Phase
    const at = base + first
    const from = Math.max(0, -at)
    const to = Math.min(weights.length, input.length - at)
    let acc = 0
    // Bounds are checked above: the loop reads typed arrays inside them (no `?? 0` per tap).
    for (let k = from; k < to; k += 1) acc += (input[at + k] as number) * (weights[k] as number)
    out[j] = acc
    phase += M
    while (phase >= L) {
      phase -= L
      base += 1
    }
  }
  return out
}

/** The 44-byte header of a PCM 16-bit mono WAV of `sampleCount` samples at `sampleRate`. */
export function storeWavHeader(sampleCount: number, sampleRate = STORE_SAMPLE_RATE): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(44)
  const view = new DataView(bytes.buffer)
  const text = (at: number, s: string) => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)))
  text(0, 'RIFF')
  view.setUint32(4, 36 + sampleCount * 2, true)
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
  view.setUint32(40, sampleCount * 2, true)
  return bytes
}

/** Float samples as s16le at a linear gain, clipped to full scale. */
function pcm16(samples: Float32Array, gain: number, into: DataView, offset: number): void {
  samples.forEach((s, i) =>
    into.setInt16(offset + i * 2, Math.max(-32768, Math.min(32767, Math.round(s * gain * 32767))), true),
  )
}

/** A 44-byte-header PCM 16-bit mono WAV of `samples` at `sampleRate`, the peak scaled to `peak`. */
export function encodeStoreWav(samples: Float32Array, sampleRate: number, peak = STORE_PEAK): Uint8Array<ArrayBuffer> {
  let max = 0
  for (const s of samples) max = Math.max(max, Math.abs(s))
  const gain = max > 0 ? peak / max : 1
  const bytes = new Uint8Array(44 + samples.length * 2)
  bytes.set(storeWavHeader(samples.length, sampleRate))
  pcm16(samples, gain, new DataView(bytes.buffer), 44)
  return bytes
}

/**
 * One chunk of a long synthesis → samples of the store's format (44.1 kHz mono s16le, no header)
 * at a FIXED gain: peak-normalising each chunk would give each sentence its own level. eSpeak NG
 * peaks near 0 dBFS, so −1 dB keeps its peaks (and most resampling overshoot) under full scale;
 * the take's loudness is set afterwards like any take's (normalisation to the station target).
 */
export function toStorePcm(wav: Uint8Array, gainDb = -1): Uint8Array<ArrayBuffer> {
  const { samples, sampleRate } = decodePcm16(wav)
  const resampled = resample(samples, sampleRate, STORE_SAMPLE_RATE)
  const out = new Uint8Array(resampled.length * 2)
  pcm16(resampled, 10 ** (gainDb / 20), new DataView(out.buffer), 0)
  return out
}

/** Any 16-bit PCM WAV → the store's import format (44.1 kHz mono, peak −1 dBFS). */
export function toStoreWav(wav: Uint8Array): Uint8Array<ArrayBuffer> {
  const { samples, sampleRate } = decodePcm16(wav)
  if (samples.length === 0) throw new Error('store-wav: the voice produced no audio')
  return encodeStoreWav(resample(samples, sampleRate, STORE_SAMPLE_RATE), STORE_SAMPLE_RATE)
}
