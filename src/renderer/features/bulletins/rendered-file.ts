/** What a bulletin's rendering is, from what the media store answered when it was stored. */
import { bulletinDuration, type BulletinPart } from '../../../shared/editor/bulletin'
import { BULLETIN_SAMPLE_RATE } from '../../../shared/editor/bulletin-graph'
import type { StoredMedia } from '../../../shared/ipc/media'
import type { RenderedFile } from '../../db/queries/bulletins'

/** A WAV as measured; an MP3 completed (main reads no rate or length from one): mono 44.1 kHz, the parts' length. */
export const renderedFileOf = (stored: StoredMedia, parts: readonly BulletinPart[]): RenderedFile => ({
  hash: stored.hash,
  format: stored.format,
  sizeBytes: stored.sizeBytes,
  durationMs: stored.format === 'wav' ? stored.durationMs : bulletinDuration(parts),
  sampleRate: stored.sampleRate || BULLETIN_SAMPLE_RATE,
  channels: 1,
})
