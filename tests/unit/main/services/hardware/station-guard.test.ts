/**
 * The station watchdog over in-memory relay boards (fake-drivers.ts): what it wants of each
 * device when sessions end or expire, and what it alerts, by name. The same logic against the
 * real drivers and simulators: tests/integration/hardware/station-safety*.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { newId } from '../../../../../src/shared/ids'
import { deviceConfigSchema, type DeviceConfig } from '../../../../../src/shared/ipc/hardware'
import type { HardwareDriver } from '../../../../../src/main/services/hardware/hardware-driver'
import { createStationGuard, type GuardAlert } from '../../../../../src/main/services/hardware/station-guard'
import { collectingLogger } from '../../../helpers/collecting-logger'
import { createFakeRelay, type FakeRelay } from './fake-drivers'

const serial = { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 9600 }

function rig() {
  const amp = deviceConfigSchema.parse({
    id: newId(),
    name: 'Rơ-le tăng âm',
    role: 'amplifier-relay',
    family: 'relay-lcus',
    transport: serial,
    options: { channels: 2 },
  })
  const other = deviceConfigSchema.parse({
    id: newId(),
    name: 'Bo đèn',
    role: 'other',
    family: 'relay-lcus',
    transport: { ...serial, path: '/dev/ttyUSB1' },
    options: { channels: 2 },
  })
  const rf = deviceConfigSchema.parse({
    id: newId(),
    name: 'Máy phát dự phòng',
    role: 'exciter',
    family: 'exciter-relay',
    options: { relayDeviceId: other.id, channel: 2, isInhibit: true },
  })
  const relays = { amp: createFakeRelay(amp.id, 2), other: createFakeRelay(other.id, 2) }
  for (const r of Object.values(relays)) r.report('online')
  const configs: DeviceConfig[] = [amp, other, rf]
  const drivers = new Map<string, HardwareDriver>([
    [amp.id, { kind: 'relay', device: relays.amp }],
    [other.id, { kind: 'relay', device: relays.other }],
  ])
  const alerts: GuardAlert[] = []
  const guard = createStationGuard({
    log: collectingLogger(),
    configs: () => configs,
    devices: () =>
      configs.flatMap((config) => {
        const driver = drivers.get(config.id)
        return driver ? [{ config, driver }] : []
      }),
    alert: (a) => void alerts.push(a),
    checkDelayMs: 100,
    watchdogIntervalMs: 60_000,
  })
  guard.start()
  return { guard, relays, alerts, amp, other, rf }
}

const wanted = (relay: FakeRelay) => [...relay.wanted]

describe('station guard', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('wants every guarded relay safe at start-up: amplifier channels off, an RF-inhibit channel on, others untouched', () => {
    const { guard, relays, amp, other } = rig()
    guard.adopt({ config: amp, driver: { kind: 'relay', device: relays.amp } })
    guard.adopt({ config: other, driver: { kind: 'relay', device: relays.other } })
    expect(wanted(relays.amp)).toEqual([false, false])
    // channel 1 of a board with the role 'other' is not station audio; channel 2 inhibits RF
    expect(wanted(relays.other)).toEqual([undefined, true])
  })

  it('keeps the safe steps of an ended session, and alerts what was still wanted on by name', async () => {
    const { guard, relays, alerts, amp } = rig()
    guard.begin('s1', Date.now() + 60_000)
    await relays.amp.setRelay(1, true)
    await relays.amp.setRelay(2, true)
    await relays.other.setRelay(2, false) // the spare exciter's RF on (inhibit released)
    guard.end('s1', [{ kind: 'relay', deviceId: amp.id, channel: 1, isOn: false }])
    expect(wanted(relays.amp)).toEqual([false, false])
    expect(wanted(relays.other)).toEqual([undefined, true])
    expect(alerts.map((a) => [a.kind, a.deviceName, a.channel])).toEqual([
      ['left-on', 'Rơ-le tăng âm', 2],
      ['left-on', 'Máy phát dự phòng', undefined],
    ])
  })

  it('waits for every session on air to end, and treats one that never ends as over at its time', async () => {
    const { guard, relays } = rig()
    guard.begin('s1', Date.now() + 1000)
    guard.begin('emergency', Date.now() + 60_000)
    await relays.amp.setRelay(1, true)
    guard.end('emergency', [])
    expect(wanted(relays.amp)).toEqual([true, undefined])
    expect(guard.isOnAir()).toBe(true)
    await vi.advanceTimersByTimeAsync(1000)
    expect(guard.isOnAir()).toBe(false)
    expect(wanted(relays.amp)).toEqual([false, false])
  })

  it('reads the boards back after the end and switches off, once, a relay found on', async () => {
    const { guard, relays, alerts } = rig()
    guard.begin('s1', Date.now() + 60_000)
    guard.end('s1', [])
    relays.other.states[1] = true // the inhibit relay holds the spare exciter's RF off
    relays.amp.states[0] = true // the board kept it on (a write that never reached it)
    await vi.advanceTimersByTimeAsync(150)
    expect(alerts.map((a) => [a.deviceName, a.channel])).toEqual([['Rơ-le tăng âm', 1]])
    await guard.check()
    expect(alerts).toHaveLength(1)
  })
})
