/**
 * The add/edit form's values and the device drafts they become. Field names mirror the draft
 * (`transport.path`, `options.channels`…), so the form can be filled from a saved device and read
 * back without a mapping table; the draft is then checked with the bridge's own zod schema.
 */
import {
  deviceDraftSchema,
  type DeviceConfig,
  type DeviceDraft,
  type DeviceFamily,
  type DeviceRole,
} from '../../../shared/ipc/hardware'

export interface DeviceFormValues {
  name: string
  role: DeviceRole
  isEnabled: boolean
  family: DeviceFamily
  transport: {
    kind: 'serial' | 'tcp'
    path?: string
    baudRate?: number
    dataBits?: number
    parity?: 'none' | 'even' | 'odd'
    stopBits?: number
    host?: string
    port?: number
  }
  options: Record<string, unknown>
}

/** Usual serial speed of each family (PIRA-class RDS encoders ship at 2400 bps). */
const DEFAULT_BAUD: Record<DeviceFamily, number> = {
  'relay-lcus': 9600,
  'relay-modbus': 9600,
  'rds-ascii': 2400,
  'rds-uecp': 9600,
  exciter: 9600,
  'exciter-relay': 9600,
}

const DEFAULT_OPTIONS: Record<DeviceFamily, Record<string, unknown>> = {
  'relay-lcus': { channels: 4, hasStatusQuery: true },
  'relay-modbus': { channels: 8, unitId: 1, coilBase: 0 },
  'rds-ascii': { textEncoding: 'ascii', isStoring: false },
  'rds-uecp': { mode: 'unidirectional', site: 0, encoder: 0 },
  exciter: { profile: 'daixa-bridge', licenceMaxPowerW: null, frequencyMHz: null },
  'exciter-relay': { channel: 1, isInhibit: false, licenceMaxPowerW: null, frequencyMHz: null },
}

/** The role a device of this family usually has, offered when the family changes. */
export const usualRole: Record<DeviceFamily, DeviceRole> = {
  'relay-lcus': 'amplifier-relay',
  'relay-modbus': 'zone-relay',
  'rds-ascii': 'rds',
  'rds-uecp': 'rds',
  exciter: 'exciter',
  'exciter-relay': 'exciter',
}

export const defaultOptionsFor = (family: DeviceFamily): Record<string, unknown> => ({ ...DEFAULT_OPTIONS[family] })
export const defaultBaudFor = (family: DeviceFamily): number => DEFAULT_BAUD[family]

export function newDeviceValues(): DeviceFormValues {
  return {
    name: '',
    role: 'amplifier-relay',
    isEnabled: true,
    family: 'relay-lcus',
    transport: { kind: 'serial', baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1, port: 4001 },
    options: defaultOptionsFor('relay-lcus'),
  }
}

export function valuesFromConfig(config: DeviceConfig): DeviceFormValues {
  const base = { name: config.name, role: config.role, isEnabled: config.isEnabled, family: config.family }
  const transport: DeviceFormValues['transport'] =
    config.family === 'exciter-relay' ? newDeviceValues().transport : { ...config.transport }
  return { ...base, transport, options: { ...config.options } }
}

function transportOf(t: DeviceFormValues['transport']): unknown {
  if (t.kind === 'tcp') return { kind: 'tcp', host: t.host, port: t.port }
  const { path, baudRate, dataBits, parity, stopBits } = t
  return { kind: 'serial', path, baudRate, dataBits, parity, stopBits }
}

/** Builds the draft for `hardware:save`; null when the values do not make a valid device. */
export function draftFromValues(values: DeviceFormValues, id?: string): DeviceDraft | null {
  const { family } = values
  const draft = {
    ...(id ? { id } : {}),
    name: values.name,
    role: values.role,
    isEnabled: values.isEnabled,
    family,
    ...(family === 'exciter-relay' ? {} : { transport: transportOf(values.transport) }),
    options: { ...DEFAULT_OPTIONS[family], ...pickOptions(family, values.options) },
  }
  const parsed = deviceDraftSchema.safeParse(draft)
  return parsed.success ? (draft as DeviceDraft) : null
}

/** Only the option fields of this family: a form that switched family may still hold others. */
function pickOptions(family: DeviceFamily, options: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(DEFAULT_OPTIONS[family]).concat(family === 'exciter-relay' ? ['relayDeviceId'] : [])
  return Object.fromEntries(keys.filter((k) => options[k] !== undefined).map((k) => [k, options[k]]))
}
