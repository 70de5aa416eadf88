/**
 * The station's hardware as configured by the officer: the device list in `hardware.json`, one
 * running driver per enabled device, each driver's health forwarded to the bus as
 * `hardware:status`, and the "Thử" test.
 *
 * - start() loads the list and starts every driver in the background; it never waits for a port
 *   and never throws because of a device. Drivers notice a silent or vanished device (< 2 s) and
 *   reopen with back-off on their own; the service only forwards what they report.
 * - save/remove restart just that device (and exciters switched through it, if it is a relay).
 * - Changes are serialized, so two quick saves never interleave their restarts.
 * - The on-air side (sessions on air, the watchdog, licence checks, telemetry, alerts) is
 *   station-ops.ts; every launched driver is handed to it, so outside sessions a device is
 *   wanted off from the moment it starts.
 * Nothing here touches audio: the playout runs in the renderer and only ever sees status events.
 */
import { join } from 'node:path'
import { newId } from '../../../shared/ids'
import {
  deviceConfigSchema,
  type ActResult,
  type DeviceAct,
  isRelayFamily,
  type DeviceConfig,
  type DeviceDraft,
  type DeviceEntry,
  type DeviceStatusEvent,
  type SerialPortInfo,
  type TestResult,
} from '../../../shared/ipc/hardware'
import type { HardwareAlert, OnAirInput } from '../../../shared/ipc/hardware-onair'
import { ServiceError } from '../../../shared/result'
import type { Unsubscribe } from '../../devices/emitter'
import type { DeviceStatus } from '../../devices/link/status'
import type { RelaySwitch } from '../../devices/relay-switch'
import type { EventBus } from '../../ipc/dispatcher'
import type { Logger } from '../logger'
import { runDeviceTest } from './device-test'
import { createHardwareDriver } from './driver-factory'
import { loadHardwareFile, saveHardwareFile } from './hardware-file'
import type { DriverFactory, HardwareDriver } from './hardware-driver'
import { checkDraft, dependentsOf } from './hardware-rules'
import { listSerialPorts } from './ports'
import type { GuardedDevice } from './safe-state'
import { createStationOps, type StationTiming } from './station-ops'

export interface HardwareServiceOptions {
  dataDir: string
  log: Logger
  bus: Pick<EventBus, 'emit'>
  /** default: the real drivers over serial/TCP */
  createDriver?: DriverFactory
  /** default: SerialPort.list() */
  listPorts?: () => Promise<SerialPortInfo[]>
  /** how long relay 1 stays on during a test (default 300 ms) */
  pulseMs?: number
  /** watchdog, read-back and telemetry periods (tests shorten them) */
  timing?: StationTiming
}

export interface HardwareService {
  start(): Promise<void>
  stop(): Promise<void>
  list(): DeviceEntry[]
  save(draft: DeviceDraft): Promise<DeviceConfig>
  remove(id: string): Promise<{ removed: boolean }>
  test(id: string): Promise<TestResult>
  ports(): Promise<SerialPortInfo[]>
  /** one on-air action (relay, RF, RDS text) on a configured device */
  act(action: DeviceAct): Promise<ActResult>
  /** a session begins or ends on air (`hardware:onair`) */
  onAir(input: OnAirInput): { sessionsOnAir: number }
  /** the recent hardware alerts, newest first */
  alerts(): HardwareAlert[]
  /** the running driver of a device (for the on-air sequence), or null */
  driverOf(id: string): HardwareDriver | null
}

interface Running {
  driver: HardwareDriver | null
  status: DeviceStatusEvent
  /** the link's own last state (the reported one may be 'alarm' on top of it) */
  linkStatus: DeviceStatus | null
  offs: Unsubscribe[]
}

