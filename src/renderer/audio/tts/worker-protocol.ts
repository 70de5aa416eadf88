/**
 * Messages between the TTS engine and its worker (zod-checked on both sides: a worker is a
 * boundary). One request speaks one chunk (src/shared/tts/chunks.ts, at most 2,000 characters);
 * the answer is that chunk's samples in the media store's format (44.1 kHz mono s16le, no header).
 */
import { z } from 'zod'
import { CHUNK_CHARS } from '../../../shared/tts/chunks'

export const workerRequestSchema = z.object({
  id: z.number().int().nonnegative(),
  text: z.string().min(1).max(CHUNK_CHARS),
  voice: z.string().min(1).max(50),
  rate: z.number().min(1).max(1000),
})
export type WorkerRequest = z.infer<typeof workerRequestSchema>

export const workerResponseSchema = z.discriminatedUnion('ok', [
  z.object({ id: z.number().int(), ok: z.literal(true), pcm: z.instanceof(Uint8Array) }),
  z.object({ id: z.number().int(), ok: z.literal(false), message: z.string() }),
])
export type WorkerResponse = z.infer<typeof workerResponseSchema>
