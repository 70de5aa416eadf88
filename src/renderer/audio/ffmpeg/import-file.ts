/**
 * Import: a file the officer dropped or picked → decoded by ffmpeg.wasm into the store's WAV →
 * stored by main with its peaks → a draft announcement (source 'import') with its outbox entry.
 * Progress: decoding is the first 70 %, storing the rest. Cancel or a failure at any step leaves
 * nothing behind: main removes the partial upload, and no row is written before the file is in.
 */
import type { Announcement } from '../../../shared/model/announcement'
import { appDatabase } from '../../db/database'
import { addImportedAnnouncement } from '../../db/queries/announcements'
import type { JobOptions } from './engine'
import { titleFromFileName } from './file-names'
import { decodeJob } from './jobs'
import { storeBytes } from './store-upload'

const DECODE_SHARE = 0.7

export async function importFile(file: File, options: JobOptions = {}): Promise<Announcement> {
  const report = (from: number, share: number) => (f: number) => options.onProgress?.(from + share * f)
  const wav = await decodeJob(file, {
    onProgress: report(0, DECODE_SHARE),
    ...(options.signal ? { signal: options.signal } : {}),
  })
  const stored = await storeBytes(wav, 'wav', {
    onProgress: report(DECODE_SHARE, 1 - DECODE_SHARE),
    ...(options.signal ? { signal: options.signal } : {}),
  })
  options.onProgress?.(1)
  return addImportedAnnouncement(appDatabase(), stored, titleFromFileName(file.name))
}
