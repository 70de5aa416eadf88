/**
 * A rendition: the rendered WAV of an announcement's edit list and loudness decision, the one
 * audio that airs, goes into a bulletin, is exported and is uploaded. It is stored in the media
 * store under its own SHA-256 like any file, cached by a key of the source hash, the edit ops and
 * the processing (gain, denoise, target, ceiling): the same list is rendered once and reused.
 * Markers do not change the audio, so they are not part of the key.
 *
 * An edit list that changes nothing (no ops, no gain, no denoise) needs no rendition: the source
 * file itself airs. The source is never altered.
 */
import { z } from 'zod'
import { mediaHashSchema } from '../ids'
import type { EditList } from './edit-list'

/** What an announcement row remembers of the rendition of its current edit list. */
export const renditionRefSchema = z.object({
  /** renditionKey() of the edit list it was rendered from. */
  key: mediaHashSchema,
  /** SHA-256 of the rendered WAV in the media store. */
  hash: mediaHashSchema,
  /** Length of the rendered WAV (samples / 44.1 kHz). */
  durationMs: z.number().nonnegative(),
})
export type RenditionRef = z.infer<typeof renditionRefSchema>

type AudioPart = Pick<EditList, 'sourceHash' | 'sourceDurationMs' | 'ops' | 'processing'>

/** Whether the list changes the audio at all (else the source airs as it is). */
export function needsRendering(list: AudioPart | null | undefined): boolean {
  if (!list) return false
  return list.ops.length > 0 || list.processing.normalizeGainDb !== 0 || list.processing.isDenoised
}

/**
 * The text the key is the digest of: every field that changes the rendered audio, in a fixed
 * order (an object's key order must not change the key). Version 1 of the render graph.
 */
export function renditionMaterial(list: AudioPart): string {
  const p = list.processing
  return JSON.stringify([
    'daixa-rendition-v1',
    list.sourceHash,
    list.sourceDurationMs,
    list.ops.map((op) => {
      switch (op.kind) {
        case 'delete':
        case 'keep':
          return [op.kind, op.startMs, op.endMs]
        case 'insert-silence':
          return [op.kind, op.atMs, op.durationMs]
        case 'fade':
          return [op.kind, op.startMs, op.endMs, op.direction]
        case 'gain':
          return [op.kind, op.startMs, op.endMs, op.db]
      }
    }),
    [p.normalizeGainDb, p.isDenoised, p.targetLufs ?? null, p.ceilingDbtp ?? null],
  ])
}

/** Whether two lists render the same audio (null/absent = the source as it is). */
export function isSameAudio(a: AudioPart | null | undefined, b: AudioPart | null | undefined): boolean {
  const left = needsRendering(a) && a ? renditionMaterial(a) : null
  const right = needsRendering(b) && b ? renditionMaterial(b) : null
  return left === right
}
