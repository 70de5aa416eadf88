/**
 * The real hardware service inside the real app services, over socat PTY pairs, with the LCUS
 * relay and PIRA ASCII RDS simulators on the far ends: what the officer does on the Thiết bị
 * screen, through the same dispatcher the bridge uses.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import type { DeviceEntry, TestResult } from '../../../src/shared/ipc/hardware'
import { createRdsAsciiSimulator } from '../../../src/main/devices/rds-ascii/simulator'
import { createLcusSimulator, type LcusSimulator } from '../../../src/main/devices/relay-lcus/simulator'
import { createSimRecorder, type SimRecorder } from '../../../src/main/devices/sim/recorder'
import { serialDevice, useHardwareServices, value } from '../../support/hardware-services'
import { useSerialBench } from '../../support/serial-bench'

const bench = useSerialBench({ pairCount: 2 })
const hw = useHardwareServices()
const relayPair = () => bench.pairAt(0)
const rdsPair = () => bench.pairAt(1)

let recorder: SimRecorder
let relaySim: LcusSimulator

beforeEach(async () => {
  recorder = createSimRecorder()
  relaySim = await bench.simulator((transport) => createLcusSimulator({ transport, recorder }), relayPair())
  await bench.simulator((transport) => createRdsAsciiSimulator({ transport, recorder }), rdsPair(), 2400)
})

const zoneRelay = (name: string) =>
  serialDevice({ name, role: 'zone-relay', family: 'relay-lcus', path: relayPair().a })

describe('hardware service over serial ports', () => {
  it('tests an LCUS relay board and a PIRA encoder through the dispatcher when both are saved', async () => {
    const since = Date.now()
    const relay = await hw.save(
      serialDevice({
        name: 'Rơ-le tăng âm',
        role: 'amplifier-relay',
        family: 'relay-lcus',
        path: relayPair().a,
        options: { channels: 4 },
      }),
    )
    const rds = await hw.save(
      serialDevice({ name: 'RDS', role: 'rds', family: 'rds-ascii', path: rdsPair().a, baudRate: 2400 }),
    )
    await Promise.all([hw.statusAfter(relay.id, 'online', since, 3000), hw.statusAfter(rds.id, 'online', since, 3000)])
    const listed = value<{ devices: DeviceEntry[] }>(await hw.dispatch('hardware:list', {}))
    expect(listed.devices.map((d) => [d.config.name, d.status.state])).toEqual([
      ['Rơ-le tăng âm', 'online'],
      ['RDS', 'online'],
    ])

    const relayResult = value<TestResult>(await hw.dispatch('hardware:test', { id: relay.id }))
    expect(relayResult).toEqual({ kind: 'relay', channel: 1, wasOn: false })
    const rdsResult = value<TestResult>(await hw.dispatch('hardware:test', { id: rds.id }))
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
    const relay = await hw.save(zoneRelay('Rơ-le vùng'))
    await hw.statusAfter(relay.id, 'online', 0, 3000)

    const unpluggedAt = Date.now()
    await relayPair().unplug()
    const down = await hw.statusAfter(relay.id, 'disconnected', unpluggedAt, 2000)
    expect(Date.parse(down.at) - unpluggedAt).toBeLessThan(2000)
    // "Thử" says what is wrong: the port has gone (cable, USB)
    const failed = await hw.dispatch('hardware:test', { id: relay.id })
    expect(failed).toMatchObject({ ok: true, value: { kind: 'problem', problem: 'no-port' } })

    const backAt = Date.now()
    await relayPair().replug()
    await relaySim.start()
    await hw.statusAfter(relay.id, 'online', backAt, 6000)
    expect(value<TestResult>(await hw.dispatch('hardware:test', { id: relay.id }))).toMatchObject({
      kind: 'relay',
    })
  })

  it('keeps the devices across a restart of the app services', async () => {
    const relay = await hw.save(zoneRelay('Rơ-le'))
    const restartedAt = await hw.restart()
    await hw.statusAfter(relay.id, 'online', restartedAt, 3000)
    const listed = value<{ devices: DeviceEntry[] }>(await hw.dispatch('hardware:list', {}))
    expect(listed.devices.map((d) => d.config)).toEqual([relay])
  })

  it('lists the serial ports the OS knows, each with its path, when asked for ports', async () => {
    const { ports } = value<{ ports: { path: string; manufacturer?: string }[] }>(
      await hw.dispatch('hardware:ports', {}),
    )
    for (const port of ports) expect(port.path).toMatch(/^(\/dev\/|COM)/)
    // socat PTYs are virtual: the OS does not list them, which is why the form takes a typed path
    expect(ports.map((p) => p.path)).not.toContain(relayPair().a)
  })
})
