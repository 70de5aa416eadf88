/**
 * RIFF/WAVE for 16-bit PCM, the format recordings are written in while they are captured.
 *
 *   offset 0  "RIFF" u32 riffSize "WAVE"
 *          12 "fmt " u32 16  u16 1(PCM) u16 channels u32 rate u32 byteRate u16 blockAlign u16 bits
 *          36 "data" u32 dataSize, then the samples (little-endian)
 *
 * Example: 1 s mono 44.1 kHz → riffSize 88236, dataSize 88200, file 88244 bytes.
 * Reference: Microsoft "Multimedia Programming Interface and Data Specifications 1.0" (1991),
 * the WAVE_FORMAT_PCM fmt chunk. While recording, the size fields are provisional; `repair`
 * derives them from the file's length, which is what makes a killed recording readable.
 */
import { open } from 'node:fs/promises'

export const WAV_HEADER_BYTES = 44

export interface PcmFormat {
  sampleRate: number
  channels: number
  bitsPerSample: 16
}

export function wavHeader(format: PcmFormat, dataBytes: number): Buffer {
  const blockAlign = format.channels * (format.bitsPerSample / 8)
  const h = Buffer.alloc(WAV_HEADER_BYTES)
  h.write('RIFF', 0, 'ascii')
  h.writeUInt32LE(Math.min(0xffffffff, 36 + dataBytes), 4)
  h.write('WAVE', 8, 'ascii')
  h.write('fmt ', 12, 'ascii')
  h.writeUInt32LE(16, 16)
  h.writeUInt16LE(1, 20)
  h.writeUInt16LE(format.channels, 22)
  h.writeUInt32LE(format.sampleRate, 24)
  h.writeUInt32LE(format.sampleRate * blockAlign, 28)
  h.writeUInt16LE(blockAlign, 32)
  h.writeUInt16LE(format.bitsPerSample, 34)
  h.write('data', 36, 'ascii')
  h.writeUInt32LE(Math.min(0xffffffff, dataBytes), 40)
  return h
}

export interface WavLayout extends PcmFormat {
  dataOffset: number
  /** Bytes of sample data actually present (whole frames only). */
  dataBytes: number
  /** What the header claims; may differ from dataBytes in a damaged or growing file. */
  declaredDataBytes: number
}

/** Parses the fixed 44-byte header this app writes. Other layouts are rejected (import handles those). */
export function parseOwnHeader(h: Buffer, fileSize: number): WavLayout {
  if (h.length < WAV_HEADER_BYTES || h.toString('ascii', 0, 4) !== 'RIFF' || h.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error('wav: not a RIFF/WAVE file')
  }
  if (h.toString('ascii', 12, 16) !== 'fmt ' || h.toString('ascii', 36, 40) !== 'data') {
    throw new Error('wav: unexpected chunk layout')
  }
  const channels = h.readUInt16LE(22)
  const sampleRate = h.readUInt32LE(24)
  const bits = h.readUInt16LE(34)
  if (h.readUInt16LE(20) !== 1 || bits !== 16 || channels < 1 || sampleRate < 1) {
    throw new Error('wav: only 16-bit PCM is written by the recorder')
  }
  const frameBytes = channels * 2
  const present = Math.max(0, fileSize - WAV_HEADER_BYTES)
  return {
    sampleRate,
    channels,
    bitsPerSample: 16,
    dataOffset: WAV_HEADER_BYTES,
    dataBytes: present - (present % frameBytes),
    declaredDataBytes: h.readUInt32LE(40),
  }
}

/**
 * Makes a recorder-written WAV valid after a crash: drops a trailing partial frame and writes
 * the true sizes into the header. Returns the repaired layout. Idempotent.
 */
export async function repairWav(path: string): Promise<WavLayout> {
  const fh = await open(path, 'r+')
  try {
    const { size } = await fh.stat()
    const header = Buffer.alloc(WAV_HEADER_BYTES)
    await fh.read(header, 0, WAV_HEADER_BYTES, 0)
    const layout = parseOwnHeader(header, size)
    if (size !== WAV_HEADER_BYTES + layout.dataBytes) await fh.truncate(WAV_HEADER_BYTES + layout.dataBytes)
    await fh.write(wavHeader(layout, layout.dataBytes), 0, WAV_HEADER_BYTES, 0)
    await fh.sync()
    return { ...layout, declaredDataBytes: layout.dataBytes }
  } finally {
    await fh.close()
  }
}
