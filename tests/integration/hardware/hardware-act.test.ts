/**
 * `hardware:act` through the real app services and dispatcher, over socat PTY pairs with the LCUS
 * relay, exciter and PIRA ASCII RDS simulators on the far ends: the on-air steps the playout
 * engine sends, and what a dead device answers.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import type { ActResult } from '../../../src/shared/ipc/hardware'
import { createExciterSimulator } from '../../../src/main/devices/exciter/simulator'
import { createRdsAsciiSimulator } from '../../../src/main/devices/rds-ascii/simulator'
import { createLcusSimulator } from '../../../src/main/devices/relay-lcus/simulator'
import { createSimRecorder, type SimRecorder } from '../../../src/main/devices/sim/recorder'
import { eventually } from '../../support/device-helpers'
import { serialDevice, useHardwareServices, value } from '../../support/hardware-services'
import { useSerialBench } from '../../support/serial-bench'

const bench = useSerialBench({ pairCount: 3 })
const hw = useHardwareServices()
let recorder: SimRecorder

beforeEach(async () => {
  recorder = createSimRecorder()
  await bench.simulator((transport) => createLcusSimulator({ transport, recorder }), bench.pairAt(0))
  await bench.simulator((transport) => createExciterSimulator({ transport, recorder }), bench.pairAt(1))
  await bench.simulator((transport) => createRdsAsciiSimulator({ transport, recorder }), bench.pairAt(2), 2400)
})

async function stationDevices() {
  const [relayPair, exciterPair, rdsPair] = [bench.pairAt(0), bench.pairAt(1), bench.pairAt(2)]
  const relay = await hw.save(
    serialDevice({
      name: 'Rơ-le tăng âm',
      role: 'amplifier-relay',
      family: 'relay-lcus',
      path: relayPair.a,
      options: { channels: 4 },
    }),
  )
  const exciter = await hw.save(
    serialDevice({ name: 'Máy phát FM', role: 'exciter', family: 'exciter', path: exciterPair.a }),
  )
  const rds = await hw.save(
    serialDevice({ name: 'RDS', role: 'rds', family: 'rds-ascii', path: rdsPair.a, baudRate: 2400 }),
  )
  for (const d of [relay, exciter, rds]) await hw.statusAfter(d.id, 'online', 0, 3000)
  return { relay, exciter, rds }
}

/** Relays and RF are switched on only while a session is on air. */
const onAir = async () =>
  value(await hw.dispatch('hardware:onair', { phase: 'begin', sessionId: 's1', untilMs: Date.now() + 60_000 }))

describe('hardware:act', () => {
  it('switches relay, RF and RDS text in the order sent when every device answers', async () => {
    const { relay, exciter, rds } = await stationDevices()
    const act = (action: object) => hw.dispatch('hardware:act', action)
    await onAir()

    value(await act({ kind: 'relay', deviceId: relay.id, channel: 2, isOn: true }))
    value(await act({ kind: 'rf', deviceId: exciter.id, isOn: true }))
    const ps = value<ActResult>(await act({ kind: 'rds-ps', deviceId: rds.id, text: 'Đài Xã' }))
    const rt = value<ActResult>(await act({ kind: 'rds-rt', deviceId: rds.id, text: 'Thông báo khẩn: bão số 3' }))
    value(await act({ kind: 'rf', deviceId: exciter.id, isOn: false }))
    value(await act({ kind: 'relay', deviceId: relay.id, channel: 2, isOn: false }))
    // An LCUS frame gets no reply: the act resolves once it is written, before the board reads it.
    await eventually(() => recorder.actions({ action: 'relay' }).length === 2, 1000, 'relay off frame')

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
    await onAir()
    await bench.pairAt(0).unplug()
    await hw.statusAfter(relay.id, 'disconnected', 0, 2000)

    const failed = await hw.dispatch('hardware:act', { kind: 'relay', deviceId: relay.id, channel: 1, isOn: true })
    expect(failed).toMatchObject({ ok: false, error: { code: 'disconnected' } })
    const rt = await hw.dispatch('hardware:act', { kind: 'rds-rt', deviceId: rds.id, text: 'Bản tin' })
    expect(rt).toMatchObject({ ok: true, value: { sentText: 'Ban tin' } })
  })

  it('refuses an action the device cannot do, and an unknown device, with clear codes', async () => {
    const { rds } = await stationDevices()
    const wrong = await hw.dispatch('hardware:act', { kind: 'rf', deviceId: rds.id, isOn: true })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    const missing = await hw.dispatch('hardware:act', { kind: 'rf', deviceId: 'nope', isOn: true })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } })
    const dtmf = await hw.dispatch('hardware:act', { kind: 'dtmf', code: '*1#' })
    expect(dtmf).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })

  it('refuses relay and RF on with conflict when no session is on air, and lets off and RDS through', async () => {
    const { relay, exciter, rds } = await stationDevices()
    const act = (action: object) => hw.dispatch('hardware:act', action)
    expect(await act({ kind: 'relay', deviceId: relay.id, channel: 1, isOn: true })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    })
    expect(await act({ kind: 'rf', deviceId: exciter.id, isOn: true })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    })
    expect(await act({ kind: 'relay', deviceId: relay.id, channel: 1, isOn: false })).toMatchObject({ ok: true })
    expect(await act({ kind: 'rds-ps', deviceId: rds.id, text: 'Đài Xã' })).toMatchObject({ ok: true })
    expect(recorder.actions({ action: 'rf' })).toEqual([])
  })
})
