/**
 * How the officer declares a device: `{ id, name, role, isEnabled, family, transport, options }`,
 * and the TRAITS of each device family, declared once here: what kind of device it is, whether it
 * has a port of its own, the serial speed it ships with, the role it usually has. `family` picks
 * the driver and the shape of `options`.
 *
 * Adding a family (see docs/devices.md, "How to add a device family"): add its name to
 * `deviceFamilies`; the code then does not compile until it has an entry in `FAMILY_TRAITS` and
 * in `familyOptions` here, and a builder in the main side's driver factory.
 * Limits for commune FM (54–68 MHz, ≤ 30 W) are the ones src/main/devices/exciter/band.ts
 * enforces; they are repeated here so a wrong value is refused at the bridge, before any driver.
 */
import { z } from 'zod'
import { idSchema } from '../ids'

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

export const baudRates = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const
export type BaudRate = (typeof baudRates)[number]

/** What the station does with a family's devices (the main side's driver kinds). */
export type DeviceKind = 'relay' | 'rds' | 'exciter' | 'exciter-relay'

export interface FamilyTraits {
  kind: DeviceKind
  /** false: switched through another configured device (no port of its own) */
  hasTransport: boolean
  /** the serial speed the devices ship with (manuals; hardware-protocols.md) */
  defaultBaud: BaudRate
  /** the role a device of this family usually has, offered when the family is picked */
  usualRole: DeviceRole
}

/** Every family's traits. `satisfies` makes a family without traits a compile error. */
export const FAMILY_TRAITS = {
  // LC Technology CH340 boards: 9600 8N1 (hardware-protocols.md §3.1)
  'relay-lcus': { kind: 'relay', hasTransport: true, defaultBaud: 9600, usualRole: 'amplifier-relay' },
  // Waveshare / LCTech Modbus RTU: 9600 8N1 (§3.3)
  'relay-modbus': { kind: 'relay', hasTransport: true, defaultBaud: 9600, usualRole: 'zone-relay' },
  // PIRA32-class encoders ship at 2400 bps (COMSPD=1, §1.2.1)
  'rds-ascii': { kind: 'rds', hasTransport: true, defaultBaud: 2400, usualRole: 'rds' },
  // UECP: "2400 typical" (radiospurs RDSSerialInterface, §1.1.1); FMUSER/PIRA ship at 2400
  'rds-uecp': { kind: 'rds', hasTransport: true, defaultBaud: 2400, usualRole: 'rds' },
  // SRK FMA300 telemetry 9600 8N1 (§2.2); our bridge controller uses the same
  exciter: { kind: 'exciter', hasTransport: true, defaultBaud: 9600, usualRole: 'exciter' },
  'exciter-relay': { kind: 'exciter-relay', hasTransport: false, defaultBaud: 9600, usualRole: 'exciter' },
} as const satisfies Record<DeviceFamily, FamilyTraits>

export const isRelayFamily = (family: DeviceFamily): boolean => FAMILY_TRAITS[family].kind === 'relay'
export const isExciterFamily = (family: DeviceFamily): boolean =>
  FAMILY_TRAITS[family].kind === 'exciter' || FAMILY_TRAITS[family].kind === 'exciter-relay'

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

/** Modbus coil ON values: FF00 (the standard), 0100 (some V1 boards, hardware-protocols.md §3.3). */
export const modbusOnValues = [0xff00, 0x0100] as const

/** How text reaches listeners, for both encoder families: plain ASCII, or the RDS table (some accents). */
export const rdsTextEncodings = ['ascii', 'rds'] as const

/** Time an exciter needs from RF on to full power before DTMF codes are sent (ms). */
export const DEFAULT_RF_SETTLE_MS = 1500

const exciterPlan = {
  /** the station licence's limit when below 30 W */
  licenceMaxPowerW: licenceMaxPowerWSchema.nullable().default(null),
  /** the licensed frequency: set before RF on where the exciter can, and checked on read-back */
  frequencyMHz: frequencyMHzSchema.nullable().default(null),
  /** the power set-point sent before RF on where the exciter can (W) */
  powerW: licenceMaxPowerWSchema.nullable().default(null),
  /** wait this long after RF on before DTMF codes (the carrier must be at power) */
  rfSettleMs: z.number().int().min(0).max(10_000).default(DEFAULT_RF_SETTLE_MS),
}

/** Each family's `options`. `satisfies` makes a family without options a compile error. */
export const familyOptions = {
  'relay-lcus': z.object({
    channels: z.literal([1, 2, 4, 8]).default(4),
    /** LCUS-4/8 answer the FF status query; most LCUS-1 do not */
    hasStatusQuery: z.boolean().default(true),
  }),
  'relay-modbus': z.object({
    channels: z.number().int().min(1).max(32).default(8),
    /** Waveshare 1, LCTech 255 */
    unitId: z.number().int().min(1).max(255).default(1),
    /** coil address of relay 1: 0 (most boards) or 1 (some V1 boards) */
    coilBase: z.number().int().min(0).max(1).default(0),
    /** value written for ON: 0xFF00 (standard) or 0x0100 (some V1 boards) */
    onValue: z.literal(modbusOnValues).default(0xff00),
  }),
  'rds-ascii': z.object({
    textEncoding: z.enum(rdsTextEncodings).default('ascii'),
    isStoring: z.boolean().default(false),
  }),
  'rds-uecp': z.object({
    mode: z.enum(['unidirectional', 'bidirectional']).default('unidirectional'),
    site: z.number().int().min(0).max(1023).default(0),
    encoder: z.number().int().min(0).max(63).default(0),
    textEncoding: z.enum(rdsTextEncodings).default('ascii'),
  }),
  exciter: z.object({ profile: z.enum(exciterProfileIds).default('daixa-bridge'), ...exciterPlan }),
  'exciter-relay': z.object({
    relayDeviceId: idSchema,
    channel: z.number().int().min(1).max(32),
    /** the relay drives an RF-inhibit input: relay on = RF off */
    isInhibit: z.boolean().default(false),
    ...exciterPlan,
  }),
} as const satisfies Record<DeviceFamily, z.ZodObject>

/** The defaults of a family's options (fields without a default, such as the relay board, are left out). */
export function defaultOptionsOf(family: DeviceFamily): Record<string, unknown> {
  const shape: Record<string, z.ZodType> = familyOptions[family].shape
  return Object.fromEntries(
    Object.entries(shape).flatMap(([key, schema]) => {
      const parsed = schema.safeParse(undefined)
      return parsed.success ? [[key, parsed.data]] : []
    }),
  )
}

const common = {
  name: z.string().trim().min(1).max(80),
  role: deviceRoleSchema,
  isEnabled: z.boolean().default(true),
}

const withPort = <F extends DeviceFamily>(family: F) =>
  z.object({ family: z.literal(family), transport: transportSchema, options: familyOptions[family] })

const variants = {
  'relay-lcus': withPort('relay-lcus'),
  'relay-modbus': withPort('relay-modbus'),
  'rds-ascii': withPort('rds-ascii'),
  'rds-uecp': withPort('rds-uecp'),
  exciter: withPort('exciter'),
  'exciter-relay': z.object({ family: z.literal('exciter-relay'), options: familyOptions['exciter-relay'] }),
} as const satisfies Record<DeviceFamily, z.ZodObject>

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
