/** media: the content-addressed audio store in the data folder (`<sha256>.wav` + peaks). */
import { z } from 'zod'
import { mediaHashSchema } from '../ids'
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

export const mediaCommands = {
  'media:peaks': command(mediaRef, peaksSchema),
  'media:list': command(z.object({}), z.array(z.object({ hash: mediaHashSchema, modifiedAt: z.iso.datetime() }))),
  'media:delete': command(mediaRef, z.object({ deleted: z.boolean() })),
}
