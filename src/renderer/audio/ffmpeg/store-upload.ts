/**
 * Sends bytes into the media store over the bridge in 1 MB chunks (`media:import*`), so a
 * two-hour import never travels as one giant message. Cancelling (or any failure) aborts the
 * upload, and main removes its partial file.
 */
import { newId } from '../../../shared/ids'
import { IMPORT_CHUNK_BYTES, type MediaImportFormat, type StoredMedia } from '../../../shared/ipc/media'
import { call } from '../../bridge/bridge'
import { JobCancelledError, type JobOptions } from './engine'

export async function storeBytes(
  bytes: Uint8Array,
  format: MediaImportFormat,
  options: JobOptions = {},
): Promise<StoredMedia> {
  const importId = newId()
  await call('media:importBegin', { importId, format, totalBytes: bytes.byteLength })
  try {
    const chunks = Math.ceil(bytes.byteLength / IMPORT_CHUNK_BYTES)
    for (let seq = 0; seq < chunks; seq++) {
      if (options.signal?.aborted) throw new JobCancelledError()
      // slice(): a copy of 1 MB on its own ArrayBuffer, which is what the bridge carries.
      const part = bytes.slice(seq * IMPORT_CHUNK_BYTES, (seq + 1) * IMPORT_CHUNK_BYTES)
      await call('media:importChunk', { importId, seq, bytes: part })
      options.onProgress?.((seq + 1) / chunks)
    }
    if (options.signal?.aborted) throw new JobCancelledError()
    return await call('media:importFinish', { importId })
  } catch (error) {
    // finish() removes its own file when verification fails; abort covers every other case.
    await call('media:importAbort', { importId }).catch(() => undefined)
    throw error
  }
}
