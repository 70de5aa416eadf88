/**
 * Drivers made in memory for the service tests: they keep relay states and report the statuses
 * the test makes them report, so the service's forwarding, restarts and tests can be checked
 * without a port. The real drivers are checked against simulators in driver-factory.test.ts.
 */
import type { DeviceConfig } from '../../../../../src/shared/ipc/hardware'
import { ServiceError } from '../../../../../src/shared/result'
import { createEmitter } from '../../../../../src/main/devices/emitter'
import type { DeviceEvents, DeviceState, DeviceStatus } from '../../../../../src/main/devices/link/status'
import type { RelaySwitch } from '../../../../../src/main/devices/relay-switch'
import type { DriverFactory, HardwareDriver } from '../../../../../src/main/services/hardware/hardware-driver'

export interface FakeRelay extends RelaySwitch {
  readonly configId: string
  /** every switching command in order, as "1:on" */
  readonly switched: string[]
  states: boolean[]
  wanted: (boolean | undefined)[]
  isRunning: boolean
  /** the next command rejects with this */
  failWith: Error | null
  report(state: DeviceState, detail?: string): void
}

export function createFakeRelay(configId: string, channels = 4): FakeRelay {
  const events = createEmitter<DeviceEvents>()
  let current: DeviceStatus = { state: 'stopped', at: Date.now() }
  const fake: FakeRelay = {
    configId,
    channels,
    switched: [],
    states: Array.from({ length: channels }, () => false),
    wanted: Array.from({ length: channels }, () => undefined),
    isRunning: false,
    failWith: null,
    report(state, detail) {
      current = { state, at: Date.now(), ...(detail ? { detail } : {}) }
      events.emit('status', current)
    },
    async setRelay(channel, isOn) {
      fake.wanted[channel - 1] = isOn
      check()
      fake.states[channel - 1] = isOn
      fake.switched.push(`${channel}:${isOn ? 'on' : 'off'}`)
      await Promise.resolve()
    },
    async setAll(isOn) {
      for (let ch = 1; ch <= channels; ch += 1) await fake.setRelay(ch, isOn)
    },
    want(channel, isOn) {
      fake.wanted[channel - 1] = isOn
    },
    desired: () => [...fake.wanted],
    async readRelays() {
      check()
      await Promise.resolve()
      return [...fake.states]
    },
    start() {
      fake.isRunning = true
      fake.report('connecting')
      return fake.stop
    },
    async stop() {
      if (!fake.isRunning) return
      fake.isRunning = false
      await Promise.resolve()
      fake.report('stopped')
    },
    status: () => current,
    on: events.on,
  }
  function check(): void {
    const error = fake.failWith
    fake.failWith = null
    if (error) throw error
    if (current.state !== 'online') throw new ServiceError('disconnected', 'fake relay: not online')
  }
  return fake
}

/** A factory that makes fake relays for relay families and records every driver it made. */
export function fakeFactory(): DriverFactory & { made: FakeRelay[]; latest(id: string): FakeRelay } {
  const made: FakeRelay[] = []
  const factory: DriverFactory = (config: DeviceConfig, { log, relayOf }): HardwareDriver => {
    if (config.family === 'relay-lcus' || config.family === 'relay-modbus') {
      const relay = createFakeRelay(config.id, config.options.channels)
      made.push(relay)
      return { kind: 'relay', device: relay }
    }
    if (config.family === 'exciter-relay') {
      const relay = relayOf(config.options.relayDeviceId)
      if (!relay) throw new ServiceError('disconnected', 'relay board is not running')
      const device = {
        capabilities: {
          canSwitchRf: true,
          canSetPower: false,
          canSetFrequency: false,
          hasTelemetry: false,
          canReadRf: false,
          canReadFrequency: false,
          canReadPower: false,
        },
        rfOn: () => relay.setRelay(config.options.channel, true),
        rfOff: () => relay.setRelay(config.options.channel, false),
        wantRfOff: () => relay.want(config.options.channel, false),
        isRfWanted: () => relay.desired()[config.options.channel - 1] === true,
        readSettings: () => Promise.resolve({}),
        setPower: () => Promise.reject(new ServiceError('invalid-input', 'no port')),
        setFrequency: () => Promise.reject(new ServiceError('invalid-input', 'no port')),
        readTelemetry: () => Promise.resolve({ alarms: [] }),
        start: () => () => Promise.resolve(),
        stop: () => Promise.resolve(),
        status: () => relay.status(),
        on: relay.on,
      }
      const { channel, isInhibit } = config.options
      return { kind: 'exciter-relay', device, relay, channel, isInhibit }
    }
    log.warn(`fake factory: no fake for ${config.family}`)
    throw new ServiceError('invalid-input', `no fake for ${config.family}`)
  }
  return Object.assign(factory, {
    made,
    latest(id: string) {
      const relay = made.filter((r) => r.configId === id).at(-1)
      if (!relay) throw new Error(`no fake relay for ${id}`)
      return relay
    },
  })
}
