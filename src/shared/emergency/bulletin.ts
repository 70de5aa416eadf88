/**
 * An emergency bulletin as the station keeps it, whatever brought it: a province program with
 * `emergency` (sync), a CAP 1.2 alert (file or feed, cap.ts), or one the officer made. Instants
 * are epoch ms. The repeat plan (plan.ts) and the airing flow (renderer/features/emergency) only
 * see this shape.
 */
import { z } from 'zod'
import { mediaHashSchema } from '../ids'
import { emergencyZonesSchema } from '../province/emergency'

const ms = z.number().int().nonnegative()
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/)

export const emergencyOrigins = ['province', 'cap', 'own'] as const
export type EmergencyOrigin = (typeof emergencyOrigins)[number]

export const emergencyBulletinSchema = z.object({
  /** `program:<id>`, `cap:<sender>,<identifier>`, `own:<uuid>` */
  id: z.string().min(1).max(400),
  origin: z.enum(emergencyOrigins),
  title: z.string().trim().min(1).max(300),
  /** read by the offline voice when there is no audio */
  text: z.string().max(20_000).nullable(),
  mediaHash: mediaHashSchema.nullable(),
  durationMs: z.number().int().positive().nullable(),
  language: z.string().min(2).max(20),
  senderName: z.string().max(300),
  issuedAtMs: ms,
  onsetMs: ms,
  /** null: until replaced or stopped */
  expiresMs: ms.nullable(),
  repeatEveryMs: z
    .number()
    .int()
    .min(10_000)
    .max(7 * 86_400_000),
  window: z.object({ from: localTime, to: localTime }).nullable(),
  zones: emergencyZonesSchema,
  /** ids (as above) of the bulletins this one replaces */
  replaces: z.array(z.string().min(1).max(400)).max(20),
  /** only an actual bulletin airs; exercises and tests are shown, never aired */
  isActual: z.boolean(),
})
export type EmergencyBulletin = z.infer<typeof emergencyBulletinSchema>

/** The station's record of one bulletin: the bulletin and what happened to it here. */
export interface EmergencyState {
  receivedAtMs: number
  /** the officer saw it (the banner closes; the repeats go on) */
  ackedAtMs: number | null
  /** the officer stopped it, or a CAP Cancel did: no more airings */
  stoppedAtMs: number | null
  stoppedBy: 'officer' | 'cancel' | null
  /** the start of each airing, oldest first */
  airedAtMs: number[]
  /** the offline voice's reading of `text`, once made (media store) */
  spoken: { hash: string; durationMs: number } | null
}

export type EmergencyRecord = EmergencyBulletin & EmergencyState

/** Default wait between the banner and the first airing (Cài đặt; 0 = at once). */
export const DEFAULT_COUNTDOWN_SEC = 120
export const MAX_COUNTDOWN_SEC = 30 * 60
