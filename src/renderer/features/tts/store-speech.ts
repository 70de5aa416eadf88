/**
 * Speech → an ordinary announcement: the WAV (already in the store's import format, made in the
 * TTS worker) goes into the media store through the pipeline's upload (`media:import*`, verified by
 * main, peaks computed there), then a draft announcement with source 'speech' is written with its
 * outbox entry. No ffmpeg decode is needed for a file the app made itself. If storing fails,
 * main removes the partial upload and no row is written.
 */
import type { Announcement } from '../../../shared/model/announcement'
import { storeBytes } from '../../audio/ffmpeg/store-upload'
import { appDatabase } from '../../db/database'
import { addSpeechAnnouncement } from '../../db/queries/announcements'

export async function storeSpeech(wav: Uint8Array, title: string, signal?: AbortSignal): Promise<Announcement> {
  const stored = await storeBytes(wav, 'wav', signal ? { signal } : {})
  return addSpeechAnnouncement(appDatabase(), stored, title)
}
