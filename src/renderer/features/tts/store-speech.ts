/**
 * Speech → an ordinary announcement, loudness-normalised like any take. The voice speaks the text
 * in chunks whose samples stream straight into the media store (the pipeline's streamed upload,
 * `media:import*`, verified by main, peaks computed there), so a 30-minute notice is never whole
 * in memory. The stored synthesis is the source; its edit list carries the normalisation to the
 * station's target (Settings), and its rendition — the audio that airs — is rendered before the
 * draft announcement (source 'speech') is written with its outbox entry. A failure or a cancel at
 * any step leaves nothing: main removes a partial upload, and a stored source with no row is deleted.
 */
import { emptyEditList } from '../../../shared/editor/edit-list'
import { DEFAULT_LOUDNESS } from '../../../shared/editor/loudness'
import { needsRendering } from '../../../shared/editor/rendition'
import type { StoredMedia } from '../../../shared/ipc/media'
import type { Announcement } from '../../../shared/model/announcement'
import { normalize, type JobOptions } from '../../audio/ffmpeg'
import { beginPcmUpload } from '../../audio/ffmpeg/pcm-upload'
import { releaseMediaIfUnused } from '../../audio/renditions/release'
import { renditionFor } from '../../audio/renditions/render-rendition'
import type { SynthesizeOptions, TtsEngine } from '../../audio/tts/engine'
import { TtsError } from '../../audio/tts/engine'
import { call } from '../../bridge/bridge'
import { appDatabase } from '../../db/database'
import { addSpeechAnnouncement } from '../../db/queries/announcements'

/** Shares of the progress bar: speaking, normalising, rendering. */
const SPEAK = 0.7
const NORMALIZE = 0.9

export async function speakIntoStore(
  engine: TtsEngine,
  text: string,
  options: SynthesizeOptions,
  control: JobOptions,
): Promise<StoredMedia> {
  const upload = await beginPcmUpload()
  try {
    await engine.synthesize(text, options, (pcm) => upload.push(pcm), {
      ...(control.signal ? { signal: control.signal } : {}),
      onProgress: (f) => control.onProgress?.(SPEAK * f),
    })
    if (control.signal?.aborted) throw new TtsError('cancelled', 'tts: cancelled')
    return await upload.finish()
  } catch (error) {
    await upload.abort()
    throw error
  }
}

export async function storeSpeech(
  engine: TtsEngine,
  text: string,
  options: SynthesizeOptions,
  title: string,
  control: JobOptions = {},
): Promise<Announcement> {
  const stored = await speakIntoStore(engine, text, options, control)
  const signal = control.signal ? { signal: control.signal } : {}
  const share = (from: number, to: number) => (f: number) => control.onProgress?.(from + (to - from) * f)
  try {
    const target = (await call('settings:get', {})).loudness ?? DEFAULT_LOUDNESS
    const plain = emptyEditList(stored.hash, stored.durationMs)
    const normalized = await normalize(plain, target, { ...signal, onProgress: share(SPEAK, NORMALIZE) })
    const editList = { ...plain, processing: normalized.processing }
    const rendition = needsRendering(editList)
      ? await renditionFor(editList, { ...signal, onProgress: share(NORMALIZE, 1) })
      : undefined
    const media = { hash: stored.hash, sizeBytes: stored.sizeBytes, durationMs: stored.durationMs }
    return await addSpeechAnnouncement(appDatabase(), { ...media, sampleRate: stored.sampleRate }, title, {
      editList,
      ...(rendition
        ? { rendition: { key: rendition.key, hash: rendition.hash, durationMs: rendition.durationMs } }
        : {}),
    })
  } catch (error) {
    await releaseMediaIfUnused(stored.hash).catch(() => false)
    throw error
  }
}
