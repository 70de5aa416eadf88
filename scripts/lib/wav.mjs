/**
 * The one small WAV writer for scripts, benchmarks and end-to-end tests (plain Node, no build step):
 * RIFF/WAVE with a 44-byte header, PCM 16-bit little-endian, mono. The app's own recorder has its
 * own writer (src/main/services/recorder/wav.ts); this one is for files the tools make.
 *
 * Header layout (all little-endian): "RIFF", 36 + dataBytes, "WAVEfmt ", 16, format 1 (PCM),
 * channels 1, sampleRate, byteRate = sampleRate * 2, blockAlign 2, bitsPerSample 16, "data",
 * dataBytes; then the samples.
 */
import { writeFileSync } from 'node:fs'

export const WAV_HEADER_BYTES = 44

/** A mono 16-bit PCM WAV of `samples` (whole numbers in -32768..32767). */
export function pcm16Wav(samples, sampleRate) {
  const dataBytes = samples.length * 2
  const bytes = Buffer.alloc(WAV_HEADER_BYTES + dataBytes)
  bytes.write('RIFF', 0, 'ascii')
  bytes.writeUInt32LE(36 + dataBytes, 4)
  bytes.write('WAVEfmt ', 8, 'ascii')
  bytes.writeUInt32LE(16, 16)
  bytes.writeUInt16LE(1, 20)
  bytes.writeUInt16LE(1, 22)
  bytes.writeUInt32LE(sampleRate, 24)
  bytes.writeUInt32LE(sampleRate * 2, 28)
  bytes.writeUInt16LE(2, 32)
  bytes.writeUInt16LE(16, 34)
  bytes.write('data', 36, 'ascii')
  bytes.writeUInt32LE(dataBytes, 40)
  for (let i = 0; i < samples.length; i++) bytes.writeInt16LE(samples[i], WAV_HEADER_BYTES + i * 2)
  return bytes
}

/** Floats in -1..1 to 16-bit samples (rounded, full scale 32767). */
export function floatToPcm16(samples) {
  return Int16Array.from(samples, (s) => Math.round(s * 32767))
}

/** A steady sine: `amplitude` is a fraction of full scale (0..1). */
export function sinePcm16({ frequency, seconds, sampleRate, amplitude }) {
  const n = Math.round(seconds * sampleRate)
  const peak = amplitude * 32767
  const out = new Int16Array(n)
  for (let i = 0; i < n; i++) out[i] = Math.round(peak * Math.sin((2 * Math.PI * frequency * i) / sampleRate))
  return out
}

/** Writes a sine tone as a mono 16-bit WAV file at `path`. */
export function writeSineWav(path, tone) {
  writeFileSync(path, pcm16Wav(sinePcm16(tone), tone.sampleRate))
}
