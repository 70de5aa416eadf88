/**
 * hardware: the station's devices as the officer configures and tests them — relay boards, RDS
 * encoders, FM exciters. The main side keeps the list in `hardware.json` in the data folder,
 * runs one driver per enabled device and reports each device's health as `hardware:status`.
 *
 * A device is `{ id, name, role, isEnabled, family, transport, options }`; `family` picks the
 * driver and the shape of `options`. `exciter-relay` has no transport of its own: it switches RF
 * with a channel of another configured relay board (`options.relayDeviceId`).
 * Limits for commune FM (54–68 MHz, ≤ 30 W) are the ones src/main/devices/exciter/band.ts
 * enforces; they are repeated here so a wrong value is refused at the bridge, before any driver.
 */
import { z } from 'zod'
import { idSchema } from '../ids'
import { deviceActionSchema } from '../onair/rundown'
import { command, event } from './define'

export const COMMUNE_FM_LIMITS = { minMHz: 54, maxMHz: 68, maxPowerW: 30 } as const

export const deviceRoles = ['amplifier-relay', 'zone-relay', 'exciter', 'rds', 'other'] as const
export const deviceRoleSchema = z.enum(deviceRoles)
export type DeviceRole = z.infer<typeof deviceRoleSchema>

export const deviceFamilies = [
  'relay-lcus',
  'relay-modbus',
  'rds-ascii',
  'rds-uecp',
  'exciter',
  'exciter-relay',
] as const
export type DeviceFamily = (typeof deviceFamilies)[number]

export const isRelayFamily = (family: DeviceFamily): boolean => family === 'relay-lcus' || family === 'relay-modbus'

// ---- transports -------------------------------------------------------------------------------

/**
 * A serial port path. Virtual ports (socat, com0com) are not listed by the OS, so the path is
 * free text checked for shape: an absolute POSIX path without `..` (`/dev/ttyUSB0`,
 * `/dev/serial/by-id/usb-1a86_…-port0`), or a Windows `COM3` / `\\.\COM12`.
 */
export const serialPathSchema = z
  .string()
  .trim()
  .min(2)
  .max(255)
  .refine(
    (p) =>
      (/^(\/[\w.+@:-]+)+$/.test(p) && !p.split('/').includes('..')) ||
      /^COM[1-9]\d{0,2}$/i.test(p) ||
      /^\\\\\.\\COM[1-9]\d{0,2}$/i.test(p),
    'expected a serial port path such as /dev/ttyUSB0 or COM3',
  )

export const baudRates = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const

export const serialTransportSchema = z.object({
  kind: z.literal('serial'),
  path: serialPathSchema,
  baudRate: z.literal(baudRates),
  dataBits: z.literal([7, 8]).default(8),
  parity: z.enum(['none', 'even', 'odd']).default('none'),
  stopBits: z.literal([1, 2]).default(1),
})

/** A literal IPv4/IPv6 address or a host name; never a URL (no scheme, no port, no path). */
export const hostSchema = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .refine(
    (h) =>
      z.ipv4().safeParse(h).success ||
      z.ipv6().safeParse(h).success ||
      (z.hostname().safeParse(h).success && !/^[\d.]+$/.test(h)),
    'expected an IP address or a host name, without http:// or a port',
  )

export const tcpTransportSchema = z.object({
  kind: z.literal('tcp'),
  host: hostSchema,
  port: z.number().int().min(1).max(65535),
})

export const transportSchema = z.discriminatedUnion('kind', [serialTransportSchema, tcpTransportSchema])
export type TransportConfig = z.infer<typeof transportSchema>

// ---- family options ---------------------------------------------------------------------------

/** MHz in the commune band, in steps of 10 kHz (what exciters with 2 decimals accept). */
export const frequencyMHzSchema = z
  .number()
  .min(COMMUNE_FM_LIMITS.minMHz)
  .max(COMMUNE_FM_LIMITS.maxMHz)
  .refine((mhz) => Math.abs(Math.round(mhz * 100) / 100 - mhz) < 1e-9, 'frequency must be a multiple of 0.01 MHz')

export const licenceMaxPowerWSchema = z.number().positive().max(COMMUNE_FM_LIMITS.maxPowerW)

