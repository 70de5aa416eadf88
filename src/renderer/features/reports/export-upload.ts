/**
 * Sends the compressed report input to main in chunks (`reports:exportBegin` → `exportChunk` →
 * `exportFinish`), so that a long period fits through the browser host's 2 MiB messages. An input
 * over `MAX_REPORT_EXPORT_GZIP_BYTES` is refused before anything is sent, and a begin refused by
 * main means the same: both throw `ReportTooLargeError`, which the screen translates into "choose
 * a shorter period". A failed chunk aborts the export so main forgets its chunks at once.
 */
import { newId } from '../../../shared/ids'
import {
  MAX_REPORT_EXPORT_GZIP_BYTES,
  REPORT_INPUT_CHUNK_BYTES,
  type ReportExportFinish,
  type ReportFile,
} from '../../../shared/ipc/reports'
import { BridgeError, call } from '../../bridge/bridge'

export class ReportTooLargeError extends Error {
  readonly maxBytes: number
  constructor(sizeBytes: number, maxBytes: number) {
    super(`reports: ${sizeBytes} bytes of compressed input is over the ${maxBytes}-byte limit`)
    this.name = 'ReportTooLargeError'
    this.maxBytes = maxBytes
  }
}

export async function uploadAndExport(
  inputGzip: Uint8Array,
  options: Omit<ReportExportFinish, 'exportId'>,
): Promise<ReportFile> {
  const totalBytes = inputGzip.byteLength
  if (totalBytes > MAX_REPORT_EXPORT_GZIP_BYTES) throw new ReportTooLargeError(totalBytes, MAX_REPORT_EXPORT_GZIP_BYTES)
  const exportId = newId()
  try {
    await call('reports:exportBegin', { exportId, totalBytes })
  } catch (error) {
    const isTooLarge = error instanceof BridgeError && error.code === 'invalid-input'
    throw isTooLarge ? new ReportTooLargeError(totalBytes, MAX_REPORT_EXPORT_GZIP_BYTES) : error
  }
  try {
    for (let at = 0, seq = 0; at < totalBytes; at += REPORT_INPUT_CHUNK_BYTES, seq += 1) {
      // slice(): a chunk on its own ArrayBuffer, which is what the bridge carries.
      await call('reports:exportChunk', { exportId, seq, bytes: inputGzip.slice(at, at + REPORT_INPUT_CHUNK_BYTES) })
    }
  } catch (error) {
    await call('reports:exportAbort', { exportId }).catch(() => undefined)
    throw error
  }
  // Main forgets the export at finish, whether it succeeds or not.
  return call('reports:exportFinish', { exportId, ...options })
}
