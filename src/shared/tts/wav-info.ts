/**
 * Reads the header of a PCM WAV file: format, rate, channels and the length of its `data` chunk.
 * Used to check what a voice produced before it is stored. Returns null for anything that is not
 * a PCM RIFF/WAVE file. A `data` size that runs past the end (streamed writers put 0 or
 * 0xFFFFFFFF there) is taken as "to the end of the file".
 */
export interface WavInfo {
  sampleRate: number
  channels: number
  bitsPerSample: number
  dataOffset: number
  dataBytes: number
  durationMs: number
}

const ascii = (b: Uint8Array, at: number): string => String.fromCharCode(...b.subarray(at, at + 4))

export function readWavInfo(bytes: Uint8Array): WavInfo | null {
  if (bytes.byteLength < 12 || ascii(bytes, 0) !== 'RIFF' || ascii(bytes, 8) !== 'WAVE') return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let fmt: { sampleRate: number; channels: number; bitsPerSample: number } | null = null
  for (let at = 12; at + 8 <= bytes.byteLength;) {
    const id = ascii(bytes, at)
    const size = view.getUint32(at + 4, true)
    if (id === 'fmt ' && at + 24 <= bytes.byteLength) {
      if (view.getUint16(at + 8, true) !== 1) return null
      fmt = {
        channels: view.getUint16(at + 10, true),
        sampleRate: view.getUint32(at + 12, true),
        bitsPerSample: view.getUint16(at + 22, true),
      }
    }
    if (id === 'data') {
      if (!fmt || fmt.channels === 0 || fmt.sampleRate === 0) return null
      const available = bytes.byteLength - (at + 8)
      const dataBytes = size === 0 || size > available ? available : size
      const frame = fmt.channels * (fmt.bitsPerSample / 8)
      return { ...fmt, dataOffset: at + 8, dataBytes, durationMs: ((dataBytes / frame) * 1000) / fmt.sampleRate }
    }
    at += 8 + size + (size % 2)
  }
  return null
}
