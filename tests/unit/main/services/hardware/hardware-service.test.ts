import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DeviceConfig, DeviceDraft } from '../../../../../src/shared/ipc/hardware'
import { ServiceError } from '../../../../../src/shared/result'
import { createHardwareService, type HardwareService } from '../../../../../src/main/services/hardware/hardware-service'
import { collectingLogger } from '../../../helpers/collecting-logger'
import { tempDirs } from '../../../helpers/temp-dir'
import { fakeFactory } from './fake-drivers'
import { lcusDraft, recordingBus, type RecordingBus } from './hardware-helpers'

const dirs = tempDirs()
let dataDir: string
let bus: RecordingBus
let factory: ReturnType<typeof fakeFactory>
let service: HardwareService
let log: ReturnType<typeof collectingLogger>

const make = () => createHardwareService({ dataDir, log, bus, createDriver: factory, pulseMs: 5 })

beforeEach(async () => {
  dataDir = await dirs.make()
  bus = recordingBus()
  factory = fakeFactory()
  log = collectingLogger()
  service = make()
  await service.start()
})

afterEach(async () => {
  await service.stop()
  await dirs.cleanup()
})

async function addOnline(draft: DeviceDraft): Promise<DeviceConfig> {
  const config = await service.save(draft)
  factory.latest(config.id).report('online')
  return config
}

const exciterDraft = (relayDeviceId: string, channel: number, isInhibit = false): DeviceDraft => ({
  name: 'Máy phát',
  role: 'exciter',
  family: 'exciter-relay',
  options: { relayDeviceId, channel, isInhibit },
})

