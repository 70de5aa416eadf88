/**
 * Verifies what the renderer uploads before it enters the media store. An import must be the
 * store's own format, exactly as ffmpeg writes it with `-bitexact`: RIFF/WAVE, a 16-byte PCM
 * `fmt ` chunk, mono, 44.1 kHz, 16-bit, `data` at byte 36 whose declared size matches the file
 * (see ../recorder/wav.ts for the layout). A rendered export must look like an MPEG audio
 * stream: an ID3v2 tag (10-byte header, syncsafe size) followed by a frame sync (11 set bits),
 * or a frame sync at byte 0 (ISO/IEC 11172-3 §2.4.1.3; ID3v2.3.0 §3.1).
 */
import { open } from 'node:fs/promises'
import type { MediaImportFormat } from '../../../shared/ipc/media'
import { ServiceError } from '../../../shared/result'
import { parseOwnHeader, WAV_HEADER_BYTES, type WavLayout } from '../recorder/wav'

export const IMPORT_SAMPLE_RATE = 44_100
/** Longest import: 4 hours of the import format. */
export const MAX_IMPORT_BYTES = WAV_HEADER_BYTES + 4 * 3600 * IMPORT_SAMPLE_RATE * 2

const corrupt = (detail: string): ServiceError => new ServiceError('corrupt', `import: ${detail}`)

/** Checks a WAV header against the import format; returns its layout. */
export function verifyImportWav(header: Buffer, fileSize: number): WavLayout {
  if (fileSize === 0) throw corrupt('the file is empty')
  let layout: WavLayout
  try {
    layout = parseOwnHeader(header, fileSize)
  } catch (error) {
    throw corrupt(error instanceof Error ? error.message : 'not a WAV file')
  }
  if (layout.channels !== 1 || layout.sampleRate !== IMPORT_SAMPLE_RATE) {
    throw corrupt(`expected mono ${IMPORT_SAMPLE_RATE} Hz, got ${layout.channels} ch at ${layout.sampleRate} Hz`)
  }
  if (layout.declaredDataBytes !== fileSize - WAV_HEADER_BYTES || layout.dataBytes !== layout.declaredDataBytes) {
    throw corrupt(`header declares ${layout.declaredDataBytes} data bytes, file holds ${fileSize - WAV_HEADER_BYTES}`)
  }
  if (layout.dataBytes === 0) throw corrupt('the file holds no audio')
  return layout
}

const hasFrameSync = (b: Buffer, at: number): boolean =>
  at + 1 < b.length && b[at] === 0xff && ((b[at + 1] ?? 0) & 0xe0) === 0xe0

/** Checks that the bytes start like an MP3 file (ID3v2 then a frame, or a frame). */
export function verifyMp3Head(head: Buffer): void {
  if (head.length < 4) throw corrupt('the MP3 file is too short')
  let at = 0
  if (head.toString('latin1', 0, 3) === 'ID3') {
    if (head.length < 10) throw corrupt('the ID3 tag is cut short')
    const size = ((head[6] ?? 0) << 21) | ((head[7] ?? 0) << 14) | ((head[8] ?? 0) << 7) | (head[9] ?? 0)
    at = 10 + size
  }
  if (!hasFrameSync(head, at)) throw corrupt('no MPEG audio frame after the header')
}

/** Reads the start of a finished upload and verifies it for its format. */
export async function verifyUpload(path: string, format: MediaImportFormat): Promise<WavLayout | null> {
  const fh = await open(path, 'r')
  try {
    const { size } = await fh.stat()
    // Enough for the WAV header or an ID3 tag with embedded pictures kept small by the renderer.
    const head = Buffer.alloc(Math.min(size, 64 * 1024))
    await fh.read(head, 0, head.length, 0)
    switch (format) {
      case 'wav':
        return verifyImportWav(head.subarray(0, WAV_HEADER_BYTES), size)
      case 'mp3':
        verifyMp3Head(head)
        return null
    }
  } finally {
    await fh.close()
  }
}