export const exciterProfileIds = ['daixa-bridge', 'crown-ascii', 'srk-telemetry'] as const

const common = {
  name: z.string().trim().min(1).max(80),
  role: deviceRoleSchema,
  isEnabled: z.boolean().default(true),
}

const exciterPlan = {
  /** the station licence's limit when below 30 W */
  licenceMaxPowerW: licenceMaxPowerWSchema.nullable().default(null),
  /** the licensed frequency, kept for the on-air plan (the test never sends it) */
  frequencyMHz: frequencyMHzSchema.nullable().default(null),
}

const variants = {
  'relay-lcus': z.object({
    family: z.literal('relay-lcus'),
    transport: transportSchema,
    options: z.object({
      channels: z.literal([1, 2, 4, 8]).default(4),
      /** LCUS-4/8 answer the FF status query; most LCUS-1 do not */
      hasStatusQuery: z.boolean().default(true),
    }),
  }),
  'relay-modbus': z.object({
    family: z.literal('relay-modbus'),
    transport: transportSchema,
    options: z.object({
      channels: z.number().int().min(1).max(32).default(8),
      /** Waveshare 1, LCTech 255 */
      unitId: z.number().int().min(1).max(255).default(1),
      /** coil address of relay 1: 0 (most boards) or 1 (some V1 boards) */
      coilBase: z.number().int().min(0).max(1).default(0),
    }),
  }),
  'rds-ascii': z.object({
    family: z.literal('rds-ascii'),
    transport: transportSchema,
    options: z.object({
      textEncoding: z.enum(['ascii', 'rds']).default('ascii'),
      isStoring: z.boolean().default(false),
    }),
  }),
  'rds-uecp': z.object({
    family: z.literal('rds-uecp'),
    transport: transportSchema,
    options: z.object({
      mode: z.enum(['unidirectional', 'bidirectional']).default('unidirectional'),
      site: z.number().int().min(0).max(1023).default(0),
      encoder: z.number().int().min(0).max(63).default(0),
    }),
  }),
  exciter: z.object({
    family: z.literal('exciter'),
    transport: transportSchema,
    options: z.object({ profile: z.enum(exciterProfileIds).default('daixa-bridge'), ...exciterPlan }),
  }),
  'exciter-relay': z.object({
    family: z.literal('exciter-relay'),
    options: z.object({
      relayDeviceId: idSchema,
      channel: z.number().int().min(1).max(32),
      /** the relay drives an RF-inhibit input: relay on = RF off */
      isInhibit: z.boolean().default(false),
      ...exciterPlan,
    }),
  }),
} as const

const storedId = { ...common, id: idSchema }
const draftId = { ...common, id: idSchema.optional() }

/** A device as stored and listed. */
export const deviceConfigSchema = z.discriminatedUnion('family', [
  variants['relay-lcus'].extend(storedId),
  variants['relay-modbus'].extend(storedId),
  variants['rds-ascii'].extend(storedId),
  variants['rds-uecp'].extend(storedId),
  variants.exciter.extend(storedId),
  variants['exciter-relay'].extend(storedId),
])
export type DeviceConfig = z.infer<typeof deviceConfigSchema>

/** `hardware:save` input: without an id it creates a device, with one it replaces that device. */
export const deviceDraftSchema = z.discriminatedUnion('family', [
  variants['relay-lcus'].extend(draftId),
  variants['relay-modbus'].extend(draftId),
  variants['rds-ascii'].extend(draftId),
  variants['rds-uecp'].extend(draftId),
  variants.exciter.extend(draftId),
  variants['exciter-relay'].extend(draftId),
])
export type DeviceDraft = z.input<typeof deviceDraftSchema>

/** The file in the data folder. */
export const hardwareFileSchema = z.object({
  version: z.literal(1),
  devices: z.array(z.unknown()),
})

// ---- status, tests, ports ---------------------------------------------------------------------

export const deviceStates = ['connecting', 'online', 'unresponsive', 'disconnected', 'stopped'] as const
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
  z.object({ kind: z.literal('exciter'), telemetry: telemetrySchema }),
  /** the relay board answered; `isRfOn` from the channel's state */
  z.object({ kind: z.literal('exciter-relay'), channel: z.number().int(), isRfOn: z.boolean() }),
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
