/**
 * What the station asks of an FM exciter, whether it has a serial/LAN control port
 * (exciter-driver.ts) or is only switched by a relay (relay-exciter.ts).
 * RF has a DESIRED state like a relay (relay-switch.ts): `rfOff()` and `wantRfOff()` record
 * "off" before anything is sent, and the driver keeps switching RF off (after a failure, after a
 * reconnect) until the exciter is known to be off. RF is never switched ON by a retry or a
 * reconnect: only `rfOn()`, which the hardware service calls after its licence checks.
 */
import type { DeviceDriver } from '../link/status'

export interface ExciterTelemetry {
  isRfOn?: boolean
  forwardW?: number
  reflectedW?: number
  /** computed from forward and reflected power */
  vswr?: number
  temperatureC?: number
  /** the frequency the exciter reports it is set to */
  frequencyMHz?: number
  /** the power set-point the exciter reports */
  powerSetW?: number
  /** names of active alarms, e.g. ['vswr'] */
  alarms: string[]
}

export interface ExciterCapabilities {
  canSwitchRf: boolean
  canSetPower: boolean
  canSetFrequency: boolean
  hasTelemetry: boolean
  /** the exciter can say whether RF is on */
  canReadRf: boolean
  /** the exciter can say which frequency / power it is set to */
  canReadFrequency: boolean
  canReadPower: boolean
}

export interface ExciterSettings {
  frequencyMHz?: number
  powerSetW?: number
}

export interface Exciter extends DeviceDriver {
  readonly capabilities: ExciterCapabilities
  rfOn(): Promise<void>
  rfOff(): Promise<void>
  /** RF off wanted without waiting: sent when not known off, retried until it lands */
  wantRfOff(): void
  /** whether the station last asked for RF on (and has not asked for off since) */
  isRfWanted(): boolean
  /** watts; checked against the commune limit (≤ 30 W) first */
  setPower(watts: number): Promise<void>
  /** MHz; checked against the commune band (54–68 MHz) first */
  setFrequency(mhz: number): Promise<void>
  /** the frequency and power set-point the exciter reports (what it can report) */
  readSettings(): Promise<ExciterSettings>
  readTelemetry(): Promise<ExciterTelemetry>
}

export function vswrFrom(forwardW: number | undefined, reflectedW: number | undefined): number | undefined {
  if (forwardW === undefined || reflectedW === undefined || forwardW <= 0) return undefined
  const rho = Math.sqrt(Math.max(0, reflectedW) / forwardW)
  if (rho >= 1) return Number.POSITIVE_INFINITY
  return Math.round(((1 + rho) / (1 - rho)) * 100) / 100
}
