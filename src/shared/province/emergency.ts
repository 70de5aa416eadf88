/**
 * Province API v1, additive: what makes a program an emergency bulletin (khẩn cấp, TT 39/2020:
 * played at once — disasters, fire, epidemics) that the commune repeats by itself. A program with
 * priority `emergency` carries `emergency`; its `validFrom` is the onset, its `validTo` the expiry
 * (null: until replaced or stopped by the officer).
 *
 * Example:
 *   {"issuedAt":"2026-09-14T02:00:00.000Z","repeatEverySec":1800,"window":{"from":"07:00","to":"20:00"},
 *    "zones":{"clusterIds":[],"dtmfCodes":["*007#1"],"relayChannels":[]},"replaces":["p-emg-1"],"status":"actual"}
 *
 * Repetition is the practice (every 30–120 min inside a window, restating the issue time;
 * QĐ 03/2020/QĐ-TTg Art. 28(2); see ../shared/reference/emergency-relays-aircheck.md §2).
 */
import { z } from 'zod'
import { named, provinceIdSchema, provinceInstantSchema } from './common'

const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM')
const dtmfCode = z.string().regex(/^[0-9A-Da-d*#]{1,16}$/, 'expected DTMF digits 0-9, A-D, * or #')

/** Where it must be heard. Every list empty: the whole station (every zone, every amplifier). */
export const emergencyZonesSchema = named(
  'EmergencyZones',
  z.object({
    clusterIds: z.array(provinceIdSchema).max(500),
    /** DTMF zone on-codes the village receivers answer to */
    dtmfCodes: z.array(dtmfCode).max(20),
    /** channels of the station's zone relay boards */
    relayChannels: z.array(z.number().int().min(1).max(32)).max(32),
  }),
)
export type EmergencyZones = z.infer<typeof emergencyZonesSchema>

export const emergencyInfoSchema = named(
  'EmergencyInfo',
  z.object({
    /** when the issuing authority issued it (restated on air by the bulletin's own text) */
    issuedAt: provinceInstantSchema,
    /** start to start of two airings; tests scale it down to seconds */
    repeatEverySec: z
      .number()
      .int()
      .min(10)
      .max(7 * 24 * 3600),
    /** a daily window in the station's time (07:00–20:00); null: any time of day */
    window: z.object({ from: localTime, to: localTime }).nullable(),
    zones: emergencyZonesSchema,
    /** earlier emergency programs this one replaces (their repeats stop) */
    replaces: z.array(provinceIdSchema).max(20),
    /** only `actual` goes on air; `exercise` and `test` are shown and logged, never aired */
    status: z.enum(['actual', 'exercise', 'test']),
  }),
)
export type EmergencyInfo = z.infer<typeof emergencyInfoSchema>
