/** Messages between the TTS engine and its worker (zod-checked on both sides: a worker is a boundary). */
import { z } from 'zod'

export const workerRequestSchema = z.object({
  id: z.number().int().nonnegative(),
  text: z.string().min(1).max(100_000),
  voice: z.string().min(1).max(50),
  rate: z.number().min(1).max(1000),
})
export type WorkerRequest = z.infer<typeof workerRequestSchema>

export const workerResponseSchema = z.discriminatedUnion('ok', [
  z.object({ id: z.number().int(), ok: z.literal(true), wav: z.instanceof(Uint8Array) }),
  z.object({ id: z.number().int(), ok: z.literal(false), message: z.string() }),
])
export type WorkerResponse = z.infer<typeof workerResponseSchema>
