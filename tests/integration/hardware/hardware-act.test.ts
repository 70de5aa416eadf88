/**
 * `hardware:act` through the real app services and dispatcher, over socat PTY pairs with the LCUS
 * relay, exciter and PIRA ASCII RDS simulators on the far ends: the on-air steps the playout
 * engine sends, and what a dead device answers.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ActResult, DeviceConfig, DeviceStatusEvent } from '../../../src/shared/ipc/hardware'
import type { Result } from '../../../src/shared/result'
import { createAppServices, type AppServices } from '../../../src/main/app-services'
import { createExciterSimulator } from '../../../src/main/devices/exciter/simulator'
import { createRdsAsciiSimulator } from '../../../src/main/devices/rds-ascii/simulator'
import { createLcusSimulator } from '../../../src/main/devices/relay-lcus/simulator'
import { createSimRecorder, type SimRecorder } from '../../../src/main/devices/sim/recorder'
import type { DeviceSimulator } from '../../../src/main/devices/sim/simulator-core'
import { createSerialTransport } from '../../../src/main/devices/transport/serial-transport'
import { collectingLogger, eventually } from '../devices/helpers'
import { startSocatPair, type SocatPair } from '../devices/socat-pair'

const INFO = { version: '0.0.0-test', host: 'browser', platform: 'linux', mediaBaseUrl: '/media/' } as const
const ctx = { sender: 'test' }

let dataDir: string
let services: AppServices
let pairs: SocatPair[]
let sims: DeviceSimulator[]
let recorder: SimRecorder
let statuses: DeviceStatusEvent[]

const port = (path: string, baudRate: 9600 | 2400) => createSerialTransport({ path, baudRate })

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`)
  return result.value as T
}

async function save(draft: object): Promise<DeviceConfig> {
  return value<DeviceConfig>(await services.dispatch('hardware:save', draft, ctx))
}

const isOnline = (id: string) => () => statuses.some((s) => s.id === id && s.state === 'online')

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'daixa-act-'))
  pairs = await Promise.all([startSocatPair(), startSocatPair(), startSocatPair()])
  const [relayPair, exciterPair, rdsPair] = pairs as [SocatPair, SocatPair, SocatPair]
  recorder = createSimRecorder()
  sims = [
    createLcusSimulator({ transport: port(relayPair.b, 9600), recorder }),
    createExciterSimulator({ transport: port(exciterPair.b, 9600), recorder }),
    createRdsAsciiSimulator({ transport: port(rdsPair.b, 2400), recorder }),
  ]
  await Promise.all(sims.map((s) => s.start()))
  services = await createAppServices({ dataDir, info: INFO, log: collectingLogger() })
  statuses = []
  services.bus.subscribe((channel, payload) => {
    if (channel === 'hardware:status') statuses.push(payload as DeviceStatusEvent)
  })
})

afterEach(async () => {
  await services.stop()
  await Promise.all(sims.map((s) => s.stop()))
  await Promise.all(pairs.map((p) => p.stop()))
  await rm(dataDir, { recursive: true, force: true })
})

async function stationDevices() {
  const [relayPair, exciterPair, rdsPair] = pairs as [SocatPair, SocatPair, SocatPair]
  const relay = await save({
    name: 'Rơ-le tăng âm',
    role: 'amplifier-relay',
    family: 'relay-lcus',
    transport: { kind: 'serial', path: relayPair.a, baudRate: 9600 },
    options: { channels: 4 },
  })
  const exciter = await save({
    name: 'Máy phát FM',
    role: 'exciter',
    family: 'exciter',
    transport: { kind: 'serial', path: exciterPair.a, baudRate: 9600 },
    options: {},
  })
  const rds = await save({
    name: 'RDS',
    role: 'rds',
    family: 'rds-ascii',
    transport: { kind: 'serial', path: rdsPair.a, baudRate: 2400 },
    options: {},
  })
  for (const d of [relay, exciter, rds]) await eventually(isOnline(d.id), 3000, `${d.name} online`)
  return { relay, exciter, rds }
}

describe('hardware:act', () => {
  it('switches relay, RF and RDS text in the order sent when every device answers', async () => {
    const { relay, exciter, rds } = await stationDevices()
    const act = (action: object) => services.dispatch('hardware:act', action, ctx)

    value(await act({ kind: 'relay', deviceId: relay.id, channel: 2, isOn: true }))
    value(await act({ kind: 'rf', deviceId: exciter.id, isOn: true }))
    const ps = value<ActResult>(await act({ kind: 'rds-ps', deviceId: rds.id, text: 'Đài Xã' }))
    const rt = value<ActResult>(await act({ kind: 'rds-rt', deviceId: rds.id, text: 'Thông báo khẩn: bão số 3' }))
    value(await act({ kind: 'rf', deviceId: exciter.id, isOn: false }))
    value(await act({ kind: 'relay', deviceId: relay.id, channel: 2, isOn: false }))

    expect(ps).toMatchObject({ kind: 'rds-ps', deviceId: rds.id, sentText: 'Dai Xa  ' })
    expect(rt).toMatchObject({ kind: 'rds-rt', sentText: 'Thong bao khan: bao so 3' })
    const timeline = recorder
      .actions()
      .filter((a) => ['relay', 'rf', 'ps', 'rt1'].includes(a.action))
      .map((a) => `${a.action}:${JSON.stringify(a.detail)}`)
    expect(timeline).toEqual([
      'relay:{"channel":2,"isOn":true}',
      'rf:{"isOn":true}',
      'ps:{"value":"Dai Xa  "}',
      'rt1:{"value":"Thong bao khan: bao so 3"}',
      'rf:{"isOn":false}',
      'relay:{"channel":2,"isOn":false}',
    ])
  })

  it('fails the action with disconnected when the device is unplugged, and the others still work', async () => {
    const { relay, rds } = await stationDevices()
    await pairs[0]?.unplug()
    await eventually(
      () => statuses.some((s) => s.id === relay.id && s.state === 'disconnected'),
      2000,
      'relay disconnected',
    )

    const failed = await services.dispatch(
      'hardware:act',
      { kind: 'relay', deviceId: relay.id, channel: 1, isOn: true },
      ctx,
    )
    expect(failed).toMatchObject({ ok: false, error: { code: 'disconnected' } })
    const rt = await services.dispatch('hardware:act', { kind: 'rds-rt', deviceId: rds.id, text: 'Bản tin' }, ctx)
    expect(rt).toMatchObject({ ok: true, value: { sentText: 'Ban tin' } })
  })

  it('refuses an action the device cannot do, and an unknown device, with clear codes', async () => {
    const { rds } = await stationDevices()
    const wrong = await services.dispatch('hardware:act', { kind: 'rf', deviceId: rds.id, isOn: true }, ctx)
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    const missing = await services.dispatch('hardware:act', { kind: 'rf', deviceId: 'nope', isOn: true }, ctx)
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } })
    const dtmf = await services.dispatch('hardware:act', { kind: 'dtmf', code: '*1#' }, ctx)
    expect(dtmf).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })
})
