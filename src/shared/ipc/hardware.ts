/**
 * hardware: the station's devices as the officer configures and tests them — relay boards, RDS
 * encoders, FM exciters. The main side keeps the list in `hardware.json` in the data folder,
 * runs one driver per enabled device and reports each device's health as `hardware:status`.
 * How a device is declared, and each family's traits: hardware-config.ts. The on-air side
 * (sessions on air, safe state, alerts): hardware-onair.ts.
 */
import { z } from 'zod'
import { idSchema } from '../ids'
import { deviceActionSchema } from '../onair/rundown'
import { command, event } from './define'
import { deviceConfigSchema, deviceDraftSchema } from './hardware-config'

export * from './hardware-config'

// ---- status, tests, ports ---------------------------------------------------------------------

/**
 * A device's health. The first five are the driver's (link/status.ts); `alarm` is the service's:
 * the device answers but reports a fault (an exciter's VSWR, temperature or fault alarm).
 */
export const deviceStates = ['connecting', 'online', 'unresponsive', 'disconnected', 'stopped', 'alarm'] as const
export type DeviceStateName = (typeof deviceStates)[number]

export const deviceStatusSchema = z.object({
  id: idSchema,
  state: z.enum(deviceStates),
  /** English technical detail for logs and a tooltip (e.g. the OS error) */
  detail: z.string().max(500).optional(),
  /** when unresponsive/disconnected: delay until the next reopen attempt */
  retryInMs: z.number().int().nonnegative().optional(),
  at: z.iso.datetime(),
})
export type DeviceStatusEvent = z.infer<typeof deviceStatusSchema>

export const telemetrySchema = z.object({
  isRfOn: z.boolean().optional(),
  forwardW: z.number().optional(),
  reflectedW: z.number().optional(),
  vswr: z.number().optional(),
  temperatureC: z.number().optional(),
  /** what the exciter reports it is set to */
  frequencyMHz: z.number().optional(),
  powerSetW: z.number().optional(),
  alarms: z.array(z.string()),
})

/** What the "Thử" button found out; failures are Result errors ('disconnected', 'io', 'invalid-input'). */
export const testResultSchema = z.discriminatedUnion('kind', [
  /** relay 1 switched on, then off; `wasOn`: it was already on, so it was left alone and only read */
  z.object({ kind: z.literal('relay'), channel: z.number().int(), wasOn: z.boolean() }),
  /** PS sent; `readBack` when the encoder can be asked, `isAcknowledged` when it acknowledged */
  z.object({
    kind: z.literal('rds'),
    ps: z.string(),
    readBack: z.string().nullable(),
    isAcknowledged: z.boolean(),
  }),
  /** `outOfLicence`: what the exciter reports outside 54–68 MHz or above the power limit */
  z.object({
    kind: z.literal('exciter'),
    telemetry: telemetrySchema,
    outOfLicence: z.array(z.enum(['frequency', 'power'])),
  }),
  /** the relay board answered; `isRfOn` from the channel's state */
  z.object({ kind: z.literal('exciter-relay'), channel: z.number().int(), isRfOn: z.boolean() }),
  /**
   * The device did not pass, and why: `no-port` (the port is missing: cable, USB, path),
   * `no-answer` (the port opens but the device is silent), `wrong-unit` (a Modbus board answers
   * as another unit id: `unitId`), `no-status-reply` (an LCUS board that does not answer status
   * queries: most LCUS-1).
   */
  z.object({
    kind: z.literal('problem'),
    problem: z.enum(['no-port', 'no-answer', 'wrong-unit', 'no-status-reply']),
    unitId: z.number().int().optional(),
  }),
])
export type TestResult = z.infer<typeof testResultSchema>

export const serialPortInfoSchema = z.object({
  path: z.string(),
  manufacturer: z.string().optional(),
  vendorId: z.string().optional(),
  productId: z.string().optional(),
})
export type SerialPortInfo = z.infer<typeof serialPortInfoSchema>

export const deviceEntrySchema = z.object({ config: deviceConfigSchema, status: deviceStatusSchema })
export type DeviceEntry = z.infer<typeof deviceEntrySchema>

// ---- on-air device actions (hardware:act) -------------------------------------------------------

const [relayActionSchema, rfActionSchema, , rdsPsActionSchema, rdsRtActionSchema] = deviceActionSchema.options

/** One pre-roll/post-roll step a device carries out (DTMF is audio and 'wait' is the engine's). */
export const deviceActSchema = z.discriminatedUnion('kind', [
  relayActionSchema,
  rfActionSchema,
  rdsPsActionSchema,
  rdsRtActionSchema,
])
export type DeviceAct = z.infer<typeof deviceActSchema>

/** What the device was told; `sentText` is the RDS text after folding to the encoder's character set. */
export const actResultSchema = z.object({
  kind: z.enum(['relay', 'rf', 'rds-ps', 'rds-rt']),
  deviceId: z.string(),
  sentText: z.string().max(64).optional(),
  /** how long the device took to take the command */
  tookMs: z.number().int().nonnegative(),
  /** RF on: how long the carrier needs to reach power before DTMF codes (the exciter's setting) */
  settleMs: z.number().int().nonnegative().optional(),
})
export type ActResult = z.infer<typeof actResultSchema>

export const hardwareCommands = {
  'hardware:list': command(z.object({}), z.object({ devices: z.array(deviceEntrySchema) })),
  'hardware:save': command(deviceDraftSchema, deviceConfigSchema),
  'hardware:remove': command(z.object({ id: idSchema }), z.object({ removed: z.boolean() })),
  'hardware:test': command(z.object({ id: idSchema }), testResultSchema),
  'hardware:ports': command(z.object({}), z.object({ ports: z.array(serialPortInfoSchema) })),
  'hardware:act': command(deviceActSchema, actResultSchema),
}

export const hardwareEvents = {
  'hardware:status': event(deviceStatusSchema),
}
