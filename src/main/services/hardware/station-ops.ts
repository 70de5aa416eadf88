/**
 * The on-air half of the hardware service: sessions on air and the watchdog (station-guard.ts),
 * on-air actions with the licence checks (device-act.ts, rf-on.ts), telemetry while RF is on
 * (rf-watch.ts), and the alerts that name devices by their names (alert-log.ts).
 * - A refused RF on (outside the licence) raises a `licence-refused` alert; the session goes on.
 * - A telemetry trip switches RF off, raises `telemetry-trip` and marks the exciter 'alarm' until
 *   RF next comes on cleanly (or "Thử" reads no alarm).
 * - An exciter that comes back online while a session wants its RF gets RF again, through the
 *   same licence checks (a reconnect applies the desired state; never outside a session).
 */
import type { ActResult, DeviceAct, DeviceConfig, DeviceStateName } from '../../../shared/ipc/hardware'
import type { HardwareAlert, OnAirInput } from '../../../shared/ipc/hardware-onair'
import type { Correction } from '../../devices/link/status'
import type { EventBus } from '../../ipc/dispatcher'
import type { Logger } from '../logger'
import { createAlertLog } from './alert-log'
import { runDeviceAct } from './device-act'
import type { HardwareDriver } from './hardware-driver'
import type { Trip } from './licence'
import { createRfWatch } from './rf-watch'
import { licensedRfOn, LicenceRefusal } from './rf-on'
import { switchSafeNow, type GuardedDevice } from './safe-state'
import { createStationGuard } from './station-guard'

export interface StationTiming {
  /** watchdog period outside sessions (default 3 min) */
  watchdogIntervalMs?: number
  /** read-back after the last session ends (default 1 s) */
  checkDelayMs?: number
  /** telemetry period while RF is on (default 2 s) */
  telemetryIntervalMs?: number
}

export interface StationOpsOptions {
  log: Logger
  bus: Pick<EventBus, 'emit'>
  devices(): GuardedDevice[]
  configs(): readonly DeviceConfig[]
  /** marks a device 'alarm' (detail) or clears it (null) */
  setAlarm(id: string, detail: string | null): void
  timing?: StationTiming
}

export interface StationOps {
  act(action: DeviceAct, config: DeviceConfig, driver: HardwareDriver): Promise<ActResult>
  onAir(input: OnAirInput): { sessionsOnAir: number }
  alerts(): HardwareAlert[]
  /** a driver was launched: outside sessions it is wanted safe at once */
  adopt(device: GuardedDevice): void
  /** a driver put a device back to the wanted state on its own (switched something off) */
  onCorrected(device: GuardedDevice, correction: Correction): void
  /** a device's link changed state (reconnects re-apply a wanted RF on) */
  onStatus(device: GuardedDevice, previous: DeviceStateName, next: DeviceStateName): void
  start(): void
  /** the app is closing: what is still wanted on is switched off now (bounded wait), then stop */
  shutdown(): Promise<void>
  stop(): void
}

/** How long closing the app waits for the last off commands to go out. */
export const SHUTDOWN_WAIT_MS = 1500

const describeTrip = (trip: Trip): string => `${trip.reason}${trip.alarm ? ` ${trip.alarm}` : ''}${trip.value ?? ''}`

export function createStationOps(options: StationOpsOptions): StationOps {
  const { log } = options
  const alertLog = createAlertLog(options.bus)
  const guard = createStationGuard({
    log,
    devices: options.devices,
    configs: options.configs,
    alert: alertLog.raise,
    ...(options.timing?.watchdogIntervalMs !== undefined
      ? { watchdogIntervalMs: options.timing.watchdogIntervalMs }
      : {}),
    ...(options.timing?.checkDelayMs !== undefined ? { checkDelayMs: options.timing.checkDelayMs } : {}),
  })
  const rfWatch = createRfWatch({
    log,
    ...(options.timing?.telemetryIntervalMs !== undefined ? { intervalMs: options.timing.telemetryIntervalMs } : {}),
    onTrip(config, trip) {
      options.setAlarm(config.id, describeTrip(trip))
      alertLog.raise({ kind: 'telemetry-trip', deviceId: config.id, deviceName: config.name, ...tripFields(trip) })
    },
  })

  function refused(config: DeviceConfig, error: LicenceRefusal): void {
    for (const breach of error.breaches) {
      alertLog.raise({ kind: 'licence-refused', deviceId: config.id, deviceName: config.name, ...tripFields(breach) })
    }
  }

  /** After a clean RF on: the alarm is over, telemetry is watched while RF stays wanted. */
  function rfIsOn(config: DeviceConfig, driver: HardwareDriver): void {
    if (driver.kind !== 'exciter') return
    options.setAlarm(config.id, null)
    rfWatch.watch(config, driver.device)
  }

  async function act(action: DeviceAct, config: DeviceConfig, driver: HardwareDriver): Promise<ActResult> {
    try {
      const result = await runDeviceAct(action, config, driver, {
        isOnAir: guard.isOnAir(),
        configs: options.configs(),
        log,
      })
      if (action.kind === 'rf' && action.isOn) rfIsOn(config, driver)
      return result
    } catch (error) {
      if (error instanceof LicenceRefusal) refused(config, error)
      throw error
    }
  }

  function reapplyRf({ config, driver }: GuardedDevice): void {
    if (driver.kind !== 'exciter' || config.family !== 'exciter') return
    if (!driver.device.isRfWanted() || !guard.isOnAir()) return
    log.info(`hardware: "${config.name}" is back while its session wants RF: RF on again`)
    licensedRfOn(config, driver.device, log).then(
      () => rfIsOn(config, driver),
      (error: unknown) => {
        if (error instanceof LicenceRefusal) refused(config, error)
        else log.warn(`hardware: RF on again for "${config.name}" failed: ${String(error)}`)
      },
    )
  }

  return {
    act,
    onAir(input) {
      const sessionsOnAir =
        input.phase === 'begin' ? guard.begin(input.sessionId, input.untilMs) : guard.end(input.sessionId, input.safe)
      return { sessionsOnAir }
    },
    alerts: alertLog.recent,
    adopt: guard.adopt,
    onCorrected(device, correction) {
      if (correction.wasOn && !correction.isOn) guard.corrected(device, correction.channel)
    },
    onStatus(device, previous, next) {
      const isBack = next === 'online' && (previous === 'disconnected' || previous === 'unresponsive')
      if (isBack) reapplyRf(device)
    },
    start: guard.start,
    async shutdown() {
      guard.stop()
      rfWatch.stop()
      const configs = options.configs()
      const writes = Promise.all(options.devices().map((device) => switchSafeNow(device, configs)))
      let timer: ReturnType<typeof setTimeout> | null = null
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, SHUTDOWN_WAIT_MS)))
      await Promise.race([writes, timeout])
      if (timer) clearTimeout(timer)
    },
    stop() {
      guard.stop()
      rfWatch.stop()
    },
  }
}

function tripFields(trip: Trip): Pick<HardwareAlert, 'reason' | 'value' | 'alarm'> {
  return {
    reason: trip.reason,
    ...(trip.value !== undefined ? { value: trip.value } : {}),
    ...(trip.alarm !== undefined ? { alarm: trip.alarm } : {}),
  }
}
