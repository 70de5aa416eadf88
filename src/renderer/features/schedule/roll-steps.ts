/** Pre-roll / post-roll steps as the session settings edit them (the rundown's DeviceAction). */
import type { DeviceConfig } from '../../../shared/ipc/hardware'
import type { DeviceAction } from '../../../shared/onair/rundown'

/** The steps the settings offer; DTMF and RDS come from the zones and the RDS field instead. */
export type RollStep = Extract<DeviceAction, { kind: 'relay' | 'rf' | 'wait' }>

export const isRollStep = (a: DeviceAction): a is RollStep => a.kind === 'relay' || a.kind === 'rf' || a.kind === 'wait'

export const relayDevices = (devices: readonly DeviceConfig[]) =>
  devices.filter((d) => d.family === 'relay-lcus' || d.family === 'relay-modbus')
export const exciterDevices = (devices: readonly DeviceConfig[]) =>
  devices.filter((d) => d.family === 'exciter' || d.family === 'exciter-relay')
export const rdsDevices = (devices: readonly DeviceConfig[]) =>
  devices.filter((d) => d.family === 'rds-ascii' || d.family === 'rds-uecp')

export function channelsOf(device: DeviceConfig | undefined): number {
  if (device?.family === 'relay-lcus' || device?.family === 'relay-modbus') return device.options.channels
  return 1
}

/** A new step of a kind, on the first device that fits. */
export function newStep(kind: RollStep['kind'], devices: readonly DeviceConfig[], isOn: boolean): RollStep | null {
  switch (kind) {
    case 'relay': {
      const d = relayDevices(devices)[0]
      return d ? { kind, deviceId: d.id, channel: 1, isOn } : null
    }
    case 'rf': {
      const d = exciterDevices(devices)[0]
      return d ? { kind, deviceId: d.id, isOn } : null
    }
    case 'wait':
      return { kind, ms: 1000 }
  }
}

/** The post-roll that undoes a pre-roll: the same switches off, in reverse order (waits kept). */
export function reverseOff(steps: readonly RollStep[]): RollStep[] {
  return [...steps].reverse().map((s) => (s.kind === 'wait' ? s : { ...s, isOn: false }))
}
