/**
 * The real hardware service inside the real app services, over socat PTY pairs, with the LCUS
 * relay and PIRA ASCII RDS simulators on the far ends: what the officer does on the Thiết bị
 * screen, through the same dispatcher the bridge uses.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DeviceConfig, DeviceEntry, DeviceStatusEvent, TestResult } from '../../../src/shared/ipc/hardware'
import type { Result } from '../../../src/shared/result'
import { createAppServices, type AppServices } from '../../../src/main/app-services'
import { createRdsAsciiSimulator, type RdsAsciiSimulator } from '../../../src/main/devices/rds-ascii/simulator'
import { createLcusSimulator, type LcusSimulator } from '../../../src/main/devices/relay-lcus/simulator'
import { createSimRecorder, type SimRecorder } from '../../../src/main/devices/sim/recorder'
import { createSerialTransport } from '../../../src/main/devices/transport/serial-transport'
import { collectingLogger } from '../devices/helpers'
import { startSocatPair, type SocatPair } from '../devices/socat-pair'

const INFO = { version: '0.0.0-test', host: 'browser', platform: 'linux', mediaBaseUrl: '/media/' } as const
const ctx = { sender: 'test' }

let dataDir: string
let services: AppServices
let statuses: DeviceStatusEvent[]
let relayPair: SocatPair
let rdsPair: SocatPair
let recorder: SimRecorder
let relaySim: LcusSimulator
let rdsSim: RdsAsciiSimulator

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`)
  return result.value as T
}

/** The first `state` of `id` reported after `since` (ms); rejects after timeoutMs. */
async function statusAfter(id: string, state: DeviceStatusEvent['state'], since: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const found = statuses.find((s) => s.id === id && s.state === state && Date.parse(s.at) >= since)
    if (found) return found
    if (Date.now() > deadline) {
      const seen = statuses.filter((s) => s.id === id).map((s) => s.state)
      throw new Error(`${state} of ${id} not reported within ${timeoutMs} ms (saw ${seen.join(', ')})`)
    }
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

async function save(draft: object): Promise<DeviceConfig> {
  return value<DeviceConfig>(await services.dispatch('hardware:save', draft, ctx))
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'daixa-hw-'))
  ;[relayPair, rdsPair] = await Promise.all([startSocatPair(), startSocatPair()])
  recorder = createSimRecorder()
  relaySim = createLcusSimulator({ transport: createSerialTransport({ path: relayPair.b, baudRate: 9600 }), recorder })
  rdsSim = createRdsAsciiSimulator({ transport: createSerialTransport({ path: rdsPair.b, baudRate: 2400 }), recorder })
  await Promise.all([relaySim.start(), rdsSim.start()])
  services = await createAppServices({ dataDir, info: INFO, log: collectingLogger() })
  statuses = []
  services.bus.subscribe((channel, payload) => {
    if (channel === 'hardware:status') statuses.push(payload as DeviceStatusEvent)
  })
})

afterEach(async () => {
  await services.stop()
  await Promise.all([relaySim.stop(), rdsSim.stop()])
  await Promise.all([relayPair.stop(), rdsPair.stop()])
  await rm(dataDir, { recursive: true, force: true })
})

describe('hardware service over serial ports', () => {
  it('tests an LCUS relay board and a PIRA encoder through the dispatcher when both are saved', async () => {
    const since = Date.now()
    const relay = await save({
      name: 'Rơ-le tăng âm',
      role: 'amplifier-relay',
      family: 'relay-lcus',
      transport: { kind: 'serial', path: relayPair.a, baudRate: 9600 },
      options: { channels: 4 },
    })
    const rds = await save({
      name: 'RDS',
      role: 'rds',
      family: 'rds-ascii',
      transport: { kind: 'serial', path: rdsPair.a, baudRate: 2400 },
      options: {},
    })
    await Promise.all([statusAfter(relay.id, 'online', since, 3000), statusAfter(rds.id, 'online', since, 3000)])
    const listed = value<{ devices: DeviceEntry[] }>(await services.dispatch('hardware:list', {}, ctx))
    expect(listed.devices.map((d) => [d.config.name, d.status.state])).toEqual([
      ['Rơ-le tăng âm', 'online'],
      ['RDS', 'online'],
    ])

    const relayResult = value<TestResult>(await services.dispatch('hardware:test', { id: relay.id }, ctx))
    expect(relayResult).toEqual({ kind: 'relay', channel: 1, wasOn: false })
    const rdsResult = value<TestResult>(await services.dispatch('hardware:test', { id: rds.id }, ctx))
    expect(rdsResult).toEqual({ kind: 'rds', ps: 'DAI XA', readBack: 'DAI XA', isAcknowledged: true })

    const acted = recorder.actions().filter((a) => a.action === 'relay' || a.action === 'ps')
    expect(acted.map((a) => [a.device, a.action, a.detail])).toEqual([
      ['relay-lcus', 'relay', { channel: 1, isOn: true }],
      ['relay-lcus', 'relay', { channel: 1, isOn: false }],
      ['rds-ascii', 'ps', { value: 'DAI XA  ' }],
      ['rds-ascii', 'ps', { value: '        ' }],
    ])
    expect(relaySim.relays()).toEqual([false, false, false, false])
  })

  it('reports disconnected within 2 s when the port vanishes and online again when it comes back', async () => {
    const relay = await save({
      name: 'Rơ-le vùng',
      role: 'zone-relay',
      family: 'relay-lcus',
      transport: { kind: 'serial', path: relayPair.a, baudRate: 9600 },
      options: {},
    })
    await statusAfter(relay.id, 'online', 0, 3000)

    const unpluggedAt = Date.now()
    await relayPair.unplug()
    const down = await statusAfter(relay.id, 'disconnected', unpluggedAt, 2000)
    expect(Date.parse(down.at) - unpluggedAt).toBeLessThan(2000)
    const failed = await services.dispatch('hardware:test', { id: relay.id }, ctx)
    expect(failed).toMatchObject({ ok: false, error: { code: 'disconnected' } })

    const backAt = Date.now()
    await relayPair.replug()
    await relaySim.start()
    await statusAfter(relay.id, 'online', backAt, 6000)
    expect(value<TestResult>(await services.dispatch('hardware:test', { id: relay.id }, ctx))).toMatchObject({
      kind: 'relay',
    })
  })

  it('keeps the devices across a restart of the app services', async () => {
    const relay = await save({
      name: 'Rơ-le',
      role: 'zone-relay',
      family: 'relay-lcus',
      transport: { kind: 'serial', path: relayPair.a, baudRate: 9600 },
      options: {},
    })
    await services.stop()
    const restartedAt = Date.now()
    services = await createAppServices({ dataDir, info: INFO, log: collectingLogger() })
    services.bus.subscribe((channel, payload) => {
      if (channel === 'hardware:status') statuses.push(payload as DeviceStatusEvent)
    })
    await statusAfter(relay.id, 'online', restartedAt, 3000)
    const listed = value<{ devices: DeviceEntry[] }>(await services.dispatch('hardware:list', {}, ctx))
    expect(listed.devices.map((d) => d.config)).toEqual([relay])
  })

  it('lists the serial ports the OS knows, each with its path, when asked for ports', async () => {
    const { ports } = value<{ ports: { path: string; manufacturer?: string }[] }>(
      await services.dispatch('hardware:ports', {}, ctx),
    )
    for (const port of ports) expect(port.path).toMatch(/^(\/dev\/|COM)/)
    // socat PTYs are virtual: the OS does not list them, which is why the form takes a typed path
    expect(ports.map((p) => p.path)).not.toContain(relayPair.a)
  })
})
