/**
 * The station fails safe, against the simulators over socat pairs, through the real app services
 * and dispatcher (station-bench.ts), with sessions played as the renderer plays them
 * (station-run.ts, the engine's own roll.ts steps):
 * - a board unplugged during the session: its post-roll fails, and the replug switches it OFF;
 * - zones without a post-roll of their own still end with relays and RF off;
 * - an exciter at 100 MHz / 50 W gets no RF on, with alerts naming it, and the session goes on;
 *   with the station's plan it is set to the licensed values and read back first;
 * - a VSWR alarm on air switches RF off and alerts; the exciter shows 'alarm';
 * - an RF off the exciter refuses is retried until it lands, across a replug too;
 * - outside sessions the watchdog switches off a relay found on and alerts it.
 */
import { describe, expect, it } from 'vitest'
import { sessionPostRoll, sessionPreRoll, type SessionTemplate } from '../../../src/shared/onair/session'
import type { DeviceAction } from '../../../src/shared/onair/rundown'
import { eventually, pollFor, sleep } from '../../support/device-helpers'
import { useStation } from '../../support/station-bench'
import { playSession } from '../../support/station-run'

const station = useStation({ checkDelayMs: 200, telemetryIntervalMs: 200, watchdogIntervalMs: 1500 })
const dispatch = (channel: string, payload: unknown) => station.hw.dispatch(channel, payload)

/** Amplifier relay 1 and zone relay 3 on, RF on, a zone code; the RDS-less session the scheduler builds. */
function preRoll(): DeviceAction[] {
  const { amp, zones, exciter } = station.devices()
  return [
    { kind: 'relay', deviceId: amp.id, channel: 1, isOn: true },
    { kind: 'relay', deviceId: zones.id, channel: 3, isOn: true },
    { kind: 'rf', deviceId: exciter.id, isOn: true },
    { kind: 'dtmf', code: '*007#1' },
  ]
}

const expectAllOffWithin = (ms: number) => eventually(() => station.isAllOff(), ms, `all off (${station.describeOn()})`)

