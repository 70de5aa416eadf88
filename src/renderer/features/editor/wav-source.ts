/**
 * Reads spans of a WAV file in the media store by HTTP Range (the host serves `/media/<hash>.wav`
 * with Range), so the preview never holds the whole take in memory. PCM 16/24/32-bit and 32-bit
 * float (WAVE_FORMAT_PCM = 1, WAVE_FORMAT_IEEE_FLOAT = 3, or EXTENSIBLE = 0xFFFE wrapping either).
 */
export interface WavFormat {
  format: 'int' | 'float'
  channels: number
  sampleRate: number
  bitsPerSample: number
  blockAlign: number
  dataOffset: number
}

const HEAD_BYTES = 64 * 1024

/** Parses the RIFF chunks up to `data`; null when the bytes are not a WAV this reader handles. */
export function parseWavHeader(bytes: ArrayBuffer): WavFormat | null {
  const view = new DataView(bytes)
  const tag = (at: number) => String.fromCharCode(...new Uint8Array(bytes, at, 4))
  if (bytes.byteLength < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') return null
  let at = 12
  let fmt: Omit<WavFormat, 'dataOffset'> | null = null
  while (at + 8 <= bytes.byteLength) {
    const id = tag(at)
    const size = view.getUint32(at + 4, true)
    if (id === 'fmt ' && at + 24 <= bytes.byteLength) {
      let code = view.getUint16(at + 8, true)
      if (code === 0xfffe && at + 34 <= bytes.byteLength) code = view.getUint16(at + 32, true)
      if (code !== 1 && code !== 3) return null
      fmt = {
        format: code === 3 ? 'float' : 'int',
        channels: view.getUint16(at + 10, true),
        sampleRate: view.getUint32(at + 12, true),
        blockAlign: view.getUint16(at + 20, true),
        bitsPerSample: view.getUint16(at + 22, true),
      }
    }
    if (id === 'data') return fmt ? { ...fmt, dataOffset: at + 8 } : null
    at += 8 + size + (size % 2)
  }
  return null
}

/** Interleaved little-endian samples → one Float32Array per channel, -1..1. */
export function decodePcm(bytes: ArrayBuffer, f: WavFormat): Float32Array[] {
  const view = new DataView(bytes)
  const frames = Math.floor(bytes.byteLength / f.blockAlign)
  const width = f.bitsPerSample / 8
  const out = Array.from({ length: f.channels }, () => new Float32Array(frames))
  for (let i = 0; i < frames; i += 1) {
    for (let c = 0; c < f.channels; c += 1) {
      const at = i * f.blockAlign + c * width
      const channel = out[c] as Float32Array
      if (f.format === 'float') channel[i] = view.getFloat32(at, true)
      else if (width === 2) channel[i] = view.getInt16(at, true) / 32768
      else if (width === 3) channel[i] = ((view.getUint8(at + 2) << 24) | (view.getUint16(at, true) << 8)) / 2147483648
      else channel[i] = view.getInt32(at, true) / 2147483648
    }
  }
  return out
}

async function fetchRange(url: string, from: number, to: number, signal?: AbortSignal): Promise<ArrayBuffer> {
  const response = await fetch(url, { headers: { Range: `bytes=${from}-${to}` }, signal })
  if (!response.ok) throw new Error(`editor: media read failed (${response.status})`)
  const body = await response.arrayBuffer()
  // A server that ignores Range answers 200 with the whole file: take the span we asked for.
  return response.status === 206 ? body : body.slice(from, to + 1)
}

export interface WavSource {
  readonly format: WavFormat
  /** The source span [fromMs, toMs) as planar float channels. */
  read(fromMs: number, toMs: number, signal?: AbortSignal): Promise<Float32Array[]>
}

export async function openWavSource(url: string): Promise<WavSource> {
  const format = parseWavHeader(await fetchRange(url, 0, HEAD_BYTES - 1))
  if (!format) throw new Error('editor: not a PCM WAV file')
  const frameAt = (ms: number) => Math.round((ms * format.sampleRate) / 1000)
  return {
    format,
    async read(fromMs, toMs, signal) {
      const a = format.dataOffset + frameAt(fromMs) * format.blockAlign
      const b = format.dataOffset + frameAt(toMs) * format.blockAlign - 1
      if (b < a) return Array.from({ length: format.channels }, () => new Float32Array(0))
      return decodePcm(await fetchRange(url, a, b, signal), format)
    },
  }
}
