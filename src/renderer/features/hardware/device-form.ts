/**
 * The add/edit form's values and the device drafts they become. Field names mirror the draft
 * (`transport.path`, `options.channels`…), so the form can be filled from a saved device and read
 * back without a mapping table; the draft is then checked with the bridge's own zod schema.
 */
import {
  defaultOptionsOf,
  deviceDraftSchema,
  FAMILY_TRAITS,
  familyOptions,
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

/** The role a device of this family usually has, offered when the family changes (FAMILY_TRAITS). */
export const usualRole = (family: DeviceFamily): DeviceRole => FAMILY_TRAITS[family].usualRole
export const defaultOptionsFor = (family: DeviceFamily): Record<string, unknown> => defaultOptionsOf(family)
/** The serial speed the family ships with (PIRA-class and UECP encoders: 2400 bps). */
export const defaultBaudFor = (family: DeviceFamily): number => FAMILY_TRAITS[family].defaultBaud

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
    ...(FAMILY_TRAITS[family].hasTransport ? { transport: transportOf(values.transport) } : {}),
    options: { ...defaultOptionsOf(family), ...pickOptions(family, values.options) },
  }
  const parsed = deviceDraftSchema.safeParse(draft)
  return parsed.success ? (draft as DeviceDraft) : null
}

/** Only the option fields of this family: a form that switched family may still hold others. */
function pickOptions(family: DeviceFamily, options: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(familyOptions[family].shape)
  return Object.fromEntries(keys.filter((k) => options[k] !== undefined).map((k) => [k, options[k]]))
}