describe('station safety (simulators over socat)', () => {
  it('switches the relays off on the replug when the board was unplugged during the session and its post-roll failed', async () => {
    const { amp } = station.devices()
    const records = await playSession(
      dispatch,
      { sessionId: 's1', preRoll: preRoll(), postRoll: [], rds: null },
      {
        onAir: async () => {
          await eventually(() => station.sims().amp.relays()[0] === true, 1000, 'amp relay 1 on')
          await station.unplug('amp')
          await station.hw.statusAfter(amp.id, 'disconnected', 0, 2000)
        },
      },
    )
    const ampOff = records.find((r) => r.phase === 'post-roll' && r.step.kind === 'relay' && r.step.deviceId === amp.id)
    expect(ampOff?.result).toMatchObject({ ok: false, error: { code: 'disconnected' } })
    // the board kept its power: relay 1 is still on while unplugged
    expect(station.sims().amp.relays()[0]).toBe(true)
    await sleep(500)
    const replugAt = Date.now()
    await station.replug('amp')
    const online = await station.hw.statusAfter(amp.id, 'online', replugAt, 6000)
    await expectAllOffWithin(5000)
    expect(Date.now() - Date.parse(online.at)).toBeLessThan(5000)
    // never switched back ON by the replug
    const afterReplug = station.recorder.actions({ device: 'amp', action: 'relay' }).filter((a) => a.at >= replugAt)
    expect(afterReplug.map((a) => a.detail)).toEqual([{ channel: 1, isOn: false }])
  })

  it('ends a session whose zones have codes but no post-roll of their own with relays and RF off', async () => {
    const { amp, exciter } = station.devices()
    const template: SessionTemplate = {
      id: 'sang',
      label: 'Buổi sáng',
      start: '05:30',
      lengthMin: 30,
      isEnabled: true,
      preRoll: preRoll().filter((s) => s.kind !== 'dtmf'),
      postRoll: [],
      zones: [{ name: 'Thôn Đông', onCode: '*007#1', offCode: '*007#0' }],
      rds: null,
    }
    const session = {
      sessionId: 'sang',
      preRoll: sessionPreRoll(template),
      postRoll: sessionPostRoll(template),
      rds: null,
    }
    // the zone's off code makes the post-roll non-empty: it must not replace the offs
    expect(session.postRoll).toEqual([{ kind: 'dtmf', code: '*007#0', repeat: 2 }])
    const records = await playSession(dispatch, session, {
      onAir: () => eventually(() => station.sims().exciter.state().isRfOn, 1000, 'RF on'),
    })
    const post = records.filter((r) => r.phase === 'post-roll').map((r) => r.step)
    expect(post).toEqual([
      { kind: 'dtmf', code: '*007#0', repeat: 2 },
      { kind: 'rf', deviceId: exciter.id, isOn: false },
      { kind: 'relay', deviceId: station.devices().zones.id, channel: 3, isOn: false },
      { kind: 'relay', deviceId: amp.id, channel: 1, isOn: false },
    ])
    await expectAllOffWithin(5000)
    await sleep(400)
    expect(station.hw.alerts).toEqual([])
  })

  it('refuses RF on an exciter reporting 100 MHz / 50 W with alerts naming it, and the session goes on', async () => {
    const { exciter, amp } = station.devices()
    station.sims().exciter.setPanel({ frequencyMHz: 100, powerW: 50 })
    const records = await playSession(dispatch, { sessionId: 's2', preRoll: preRoll(), postRoll: [], rds: null })
    const rfOn = records.find((r) => r.step.kind === 'rf' && r.step.isOn)
    expect(rfOn?.result).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(records.find((r) => r.step.kind === 'relay' && r.step.deviceId === amp.id)?.result).toMatchObject({
      ok: true,
    })
    // the carrier never came up (the post-roll's RF off is the only RF command it got)
    expect(station.recorder.actions({ device: 'exciter', action: 'rf' }).map((a) => a.detail)).toEqual([
      { isOn: false },
    ])
    expect(station.hw.alerts.map((a) => [a.kind, a.deviceName, a.reason, a.value])).toEqual([
      ['licence-refused', 'Máy phát FM', 'frequency', 100],
      ['licence-refused', 'Máy phát FM', 'power', 50],
    ])
    expect(station.hw.alerts[0]?.deviceId).toBe(exciter.id)
    await expectAllOffWithin(5000)
  })

  it('sets the planned frequency and power before RF on and reads them back when the exciter can', async () => {
    const { exciter } = station.devices()
    await station.hw.save({ ...exciter, options: { ...exciter.options, frequencyMHz: 60.5, powerW: 25 } })
    await station.hw.statusAfter(exciter.id, 'online', Date.now(), 4000)
    station.sims().exciter.setPanel({ frequencyMHz: 100, powerW: 50 })
    station.recorder.clear()
    const act = await dispatch('hardware:onair', { phase: 'begin', sessionId: 's3', untilMs: Date.now() + 60_000 })
    expect(act).toMatchObject({ ok: true })
    expect(await dispatch('hardware:act', { kind: 'rf', deviceId: exciter.id, isOn: true })).toMatchObject({
      ok: true,
      value: { settleMs: 1500 },
    })
    const journal = station.recorder
      .actions({ device: 'exciter' })
      .filter((a) => a.action !== 'read' || a.detail['what'] === 'frequency' || a.detail['what'] === 'power')
    expect(journal.map((a) => `${a.action}:${JSON.stringify(a.detail)}`)).toEqual([
      'frequency:{"mhz":60.5}',
      'power:{"watts":25}',
      'read:{"what":"frequency"}',
      'read:{"what":"power"}',
      'rf:{"isOn":true}',
    ])
    await dispatch('hardware:onair', {
      phase: 'end',
      sessionId: 's3',
      safe: [{ kind: 'rf', deviceId: exciter.id, isOn: false }],
    })
    await expectAllOffWithin(5000)
  })

  it('switches RF off and alerts when the exciter raises a VSWR alarm on air', async () => {
    const { exciter } = station.devices()
    await playSession(
      dispatch,
      { sessionId: 's4', preRoll: preRoll(), postRoll: [], rds: null },
      {
        onAir: async () => {
          await eventually(() => station.sims().exciter.state().isRfOn, 1000, 'RF on')
          const at = Date.now()
          station.sims().exciter.setCondition({ alarms: new Set(['vswr']) })
          await eventually(() => !station.sims().exciter.state().isRfOn, 2000, 'RF off on the alarm')
          expect(Date.now() - at).toBeLessThan(1500)
          const alarm = await station.hw.statusAfter(exciter.id, 'alarm', at, 2000)
          expect(alarm.detail).toContain('vswr')
          // the rest of the station stays on for the programme
          expect(station.sims().amp.relays()[0]).toBe(true)
        },
      },
    )
    expect(station.hw.alerts.map((a) => [a.kind, a.deviceName, a.reason])).toEqual([
      ['telemetry-trip', 'Máy phát FM', 'vswr'],
    ])
    await expectAllOffWithin(5000)
  })

  it('retries an RF off the exciter refuses until it lands, across a replug too', async () => {
    const { exciter } = station.devices()
    const sim = station.sims().exciter
    await playSession(
      dispatch,
      { sessionId: 's5', preRoll: preRoll(), postRoll: [], rds: null },
      {
        onAir: async () => {
          await eventually(() => sim.state().isRfOn, 1000, 'RF on')
          sim.setBusy(true)
        },
      },
    )
    // the post-roll's RF off was refused: RF is still on
    await sleep(300)
    expect(sim.state().isRfOn).toBe(true)
    expect(station.recorder.actions({ device: 'exciter', action: 'refused' }).length).toBeGreaterThan(0)
    await station.unplug('exciter')
    await station.hw.statusAfter(exciter.id, 'disconnected', 0, 2000)
    await sleep(300)
    await station.replug('exciter')
    await sleep(1000)
    expect(sim.state().isRfOn).toBe(true)
    const refusedBefore = station.recorder.actions({ device: 'exciter', action: 'refused' }).length
    sim.setBusy(false)
    const freedAt = Date.now()
    await pollFor(
      () => (sim.state().isRfOn ? undefined : true),
      6000,
      () => 'RF off once the exciter takes it',
    )
    expect(Date.now() - freedAt).toBeLessThan(5500)
    expect(refusedBefore).toBeGreaterThan(2)
    await expectAllOffWithin(1000)
  })

  it('switches off a relay found on outside any session, with an alert naming the board', async () => {
    const { amp } = station.devices()
    station.sims().amp.force([false, true, false, false])
    await expectAllOffWithin(4000)
    const alert = await pollFor(
      () => station.hw.alerts.find((a) => a.kind === 'left-on'),
      1000,
      () => 'left-on alert',
    )
    expect(alert).toMatchObject({ deviceId: amp.id, deviceName: 'Rơ-le tăng âm', channel: 2 })
  })

  it('switches off what a session switched on when the app is closed during it', async () => {
    const { amp } = station.devices()
    await dispatch('hardware:onair', { phase: 'begin', sessionId: 's6', untilMs: Date.now() + 60_000 })
    for (const action of preRoll().filter((s) => s.kind !== 'dtmf')) {
      expect(await dispatch('hardware:act', action)).toMatchObject({ ok: true })
    }
    await eventually(
      () => station.sims().amp.relays()[0] === true && station.sims().exciter.state().isRfOn,
      1000,
      'on air',
    )
    await station.hw.closeApp()
    expect(station.describeOn()).toBe(
      JSON.stringify({
        amp: [false, false, false, false],
        zones: Array(8).fill(false),
        exciterRf: false,
        spare: [false, false],
      }),
    )
    expect(station.hw.statuses.filter((s) => s.id === amp.id).at(-1)?.state).toBe('stopped')
  })
})
