/**
 * The real factory and test actions, family by family, against the device simulators over TCP
 * (a serial-to-LAN converter in the field). Serial ports are covered by tests/integration/hardware.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { newId } from '../../../../../src/shared/ids'
import { deviceConfigSchema, type DeviceDraft } from '../../../../../src/shared/ipc/hardware'
import { createExciterSimulator } from '../../../../../src/main/devices/exciter/simulator'
import { createRdsAsciiSimulator } from '../../../../../src/main/devices/rds-ascii/simulator'
import { createUecpSimulator } from '../../../../../src/main/devices/rds-uecp/simulator'
import { createLcusSimulator } from '../../../../../src/main/devices/relay-lcus/simulator'
import { createModbusRelaySimulator } from '../../../../../src/main/devices/relay-modbus/simulator'
import type { DeviceSimulator } from '../../../../../src/main/devices/sim/simulator-core'
import { createTcpServerTransport } from '../../../../../src/main/devices/transport/tcp-server-transport'
import { createHardwareDriver, createTransport } from '../../../../../src/main/services/hardware/driver-factory'
import { createHardwareService, type HardwareService } from '../../../../../src/main/services/hardware/hardware-service'
import { collectingLogger } from '../../../helpers/collecting-logger'
import { tempDirs } from '../../../helpers/temp-dir'
import { recordingBus, tcpDraft, type RecordingBus } from './hardware-helpers'

const dirs = tempDirs()
let service: HardwareService
let bus: RecordingBus
let sim: DeviceSimulator | null = null

beforeEach(async () => {
  bus = recordingBus()
  service = createHardwareService({ dataDir: await dirs.make(), log: collectingLogger(), bus, pulseMs: 20 })
  await service.start()
})

afterEach(async () => {
  await service.stop()
  await sim?.stop()
  sim = null
  await dirs.cleanup()
})

/** A simulator listening on a free TCP port, and a saved device pointing at it, online. */
async function deviceFor(
  make: (server: ReturnType<typeof createTcpServerTransport>) => DeviceSimulator,
  family: DeviceDraft['family'],
  options: object = {},
  state: 'online' | 'unresponsive' = 'online',
) {
  const server = createTcpServerTransport({ port: 0 })
  sim = make(server)
  await sim.start()
  const config = await service.save(tcpDraft(family, server.port(), options))
  await bus.waitFor(config.id, state)
  return config
}

