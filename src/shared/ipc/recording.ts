/**
 * recording: PCM captured in the renderer streams to main, which appends it to a WAV file on
 * disk as it arrives. The renderer sends numbered chunks; main rejects a gap or a replay so the
 * file is exactly the sequence of chunks it acknowledged.
 *
 * A recording belongs to the connection (browser host) or window (Electron) that started it. When
 * that goes away the recording ends and is offered back as interrupted; a page that is still
 * alive continues it with `recording:resume` once it can reach the host again. A stop stores the
 * take and keeps its journal until the renderer has written the library row (`recording:commit`).
 */
import { z } from 'zod'
import { idSchema, mediaHashSchema } from '../ids'
import { command, event } from './define'

/** 16-bit little-endian mono PCM. At most 2 s at 96 kHz per chunk. */
export const pcmChunkSchema = z
  .instanceof(Uint8Array)
  .refine((b) => b.byteLength % 2 === 0 && b.byteLength <= 384_000, {
    message: 'PCM chunk must be whole 16-bit samples, at most 384000 bytes',
  })

export const finishedMediaSchema = z.object({
  hash: mediaHashSchema,
  sampleRate: z.number().int(),
  channels: z.number().int(),
  sampleCount: z.number().int().nonnegative(),
  durationMs: z.number().nonnegative(),
  sizeBytes: z.number().int().nonnegative(),
  startedAt: z.iso.datetime(),
  title: z.string(),
})
export type FinishedMedia = z.infer<typeof finishedMediaSchema>

export const interruptedRecordingSchema = z.object({
  id: idSchema,
  title: z.string(),
  startedAt: z.iso.datetime(),
  sampleRate: z.number().int(),
  /** Whole samples found on disk. */
  sampleCount: z.number().int().nonnegative(),
  durationMs: z.number().nonnegative(),
  /** Set when the take is already in the media store and only its library row is missing. */
  hash: mediaHashSchema.nullable(),
})
export type InterruptedRecording = z.infer<typeof interruptedRecordingSchema>

const recordingRef = z.object({ id: idSchema })

export const resumeAnswerSchema = z.object({
  /** Samples in the file: the page sends what comes after them. */
  sampleCount: z.number().int().nonnegative(),
  /** The take was stopped and stored already (the answer to the stop was lost). */
  stored: finishedMediaSchema.nullable(),
})
export type ResumeAnswer = z.infer<typeof resumeAnswerSchema>

export const recordingCommands = {
  'recording:start': command(
    z.object({
      id: idSchema,
      title: z.string().max(300),
      sampleRate: z.number().int().min(8000).max(192000),
    }),
    z.object({ id: idSchema }),
  ),
  'recording:append': command(
    z.object({ id: idSchema, seq: z.number().int().nonnegative(), pcm: pcmChunkSchema }),
    z.object({ sampleCount: z.number().int().nonnegative() }),
  ),
  'recording:stop': command(recordingRef.extend({ title: z.string().max(300).optional() }), finishedMediaSchema),
  'recording:listInterrupted': command(z.object({}), z.array(interruptedRecordingSchema)),
  'recording:recover': command(recordingRef, finishedMediaSchema),
  'recording:discard': command(recordingRef, z.object({})),
  /** Continues a recording after the connection to the host was lost; the next chunk is `nextSeq`. */
  'recording:resume': command(recordingRef.extend({ nextSeq: z.number().int().nonnegative() }), resumeAnswerSchema),
  /** Ends a live recording without storing it (the page left it): it is offered back as interrupted. */
  'recording:interrupt': command(recordingRef, z.object({})),
  /** The library row of a stored take exists: its journal can go. */
  'recording:commit': command(recordingRef, z.object({})),
}

export const recordingEvents = {
  /** The list of interrupted recordings may have changed (a recording ended, was stored or resumed). */
  'recording:changed': event(z.object({ id: idSchema })),
}
