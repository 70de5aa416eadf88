/**
 * The real app services on a fresh data folder, for tests that drive `hardware:*` through the
 * same dispatcher the bridge uses. `useHardwareServices()` registers the vitest hooks where it is
 * called: before each test it creates the services and starts collecting `hardware:status`
 * events; after each test it stops them and removes the folder. Call it after `useSerialBench()`:
 * vitest runs after-hooks in reverse, so the services stop before the simulators and pairs.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import { createAppServices, type AppServices } from '../../src/main/app-services'
import type { StationTiming } from '../../src/main/services/hardware/station-ops'
import type { DeviceConfig, DeviceRole, DeviceStatusEvent } from '../../src/shared/ipc/hardware'
import type { HardwareAlert } from '../../src/shared/ipc/hardware-onair'
import type { Result } from '../../src/shared/result'
import { collectingLogger, pollFor } from './device-helpers'
import type { BaudRate } from './serial-bench'

const INFO = { version: '0.0.0-test', host: 'browser', platform: 'linux', mediaBaseUrl: '/media/' } as const
const CONTEXT = { sender: 'test' }

/** The value of an ok Result; throws with the error code and message otherwise. */
export function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`)
  return result.value as T
}

export interface SerialDeviceDraft {
  name: string
  role: DeviceRole
  family: 'relay-lcus' | 'relay-modbus' | 'rds-ascii' | 'rds-uecp' | 'exciter'
  path: string
  baudRate?: BaudRate
  options?: object
}

/** A `hardware:save` draft for a device on a serial port (9600 baud unless given). */
export const serialDevice = ({ path, baudRate = 9600, options = {}, ...rest }: SerialDeviceDraft) => ({
  ...rest,
  transport: { kind: 'serial', path, baudRate },
  options,
})

export interface HardwareServices {
  readonly services: AppServices
  /** Every `hardware:status` event since the test began, across restarts. */
  readonly statuses: readonly DeviceStatusEvent[]
  /** Every `hardware:alert` event since the test began. */
  readonly alerts: readonly HardwareAlert[]
  /** Dispatches as the bridge would, from a test sender. */
  dispatch(channel: string, payload: unknown): Promise<Result<unknown>>
  /** `hardware:save`, expecting it to succeed. */
  save(draft: object): Promise<DeviceConfig>
  /** Stops the services, as closing the app does (they are not started again). */
  closeApp(): Promise<void>
  /**
   * Stops the services and creates them again on the same data folder (an app restart); resolves
   * with the instant between the two, so a test can wait for what the new services report.
   */
  restart(): Promise<number>
  /** The first `state` of device `id` reported at or after `since` (epoch ms); bounded by timeoutMs. */
  statusAfter(
    id: string,
    state: DeviceStatusEvent['state'],
    since: number,
    timeoutMs: number,
  ): Promise<DeviceStatusEvent>
}

export interface HardwareServicesOptions {
  /** shorter watchdog, read-back and telemetry periods for tests */
  hardwareTiming?: StationTiming
}

export function useHardwareServices(options: HardwareServicesOptions = {}): HardwareServices {
  let dataDir = ''
  let services: AppServices | null = null
  const statuses: DeviceStatusEvent[] = []
  const alerts: HardwareAlert[] = []

  const current = (): AppServices => {
    if (services === null) throw new Error('hardware-services: not running (call inside a test)')
    return services
  }

  async function start(): Promise<void> {
    const started = await createAppServices({
      dataDir,
      info: INFO,
      log: collectingLogger(),
      ...(options.hardwareTiming ? { hardwareTiming: options.hardwareTiming } : {}),
    })
    started.bus.subscribe((channel, payload) => {
      if (channel === 'hardware:status') statuses.push(payload as DeviceStatusEvent)
      if (channel === 'hardware:alert') alerts.push(payload as HardwareAlert)
    })
    services = started
  }

  async function stop(): Promise<void> {
    const running = services
    services = null
    await running?.stop()
  }

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'daixa-hw-'))
    statuses.length = 0
    alerts.length = 0
    await start()
  })

  afterEach(async () => {
    await stop()
    await rm(dataDir, { recursive: true, force: true })
  })

  const dispatch = (channel: string, payload: unknown) => current().dispatch(channel, payload, CONTEXT)

  return {
    get services() {
      return current()
    },
    statuses,
    alerts,
    dispatch,
    save: async (draft) => value<DeviceConfig>(await dispatch('hardware:save', draft)),
    closeApp: stop,
    async restart() {
      await stop()
      const restartedAt = Date.now()
      await start()
      return restartedAt
    },
    statusAfter: (id, state, since, timeoutMs) =>
      pollFor(
        () => statuses.find((s) => s.id === id && s.state === state && Date.parse(s.at) >= since),
        timeoutMs,
        () =>
          `${state} of ${id} (saw ${statuses
            .filter((s) => s.id === id)
            .map((s) => s.state)
            .join(', ')})`,
      ),
  }
}
