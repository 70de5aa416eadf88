/**
 * What the station asks of an FM exciter, whether it has a serial/LAN control port
 * (exciter-driver.ts) or is only switched by a relay (relay-exciter.ts).
 */
import type { DeviceDriver } from '../link/status'

export interface ExciterTelemetry {
  isRfOn?: boolean
  forwardW?: number
  reflectedW?: number
  /** computed from forward and reflected power */
  vswr?: number
  temperatureC?: number
  /** names of active alarms, e.g. ['vswr'] */
  alarms: string[]
}

export interface ExciterCapabilities {
  canSwitchRf: boolean
  canSetPower: boolean
  canSetFrequency: boolean
  hasTelemetry: boolean
}

export interface Exciter extends DeviceDriver {
  readonly capabilities: ExciterCapabilities
  rfOn(): Promise<void>
  rfOff(): Promise<void>
  /** watts; checked against the commune limit (≤ 30 W) first */
  setPower(watts: number): Promise<void>
  /** MHz; checked against the commune band (54–68 MHz) first */
  setFrequency(mhz: number): Promise<void>
  readTelemetry(): Promise<ExciterTelemetry>
}

export function vswrFrom(forwardW: number | undefined, reflectedW: number | undefined): number | undefined {
  if (forwardW === undefined || reflectedW === undefined || forwardW <= 0) return undefined
  const rho = Math.sqrt(Math.max(0, reflectedW) / forwardW)
  if (rho >= 1) return Number.POSITIVE_INFINITY
  return Math.round(((1 + rho) / (1 - rho)) * 100) / 100
}