describe('hardware-service', () => {
  it('forwards every status a driver reports to the bus and lists the latest one', async () => {
    const config = await service.save(lcusDraft('/dev/ttyUSB0'))
    const relay = factory.latest(config.id)
    relay.report('online')
    relay.report('unresponsive', 'no reply to 2 polls')
    const mine = bus.statuses.filter((s) => s.id === config.id)
    expect(mine.map((s) => s.state)).toEqual(['connecting', 'online', 'unresponsive'])
    expect(mine[2]).toMatchObject({ detail: 'no reply to 2 polls' })
    expect(Number.isNaN(Date.parse(mine[2]?.at ?? ''))).toBe(false)
    expect(service.list()).toEqual([{ config, status: mine[2] }])
  })

  it('gives a new device a UUIDv7, saves it to hardware.json and starts its driver when saved', async () => {
    const config = await service.save(lcusDraft('/dev/ttyUSB0'))
    expect(config.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(config.options).toEqual({ channels: 4, hasStatusQuery: true })
    const onDisk = JSON.parse(await readFile(join(dataDir, 'hardware.json'), 'utf8')) as { devices: unknown[] }
    expect(onDisk.devices).toEqual([config])
    expect(factory.latest(config.id).isRunning).toBe(true)
  })

  it('starts the saved devices again when a new service starts on the same data folder', async () => {
    const config = await service.save(lcusDraft('/dev/ttyUSB0'))
    await service.stop()
    service = make()
    await service.start()
    expect(service.list().map((e) => [e.config, e.status.state])).toEqual([[config, 'connecting']])
    expect(factory.made.filter((r) => r.configId === config.id)).toHaveLength(2)
    expect(factory.latest(config.id).isRunning).toBe(true)
  })

  it('restarts only the edited device when one of two is saved again', async () => {
    const first = await addOnline(lcusDraft('/dev/ttyUSB0'))
    const second = await addOnline(lcusDraft('/dev/ttyUSB1'))
    const oldFirst = factory.latest(first.id)
    const oldSecond = factory.latest(second.id)
    const edited = await service.save({ ...first, name: 'Rơ-le vùng 2', options: { channels: 8 } } as DeviceDraft)
    expect(edited).toMatchObject({ id: first.id, name: 'Rơ-le vùng 2', options: { channels: 8 } })
    expect(oldFirst.isRunning).toBe(false)
    expect(factory.latest(first.id)).not.toBe(oldFirst)
    expect(factory.latest(first.id).channels).toBe(8)
    expect(oldSecond.isRunning).toBe(true)
    expect(factory.latest(second.id)).toBe(oldSecond)
    expect(bus.statuses.filter((s) => s.id === second.id).map((s) => s.state)).toEqual(['connecting', 'online'])
  })

  it("refuses a second device on the same port with 'conflict' unless one of them is disabled", async () => {
    await service.save(lcusDraft('/dev/ttyUSB0'))
    await expect(service.save(lcusDraft('/dev/ttyUSB0'))).rejects.toMatchObject({ code: 'conflict' })
    const spare = await service.save(lcusDraft('/dev/ttyUSB0', { isEnabled: false }))
    expect(service.list()).toHaveLength(2)
    await expect(service.save({ ...spare, isEnabled: true })).rejects.toMatchObject({ code: 'conflict' })
  })

  it("answers 'not-found' when saving an id that does not exist", async () => {
    await expect(
      service.save({ ...lcusDraft('/dev/ttyUSB0'), id: '0190d3a4-1c2b-7def-8123-456789abcdef' }),
    ).rejects.toMatchObject({ code: 'not-found' })
    expect(service.list()).toEqual([])
  })

  it("shows a disabled device as stopped and answers 'disconnected' when it is tested", async () => {
    const config = await service.save(lcusDraft('/dev/ttyUSB0', { isEnabled: false }))
    expect(service.list()[0]?.status.state).toBe('stopped')
    expect(factory.made).toHaveLength(0)
    await expect(service.test(config.id)).rejects.toMatchObject({ code: 'disconnected' })
  })

  it('stops the driver and forgets the device when it is removed', async () => {
    const config = await addOnline(lcusDraft('/dev/ttyUSB0'))
    const relay = factory.latest(config.id)
    expect(await service.remove(config.id)).toEqual({ removed: true })
    expect(relay.isRunning).toBe(false)
    expect(bus.statuses.at(-1)).toMatchObject({ id: config.id, state: 'stopped' })
    expect(service.list()).toEqual([])
    expect(JSON.parse(await readFile(join(dataDir, 'hardware.json'), 'utf8'))).toEqual({ version: 1, devices: [] })
    expect(await service.remove(config.id)).toEqual({ removed: false })
  })

  it('pulses relay 1 on then off when a relay board is tested', async () => {
    const config = await addOnline(lcusDraft('/dev/ttyUSB0'))
    expect(await service.test(config.id)).toEqual({ kind: 'relay', channel: 1, wasOn: false })
    expect(factory.latest(config.id).switched).toEqual(['1:on', '1:off'])
  })

  it('leaves relay 1 alone when it is already on (it may feed the amplifiers on air)', async () => {
    const config = await addOnline(lcusDraft('/dev/ttyUSB0'))
    const relay = factory.latest(config.id)
    relay.states[0] = true
    expect(await service.test(config.id)).toEqual({ kind: 'relay', channel: 1, wasOn: true })
    expect(relay.switched).toEqual([])
    expect(relay.states[0]).toBe(true)
  })

  it('diagnoses a silent device, answers io for a wrong reply and for anything unexpected', async () => {
    const config = await service.save(lcusDraft('/dev/ttyUSB0'))
    const relay = factory.latest(config.id)
    relay.report('disconnected')
    expect(await service.test(config.id)).toEqual({ kind: 'problem', problem: 'no-port' })
    relay.report('online')
    relay.failWith = new ServiceError('io', 'no reply to status query within 500 ms')
    expect(await service.test(config.id)).toEqual({ kind: 'problem', problem: 'no-status-reply' })
    relay.failWith = new ServiceError('io', 'bad checksum in status reply')
    await expect(service.test(config.id)).rejects.toMatchObject({ code: 'io', message: 'bad checksum in status reply' })
    relay.failWith = new Error('EBADF')
    await expect(service.test(config.id)).rejects.toMatchObject({ code: 'io', message: 'EBADF' })
    await expect(service.test('0190d3a4-1c2b-7def-8123-456789abcdef')).rejects.toMatchObject({ code: 'not-found' })
    expect(log.lines.some((l) => l.startsWith('warn hardware: test of'))).toBe(true)
  })

  it('reads RF state through the relay channel when an exciter is switched by a relay board', async () => {
    const board = await addOnline(lcusDraft('/dev/ttyUSB0'))
    const exciter = await service.save(exciterDraft(board.id, 2, true))
    expect(service.list().find((e) => e.config.id === exciter.id)?.status.state).toBe('online')
    expect(await service.test(exciter.id)).toEqual({ kind: 'exciter-relay', channel: 2, isRfOn: true })
    factory.latest(board.id).states[1] = true
    expect(await service.test(exciter.id)).toEqual({ kind: 'exciter-relay', channel: 2, isRfOn: false })
  })

  it('follows the relay board: its exciter goes down with it and is rebuilt when the board is saved', async () => {
    const board = await addOnline(lcusDraft('/dev/ttyUSB0'))
    const exciter = await service.save(exciterDraft(board.id, 1))
    factory.latest(board.id).report('disconnected', 'port closed')
    expect(bus.statuses.at(-1)).toMatchObject({ id: exciter.id, state: 'disconnected' })
    await service.save({ ...board, name: 'Rơ-le mới' })
    factory.latest(board.id).report('online')
    expect(bus.statuses.at(-1)).toMatchObject({ id: exciter.id, state: 'online' })
    expect(await service.test(exciter.id)).toMatchObject({ kind: 'exciter-relay', isRfOn: false })
  })

  it("refuses an exciter on a missing board or channel, and removing or shrinking its board with 'conflict'", async () => {
    const board = await addOnline(lcusDraft('/dev/ttyUSB0'))
    await expect(service.save(exciterDraft('0190d3a4-1c2b-7def-8123-456789abcdef', 1))).rejects.toMatchObject({
      code: 'invalid-input',
    })
    await expect(service.save(exciterDraft(board.id, 5))).rejects.toMatchObject({ code: 'invalid-input' })
    await service.save(exciterDraft(board.id, 4))
    await expect(service.remove(board.id)).rejects.toMatchObject({ code: 'conflict' })
    await expect(service.save({ ...board, options: { channels: 2 } } as DeviceDraft)).rejects.toMatchObject({
      code: 'conflict',
    })
    expect(service.list()).toHaveLength(2)
  })

  it('stops every driver and reports them stopped when the service stops', async () => {
    const board = await addOnline(lcusDraft('/dev/ttyUSB0'))
    const exciter = await service.save(exciterDraft(board.id, 1))
    await service.stop()
    expect(factory.latest(board.id).isRunning).toBe(false)
    const last = (id: string) => bus.statuses.filter((s) => s.id === id).at(-1)?.state
    expect([last(board.id), last(exciter.id)]).toEqual(['stopped', 'stopped'])
  })
})
