/**
 * Session templates (buổi phát): the daily broadcast periods — buổi sáng / trưa / chiều — with
 * their wall-clock start, booked length and the hardware steps around them. Pre-roll runs the
 * template's own actions (relays on, exciter RF on), then each zone's DTMF code, then the RDS
 * programme service name; post-roll switches the zones off and then runs the template's
 * post-roll actions (RF off, relays off). The order is the one the receivers need: carrier up
 * before the codes that wake them.
 */
import { z } from 'zod'
import { deviceActionSchema, type DeviceAction } from './rundown'
import { localTimeSchema } from './station-time'

const dtmfCode = z.string().regex(/^[0-9A-Da-d*#]{1,16}$/, 'expected DTMF digits 0-9, A-D, * or #')

/** How many times a zone's code is sent when the zone gives none: receivers are usually addressed twice. */
export const DEFAULT_ZONE_REPEAT = 2

/** A group of receivers switched together by in-band DTMF codes (vendor-specific, R13). */
export const zoneCodeSchema = z.object({
  name: z.string().trim().min(1).max(80),
  onCode: dtmfCode,
  offCode: dtmfCode.nullable(),
  /** how many times each code is sent (default DEFAULT_ZONE_REPEAT) */
  repeat: z.number().int().min(1).max(5).optional(),
})
export type ZoneCode = z.infer<typeof zoneCodeSchema>

export const sessionTemplateSchema = z.object({
  id: z.string().min(1).max(100),
  label: z.string().trim().min(1).max(100),
  /** Wall-clock start in the station zone. */
  start: localTimeSchema,
  /** Booked length; the policy's maximum may be lower. */
  lengthMin: z.number().int().min(1).max(240),
  isEnabled: z.boolean(),
  preRoll: z.array(deviceActionSchema).max(20),
  postRoll: z.array(deviceActionSchema).max(20),
  zones: z.array(zoneCodeSchema).max(20),
  rds: z.object({ deviceId: z.string().min(1).max(100), ps: z.string().max(8) }).nullable(),
})
export type SessionTemplate = z.infer<typeof sessionTemplateSchema>

/** The three sessions a commune station starts with; the officer changes times and lengths. */
export function defaultSessions(): SessionTemplate[] {
  const base = { isEnabled: true, preRoll: [], postRoll: [], zones: [], rds: null }
  return [
    { ...base, id: 'sang', label: 'Buổi sáng', start: '05:30', lengthMin: 30 },
    { ...base, id: 'trua', label: 'Buổi trưa', start: '11:00', lengthMin: 30 },
    { ...base, id: 'chieu', label: 'Buổi chiều', start: '17:00', lengthMin: 30 },
  ]
}

export function sessionPreRoll(template: SessionTemplate): DeviceAction[] {
  const zonesOn: DeviceAction[] = template.zones.map((z) => ({
    kind: 'dtmf',
    code: z.onCode,
    repeat: z.repeat ?? DEFAULT_ZONE_REPEAT,
  }))
  const rds: DeviceAction[] = template.rds
    ? [{ kind: 'rds-ps', deviceId: template.rds.deviceId, text: template.rds.ps }]
    : []
  return [...template.preRoll, ...zonesOn, ...rds]
}

export function sessionPostRoll(template: SessionTemplate): DeviceAction[] {
  const zonesOff: DeviceAction[] = template.zones.flatMap((z) =>
    z.offCode === null ? [] : [{ kind: 'dtmf' as const, code: z.offCode, repeat: z.repeat ?? DEFAULT_ZONE_REPEAT }],
  )
  return [...zonesOff, ...template.postRoll]
}

/** Sessions in the order of their start time (ties by id, so the order is stable). */
export function byStart(a: SessionTemplate, b: SessionTemplate): number {
  return a.start.localeCompare(b.start) || a.id.localeCompare(b.id)
}
