/** media: the content-addressed audio store in the data folder (`<sha256>.wav` + peaks). */
import { z } from 'zod'
import { idSchema, mediaHashSchema } from '../ids'
import { command } from './define'

export const peaksSchema = z.object({
  version: z.literal(1),
  sampleRate: z.number().int(),
  samplesPerPeak: z.number().int().positive(),
  /** Largest absolute sample value of each block, 0..1. */
  peaks: z.array(z.number().min(0).max(1)),
})
export type Peaks = z.infer<typeof peaksSchema>

const mediaRef = z.object({ hash: mediaHashSchema })

/**
 * Imports and rendered exports reach the store as an upload in numbered chunks (a two-hour
 * import is 635 MB of WAV; no single bridge message carries it): begin → chunk… → finish, or
 * abort. `wav` must be the import format (mono 44.1 kHz 16-bit PCM, 44-byte header) and gets
 * peaks; `mp3` is a rendered export (the upload format). Main writes to a temporary file and
 * moves it into the store only after verifying it, so nothing half-imported stays behind.
 */
export const IMPORT_CHUNK_BYTES = 1024 * 1024
export const mediaImportFormatSchema = z.enum(['wav', 'mp3'])
export type MediaImportFormat = z.infer<typeof mediaImportFormatSchema>

export const importChunkSchema = z
  .instanceof(Uint8Array)
  .refine((b) => b.byteLength > 0 && b.byteLength <= IMPORT_CHUNK_BYTES, {
    message: `chunk must be 1..${IMPORT_CHUNK_BYTES} bytes`,
  })

export const storedMediaSchema = z.object({
  hash: mediaHashSchema,
  format: mediaImportFormatSchema,
  sizeBytes: z.number().int().nonnegative(),
  /** WAV only (0 for MP3, whose length the renderer knows from the edit list). */
  sampleRate: z.number().int().nonnegative(),
  sampleCount: z.number().int().nonnegative(),
  durationMs: z.number().nonnegative(),
})
export type StoredMedia = z.infer<typeof storedMediaSchema>

const importRef = z.object({ importId: idSchema })

/** A WAV in the store as its header describes it. */
export const storedWavInfoSchema = z.object({
  hash: mediaHashSchema,
  sizeBytes: z.number().int().nonnegative(),
  sampleRate: z.number().int().positive(),
  channels: z.number().int().positive(),
  sampleCount: z.number().int().nonnegative(),
  durationMs: z.number().nonnegative(),
  modifiedAt: z.iso.datetime(),
})
export type StoredWavInfo = z.infer<typeof storedWavInfoSchema>

export const mediaCommands = {
  'media:peaks': command(mediaRef, peaksSchema),
  'media:list': command(z.object({}), z.array(z.object({ hash: mediaHashSchema, modifiedAt: z.iso.datetime() }))),
  'media:delete': command(mediaRef, z.object({ deleted: z.boolean() })),
  'media:describe': command(mediaRef, storedWavInfoSchema),
  'media:importBegin': command(
    z.object({
      importId: idSchema,
      format: mediaImportFormatSchema,
      totalBytes: z.number().int().positive(),
      /**
       * A streamed import (format `wav` only): chunks are raw samples of the import format as
       * they are decoded, main writes the WAV header and fixes its sizes at finish, and
       * `totalBytes` is an upper bound of the samples' bytes, not the exact size.
       */
      isStreamedPcm: z.boolean().optional(),
    }),
    z.object({ importId: idSchema }),
  ),
  'media:importChunk': command(
    importRef.extend({ seq: z.number().int().nonnegative(), bytes: importChunkSchema }),
    z.object({ receivedBytes: z.number().int().nonnegative() }),
  ),
  'media:importFinish': command(importRef, storedMediaSchema),
  'media:importAbort': command(importRef, z.object({ aborted: z.boolean() })),
}
