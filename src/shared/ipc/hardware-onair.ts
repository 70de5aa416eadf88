/**
 * hardware on air: what the main side must know to keep the station safe, and what it tells the
 * officer when it had to step in.
 *
 * - `hardware:onair` `begin` — a session's pre-roll starts; `untilMs` is when it should be over
 *   at the latest (planned end plus a margin). Outside every session the station's desired state
 *   is "everything off": amplifier/zone relays off, RF off. A session that never says `end`
 *   (the window closed, the renderer died) is over at `untilMs`.
 * - `hardware:onair` `end` — the post-roll is done; `safe` lists the off-steps of everything the
 *   pre-roll switched on (relays and RF off, the radiotext cleared). The main side keeps each of
 *   them until the device confirms it, across failures and replugs, then checks the whole
 *   station when no session is left on air (the watchdog).
 * - `hardware:alert` — the main side found something and acted: a relay or RF left on after a
 *   session (switched off), RF refused because the exciter is outside the licence, RF switched
 *   off because of the exciter's telemetry. Each names the device by its name.
 * - `hardware:alerts` — the recent alerts (the screen may have been closed when they came).
 */
import { z } from 'zod'
import { command, event } from './define'
import { deviceActSchema } from './hardware'

const sessionIdSchema = z.string().min(1).max(200)

export const onAirInputSchema = z.discriminatedUnion('phase', [
  z.object({ phase: z.literal('begin'), sessionId: sessionIdSchema, untilMs: z.number().int().nonnegative() }),
  z.object({ phase: z.literal('end'), sessionId: sessionIdSchema, safe: z.array(deviceActSchema).max(100) }),
])
export type OnAirInput = z.infer<typeof onAirInputSchema>

export const hardwareAlertKinds = ['left-on', 'licence-refused', 'telemetry-trip'] as const
export type HardwareAlertKind = (typeof hardwareAlertKinds)[number]

/** Why telemetry switched RF off, or what was outside the licence. */
export const tripReasons = ['vswr', 'temperature', 'power', 'frequency', 'alarm'] as const
export type TripReason = (typeof tripReasons)[number]

export const hardwareAlertSchema = z.object({
  /** increasing per app run, to tell alerts apart */
  seq: z.number().int().nonnegative(),
  at: z.iso.datetime(),
  kind: z.enum(hardwareAlertKinds),
  deviceId: z.string().max(100),
  /** the name the officer gave the device */
  deviceName: z.string().max(80),
  /** left-on: the relay channel (absent: RF) */
  channel: z.number().int().optional(),
  /** licence-refused / telemetry-trip: what was wrong, and the value read */
  reason: z.enum(tripReasons).optional(),
  value: z.number().optional(),
  /** telemetry-trip for an exciter alarm: the alarm's name as the exciter reports it */
  alarm: z.string().max(40).optional(),
})
export type HardwareAlert = z.infer<typeof hardwareAlertSchema>

export const hardwareOnAirCommands = {
  'hardware:onair': command(onAirInputSchema, z.object({ sessionsOnAir: z.number().int().nonnegative() })),
  'hardware:alerts': command(z.object({}), z.object({ alerts: z.array(hardwareAlertSchema) })),
}

export const hardwareOnAirEvents = {
  'hardware:alert': event(hardwareAlertSchema),
}
