/**
 * The commune licence on air (pure): what an exciter's read-back or telemetry says against the
 * limits — 54–68 MHz, at most 30 W or the station's lower licence limit (band.ts, requirement
 * R12 of domain-vietnam.md) — and when telemetry is bad enough to switch RF off.
 *
 * Trip limits (own judgement, documented in docs/devices.md):
 * - VSWR ≥ 3 (reflected ≥ 25 % of forward): the antenna or its cable is faulty; 3:1 is where
 *   typical exciters fold back or trip themselves;
 * - forward power above the limit by more than 10 % (meter tolerance);
 * - heat-sink temperature ≥ 70 °C;
 * - a frequency outside the band;
 * - any alarm the exciter reports (VSWR, fault, temperature…).
 */
import type { DeviceConfig } from '../../../shared/ipc/hardware'
import type { TripReason } from '../../../shared/ipc/hardware-onair'
import { COMMUNE_FM_BAND } from '../../devices/exciter/band'
import type { ExciterSettings, ExciterTelemetry } from '../../devices/exciter/exciter'

export const VSWR_TRIP = 3
export const TEMPERATURE_TRIP_C = 70
export const FORWARD_POWER_TOLERANCE = 1.1

export interface Trip {
  reason: TripReason
  value?: number
  alarm?: string
}

/** The power limit of this exciter: the licence's, never above 30 W. */
export function powerLimitW(config: DeviceConfig): number {
  const licence =
    config.family === 'exciter' || config.family === 'exciter-relay' ? config.options.licenceMaxPowerW : null
  return Math.min(licence ?? COMMUNE_FM_BAND.maxPowerW, COMMUNE_FM_BAND.maxPowerW)
}

const isInBand = (mhz: number): boolean => mhz >= COMMUNE_FM_BAND.minMHz && mhz <= COMMUNE_FM_BAND.maxMHz

/** What the exciter reports outside the licence (set-points read back), first the frequency. */
export function licenceBreaches(settings: ExciterSettings, config: DeviceConfig): Trip[] {
  const out: Trip[] = []
  if (settings.frequencyMHz !== undefined && !isInBand(settings.frequencyMHz)) {
    out.push({ reason: 'frequency', value: settings.frequencyMHz })
  }
  if (settings.powerSetW !== undefined && settings.powerSetW > powerLimitW(config)) {
    out.push({ reason: 'power', value: settings.powerSetW })
  }
  return out
}

const ALARM_REASONS: Readonly<Record<string, TripReason>> = {
  vswr: 'vswr',
  temp: 'temperature',
  temperature: 'temperature',
}

/** The first reason to switch RF off in this telemetry, or null when it is fine. */
export function tripOf(telemetry: ExciterTelemetry, config: DeviceConfig): Trip | null {
  const alarm = telemetry.alarms[0]
  if (alarm !== undefined) return { reason: ALARM_REASONS[alarm] ?? 'alarm', alarm: alarm.slice(0, 40) }
  if (telemetry.vswr !== undefined && telemetry.vswr >= VSWR_TRIP) {
    return { reason: 'vswr', value: Number.isFinite(telemetry.vswr) ? telemetry.vswr : 99 }
  }
  if (telemetry.temperatureC !== undefined && telemetry.temperatureC >= TEMPERATURE_TRIP_C) {
    return { reason: 'temperature', value: telemetry.temperatureC }
  }
  if (telemetry.forwardW !== undefined && telemetry.forwardW > powerLimitW(config) * FORWARD_POWER_TOLERANCE) {
    return { reason: 'power', value: telemetry.forwardW }
  }
  return licenceBreaches(telemetry, config)[0] ?? null
}