describe('hardware driver factory', () => {
  it('names the transport after the connection settings when serial or TCP is chosen', () => {
    const serial = createTransport({
      kind: 'serial',
      path: '/dev/ttyUSB0',
      baudRate: 9600,
      dataBits: 8,
      parity: 'none',
      stopBits: 1,
    })
    expect(serial.name).toBe('serial:/dev/ttyUSB0')
    expect(createTransport({ kind: 'tcp', host: '192.168.1.20', port: 4001 }).name).toBe('tcp:192.168.1.20:4001')
  })

  it('builds the driver kind and capabilities each family needs when asked', () => {
    const build = (draft: DeviceDraft) =>
      createHardwareDriver(deviceConfigSchema.parse({ ...draft, id: newId() }), {
        log: collectingLogger(),
        relayOf: () => null,
      })
    const lcus = build(tcpDraft('relay-lcus', 1, { channels: 8 }))
    expect(lcus.kind === 'relay' && lcus.device.channels).toBe(8)
    const modbus = build(tcpDraft('relay-modbus', 1, { channels: 16, unitId: 255 }))
    expect(modbus.kind === 'relay' && modbus.device.channels).toBe(16)
    const ascii = build(tcpDraft('rds-ascii', 1))
    expect(ascii.kind === 'rds' && [ascii.isAcknowledged, typeof ascii.readPs]).toEqual([true, 'function'])
    const uecp = build(tcpDraft('rds-uecp', 1))
    expect(uecp.kind === 'rds' && [uecp.isAcknowledged, uecp.readPs]).toEqual([false, undefined])
    const srk = build(tcpDraft('exciter', 1, { profile: 'srk-telemetry' }))
    expect(srk.kind === 'exciter' && srk.device.capabilities).toEqual({
      canSwitchRf: false,
      canSetPower: false,
      canSetFrequency: false,
      hasTelemetry: true,
      canReadRf: false,
      canReadFrequency: false,
      canReadPower: false,
    })
    expect(() =>
      build({ name: 'RF', role: 'exciter', family: 'exciter-relay', options: { relayDeviceId: newId(), channel: 1 } }),
    ).toThrow(expect.objectContaining({ code: 'disconnected' }) as Error)
  })

  it('pulses relay 1 on an LCUS board on a LAN port when tested', async () => {
    const config = await deviceFor((t) => createLcusSimulator({ transport: t }), 'relay-lcus')
    expect(await service.test(config.id)).toEqual({ kind: 'relay', channel: 1, wasOn: false })
    expect(sim?.recorder.actions({ action: 'relay' }).map((a) => a.detail)).toEqual([
      { channel: 1, isOn: true },
      { channel: 1, isOn: false },
    ])
  })

  it('pulses coil 0 of a Modbus relay module with unit id 255 when tested', async () => {
    const config = await deviceFor((t) => createModbusRelaySimulator({ transport: t, unitId: 255 }), 'relay-modbus', {
      unitId: 255,
    })
    expect(await service.test(config.id)).toEqual({ kind: 'relay', channel: 1, wasOn: false })
    expect(sim?.recorder.actions({ action: 'relay' }).map((a) => a.detail)).toEqual([
      { channel: 1, isOn: true },
      { channel: 1, isOn: false },
    ])
  })

  it('sends PS "DAI XA", reads it back and puts the previous PS back on a PIRA ASCII encoder', async () => {
    const config = await deviceFor((t) => createRdsAsciiSimulator({ transport: t }), 'rds-ascii')
    expect(await service.test(config.id)).toEqual({
      kind: 'rds',
      ps: 'DAI XA',
      readBack: 'DAI XA',
      isAcknowledged: true,
    })
    expect(sim?.recorder.actions({ action: 'ps' }).map((a) => a.detail.value)).toEqual(['DAI XA  ', '        '])
  })

  it('waits for the ACK when a UECP encoder is bidirectional', async () => {
    let uecp: ReturnType<typeof createUecpSimulator> | undefined
    const config = await deviceFor(
      (t) => (uecp = createUecpSimulator({ transport: t, mode: 'bidirectional' })),
      'rds-uecp',
      {
        mode: 'bidirectional',
      },
    )
    expect(await service.test(config.id)).toEqual({ kind: 'rds', ps: 'DAI XA', readBack: null, isAcknowledged: true })
    expect(uecp?.state().ps).toBe('DAI XA  ')
  })

  it('reads telemetry and switches nothing when an exciter is tested', async () => {
    let exciter: ReturnType<typeof createExciterSimulator> | undefined
    const config = await deviceFor((t) => (exciter = createExciterSimulator({ transport: t })), 'exciter', {
      frequencyMHz: 62.5,
      licenceMaxPowerW: 20,
    })
    const result = await service.test(config.id)
    expect(result).toEqual({
      kind: 'exciter',
      telemetry: expect.objectContaining({ isRfOn: false, forwardW: 0, temperatureC: 35, alarms: [] }) as object,
      outOfLicence: [],
    })
    expect(exciter?.recorder.actions().filter((a) => a.action !== 'read')).toEqual([])
    expect(exciter?.state().isRfOn).toBe(false)
  })

  it("answers 'no-answer' within the reply timeout when the device hangs during a test", async () => {
    const config = await deviceFor((t) => createRdsAsciiSimulator({ transport: t }), 'rds-ascii')
    sim?.setResponsive(false)
    const startedAt = Date.now()
    expect(await service.test(config.id)).toEqual({ kind: 'problem', problem: 'no-answer' })
    expect(Date.now() - startedAt).toBeLessThan(2000)
    await bus.waitFor(config.id, 'unresponsive', 3000)
  })

  it('tells an exciter at 100 MHz / 50 W from a licensed one when it is tested', async () => {
    let exciter: ReturnType<typeof createExciterSimulator> | undefined
    const config = await deviceFor((t) => (exciter = createExciterSimulator({ transport: t })), 'exciter')
    exciter?.setPanel({ frequencyMHz: 100, powerW: 50 })
    const result = await service.test(config.id)
    expect(result).toMatchObject({
      kind: 'exciter',
      telemetry: { frequencyMHz: 100, powerSetW: 50 },
      outOfLicence: ['frequency', 'power'],
    })
  })

  it('says which unit id answers when a Modbus board is set to the wrong one', async () => {
    const config = await deviceFor(
      (t) => createModbusRelaySimulator({ transport: t, unitId: 255 }),
      'relay-modbus',
      { unitId: 1 },
      'unresponsive',
    )
    expect(await service.test(config.id)).toEqual({ kind: 'problem', problem: 'wrong-unit', unitId: 255 })
  })

  it('says an LCUS board does not answer status queries when it is an LCUS-1 set as LCUS-4', async () => {
    const config = await deviceFor(
      (t) => createLcusSimulator({ transport: t, hasStatusQuery: false }),
      'relay-lcus',
      { hasStatusQuery: true },
      'unresponsive',
    )
    expect(await service.test(config.id)).toEqual({ kind: 'problem', problem: 'no-status-reply' })
  })
})
