/**
 * Telemetry while RF is on: every `intervalMs` (default 2 s) an exciter whose RF the station
 * wants on is read (forward/reflected power, VSWR, temperature, frequency, alarms); anything
 * beyond the limits (licence.ts) switches RF off at once — kept off until a new RF on passes the
 * licence checks — and is reported (`onTrip`: the alert, the device's 'alarm' health). The
 * session goes on without RF. A read that fails is left to the link's health (unresponsive,
 * disconnected); the watch goes on while RF is wanted.
 */
import type { DeviceConfig } from '../../../shared/ipc/hardware'
import type { Exciter } from '../../devices/exciter/exciter'
import type { Logger } from '../logger'
import { tripOf, type Trip } from './licence'

export interface RfWatchOptions {
  log: Logger
  intervalMs?: number
  onTrip(config: DeviceConfig, trip: Trip): void
}

export interface RfWatch {
  /** watch this exciter for as long as its RF is wanted on */
  watch(config: DeviceConfig, exciter: Exciter): void
  stop(): void
}

export const TELEMETRY_INTERVAL_MS = 2000

export function createRfWatch(options: RfWatchOptions): RfWatch {
  const timers = new Map<string, ReturnType<typeof setTimeout>>()
  const intervalMs = options.intervalMs ?? TELEMETRY_INTERVAL_MS

  async function look(config: DeviceConfig, exciter: Exciter): Promise<void> {
    timers.delete(config.id)
    if (!exciter.isRfWanted()) return
    try {
      const trip = tripOf(await exciter.readTelemetry(), config)
      if (trip && exciter.isRfWanted()) {
        options.log.warn(
          `hardware: "${config.name}" RF off on telemetry: ${trip.reason} ${trip.value ?? trip.alarm ?? ''}`,
        )
        exciter.rfOff().catch(() => undefined)
        options.onTrip(config, trip)
        return
      }
    } catch {
      // a silent or unplugged exciter is the link's to report
    }
    schedule(config, exciter)
  }

  function schedule(config: DeviceConfig, exciter: Exciter): void {
    if (timers.has(config.id)) return
    timers.set(
      config.id,
      setTimeout(() => void look(config, exciter), intervalMs),
    )
  }

  return {
    watch(config, exciter) {
      if (!exciter.capabilities.hasTelemetry && !exciter.capabilities.canReadFrequency) return
      schedule(config, exciter)
    },
    stop() {
      for (const timer of timers.values()) clearTimeout(timer)
      timers.clear()
    },
  }
}
