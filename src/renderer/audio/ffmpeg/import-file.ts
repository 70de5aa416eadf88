/**
 * Import: a file the officer dropped or picked → decoded by ffmpeg.wasm in slices of a few
 * minutes (decode-slices.ts), each streamed to main as it is decoded → main writes the store's
 * WAV, computes its peaks and stores it → a draft announcement (source 'import') with its outbox
 * entry. Memory stays bounded for a two-hour file: neither the input nor the decoded audio is
 * ever whole in the renderer or in wasm memory.
 *
 * Progress: decoding and sending the slices is the first 95 %, main's finish (hash, peaks) the
 * rest. Cancel or a failure at any step leaves nothing behind: main removes the partial upload,
 * and no row is written before the file is in the store.
 */
import type { Announcement } from '../../../shared/model/announcement'
import { appDatabase } from '../../db/database'
import { addImportedAnnouncement } from '../../db/queries/announcements'
import { decodeSlicesJob, type DecodeSlicesOptions } from './decode-slices'
import { JobCancelledError } from './engine'
import { titleFromFileName } from './file-names'
import { beginPcmUpload } from './pcm-upload'

const DECODE_SHARE = 0.95

export async function importFile(file: File, options: DecodeSlicesOptions = {}): Promise<Announcement> {
  const upload = await beginPcmUpload()
  try {
    const decoded = await decodeSlicesJob(file, (pcm) => upload.push(pcm), {
      ...options,
      onProgress: (f) => options.onProgress?.(DECODE_SHARE * f),
    })
    if (options.signal?.aborted) throw new JobCancelledError()
    const stored = await upload.finish()
    options.onProgress?.(1)
    return await addImportedAnnouncement(appDatabase(), stored, titleFromFileName(file.name), decoded.input)
  } catch (error) {
    // finish() removes its own file when verification fails; abort covers every other case.
    await upload.abort()
    throw error
  }
}
