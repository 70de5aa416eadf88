/**
 * A streamed import into the media store: samples of the import format (mono 44.1 kHz s16le) go
 * to main as soon as a slice is decoded, in chunks of at most 1 MB (`media:import*` with
 * `isStreamedPcm`). Main writes the WAV header and its sizes at finish. `abort()` makes main
 * remove the partial file; it is safe to call at any time, also after a failed finish.
 */
import { newId } from '../../../shared/ids'
import { IMPORT_CHUNK_BYTES, type StoredMedia } from '../../../shared/ipc/media'
import { call } from '../../bridge/bridge'

/** The store's limit: four hours of samples. */
const MAX_STREAM_BYTES = 4 * 3600 * 44_100 * 2

export interface PcmUpload {
  /** Sends the samples in order; resolves when main has written them. */
  push(pcm: Uint8Array): Promise<void>
  finish(): Promise<StoredMedia>
  abort(): Promise<void>
}

export async function beginPcmUpload(): Promise<PcmUpload> {
  const importId = newId()
  await call('media:importBegin', { importId, format: 'wav', totalBytes: MAX_STREAM_BYTES, isStreamedPcm: true })
  let seq = 0
  return {
    async push(pcm) {
      for (let at = 0; at < pcm.byteLength; at += IMPORT_CHUNK_BYTES) {
        // slice(): a chunk on its own ArrayBuffer, which is what the bridge carries.
        await call('media:importChunk', { importId, seq, bytes: pcm.slice(at, at + IMPORT_CHUNK_BYTES) })
        seq += 1
      }
    },
    finish: () => call('media:importFinish', { importId }),
    async abort() {
      await call('media:importAbort', { importId }).catch(() => undefined)
    },
  }
}