export function createHardwareService(options: HardwareServiceOptions): HardwareService {
  const { log, bus } = options
  const file = join(options.dataDir, 'hardware.json')
  const createDriver = options.createDriver ?? createHardwareDriver
  const pulseMs = options.pulseMs ?? 300
  let configs: DeviceConfig[] = []
  const running = new Map<string, Running>()
  let queue: Promise<unknown> = Promise.resolve()
  let isStarted = false
  const alarms = new Map<string, string>()
  const guarded = (): GuardedDevice[] =>
    configs.flatMap((config) => {
      const driver = running.get(config.id)?.driver
      return driver ? [{ config, driver }] : []
    })
  /** Marks a device 'alarm' (or clears it) and reports it at once. */
  function setAlarm(id: string, detail: string | null): void {
    if (detail === null ? !alarms.delete(id) : alarms.get(id) === detail) return
    if (detail !== null) alarms.set(id, detail)
    const linkStatus = running.get(id)?.linkStatus
    if (linkStatus) report(id, { ...linkStatus, at: Date.now() })
  }
  const ops = createStationOps({
    log,
    bus,
    devices: guarded,
    configs: () => configs,
    setAlarm,
    ...(options.timing ? { timing: options.timing } : {}),
  })

  /** Runs changes one after another; a failed change does not block the next. */
  function serialized<T>(job: () => Promise<T>): Promise<T> {
    const run = queue.then(job)
    queue = run.catch(() => undefined)
    return run
  }

  /** Forwards a link status; an online device with an alarm is reported as 'alarm'. */
  function report(id: string, status: DeviceStatus): void {
    const entry = running.get(id)
    const alarm = status.state === 'online' ? alarms.get(id) : undefined
    const detail = alarm ?? status.detail
    const event: DeviceStatusEvent = {
      id,
      state: alarm !== undefined ? 'alarm' : status.state,
      at: new Date(status.at).toISOString(),
      ...(detail ? { detail: detail.slice(0, 500) } : {}),
      ...(status.retryInMs !== undefined ? { retryInMs: Math.max(0, Math.round(status.retryInMs)) } : {}),
    }
    if (entry) {
      const previous = entry.linkStatus?.state
      entry.status = event
      entry.linkStatus = status
      const config = configs.find((c) => c.id === id)
      if (config && entry.driver && previous) ops.onStatus({ config, driver: entry.driver }, previous, status.state)
    }
    bus.emit('hardware:status', event)
  }

  function relayOf(id: string): RelaySwitch | null {
    const driver = running.get(id)?.driver
    return driver?.kind === 'relay' ? driver.device : null
  }

  function launch(config: DeviceConfig): void {
    const entry: Running = {
      driver: null,
      status: { id: config.id, state: 'stopped', at: now() },
      linkStatus: null,
      offs: [],
    }
    running.set(config.id, entry)
    if (!config.isEnabled) return report(config.id, { state: 'stopped', at: Date.now(), detail: 'disabled' })
    try {
      entry.driver = createDriver(config, { log, relayOf })
    } catch (error) {
      log.error(`hardware: cannot start ${config.family} "${config.name}": ${describe(error)}`)
      return report(config.id, { state: 'disconnected', at: Date.now(), detail: describe(error) })
    }
    const device = entry.driver.device
    const guardedDevice = { config, driver: entry.driver }
    entry.offs.push(device.on('status', (status) => report(config.id, status)))
    // a relay-switched exciter hears its board's corrections: the board reports them once
    if (entry.driver.kind !== 'exciter-relay') {
      entry.offs.push(device.on('corrected', (correction) => ops.onCorrected(guardedDevice, correction)))
    }
    ops.adopt(guardedDevice)
    device.start()
    // a driver reports 'connecting' from start(); a relay-switched exciter reports nothing itself
    if (entry.status.state === 'stopped') report(config.id, device.status())
  }

  async function halt(id: string): Promise<void> {
    const entry = running.get(id)
    if (!entry) return
    try {
      await entry.driver?.device.stop()
    } catch (error) {
      log.warn(`hardware: stopping ${id} failed: ${describe(error)}`)
    }
    for (const off of entry.offs) off()
    running.delete(id)
    // a relay-switched exciter has nothing of its own to stop, so nothing reported it
    if (entry.status.state !== 'stopped') bus.emit('hardware:status', { id, state: 'stopped', at: now() })
  }

  /** Stops and starts one device, and the exciters switched through it when it is a relay board. */
  async function restart(id: string): Promise<void> {
    const dependents = dependentsOf(configs, id)
    for (const d of dependents) await halt(d.id)
    await halt(id)
    const config = configs.find((c) => c.id === id)
    if (config) launch(config)
    for (const d of dependents) launch(d)
  }

  async function save(draft: DeviceDraft): Promise<DeviceConfig> {
    const parsed = deviceConfigSchema.safeParse({ ...draft, id: draft.id ?? newId() })
    if (!parsed.success) throw new ServiceError('invalid-input', `hardware: ${parsed.error.message.slice(0, 300)}`)
    const config = parsed.data
    return serialized(async () => {
      const at = configs.findIndex((c) => c.id === config.id)
      if (draft.id !== undefined && at < 0) throw new ServiceError('not-found', `hardware: no device ${draft.id}`)
      checkDraft(configs, config)
      const next = at < 0 ? [...configs, config] : configs.map((c) => (c.id === config.id ? config : c))
      await saveHardwareFile(file, next)
      configs = next
      log.info(`hardware: saved ${config.family} "${config.name}" (${config.id})`)
      if (isStarted) await restart(config.id)
      return config
    })
  }

  function remove(id: string): Promise<{ removed: boolean }> {
    return serialized(async () => {
      const config = configs.find((c) => c.id === id)
      if (!config) return { removed: false }
      const dependents = dependentsOf(configs, id)
      if (dependents[0]) {
        throw new ServiceError('conflict', `hardware: "${dependents[0].name}" switches RF through this relay board`)
      }
      const next = configs.filter((c) => c.id !== id)
      await saveHardwareFile(file, next)
      configs = next
      await halt(id)
      log.info(`hardware: removed ${config.family} "${config.name}" (${id})`)
      return { removed: true }
    })
  }

  async function test(id: string): Promise<TestResult> {
    const config = configs.find((c) => c.id === id)
    if (!config) throw new ServiceError('not-found', `hardware: no device ${id}`)
    const driver = running.get(id)?.driver
    if (!driver) throw new ServiceError('disconnected', `hardware: "${config.name}" is not running`)
    try {
      const result = await runDeviceTest(driver, config, { pulseMs })
      const isClean = result.kind === 'exciter' && result.telemetry.alarms.length === 0 && !result.outOfLicence.length
      if (isClean) setAlarm(id, null)
      log.info(`hardware: test of "${config.name}" passed: ${JSON.stringify(result)}`)
      return result
    } catch (error) {
      log.warn(`hardware: test of "${config.name}" failed: ${describe(error)}`)
      throw error instanceof ServiceError ? error : new ServiceError('io', describe(error))
    }
  }

  async function act(action: DeviceAct): Promise<ActResult> {
    const config = configs.find((c) => c.id === action.deviceId)
    if (!config) throw new ServiceError('not-found', `hardware: no device ${action.deviceId}`)
    const driver = running.get(config.id)?.driver
    if (!driver) throw new ServiceError('disconnected', `hardware: "${config.name}" is not running`)
    try {
      return await ops.act(action, config, driver)
    } catch (error) {
      log.warn(`hardware: ${action.kind} on "${config.name}" failed: ${describe(error)}`)
      throw error instanceof ServiceError ? error : new ServiceError('io', describe(error))
    }
  }

  return {
    async start() {
      if (isStarted) return
      isStarted = true
      configs = await loadHardwareFile(file, log)
      // relay boards first: exciters switched through a relay need theirs running
      for (const c of configs) if (isRelayFamily(c.family)) launch(c)
      for (const c of configs) if (!isRelayFamily(c.family) && c.family !== 'exciter-relay') launch(c)
      for (const c of configs) if (c.family === 'exciter-relay') launch(c)
      ops.start()
      log.info(`hardware: ${configs.length} device(s) configured`)
    },
    async stop() {
      await serialized(async () => {
        if (!isStarted) return
        isStarted = false
        await ops.shutdown()
        for (const c of configs) if (c.family === 'exciter-relay') await halt(c.id)
        await Promise.all([...running.keys()].map((id) => halt(id)))
      })
    },
    list: () =>
      configs.map((config) => ({
        config,
        status: running.get(config.id)?.status ?? { id: config.id, state: 'stopped', at: now() },
      })),
    save,
    remove,
    test,
    act,
    onAir: (input) => ops.onAir(input),
    alerts: () => ops.alerts(),
    ports: () => (options.listPorts ?? listSerialPorts)(),
    driverOf: (id) => running.get(id)?.driver ?? null,
  }
}

const now = (): string => new Date().toISOString()

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error))
