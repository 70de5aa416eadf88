import { beforeEach, describe, expect, it } from 'vitest'
import { createExciterDriver } from '../../../src/main/devices/exciter/exciter-driver'
import { EXCITER_PROFILES, type ExciterProfile } from '../../../src/main/devices/exciter/exciter-profile'
import type { Exciter } from '../../../src/main/devices/exciter/exciter'
import { createRelayExciter } from '../../../src/main/devices/exciter/relay-exciter'
import { createExciterSimulator, type ExciterSimulator } from '../../../src/main/devices/exciter/simulator'
import { createLcusDriver, type LcusDriver } from '../../../src/main/devices/relay-lcus/lcus-driver'
import { createLcusSimulator, type LcusSimulator } from '../../../src/main/devices/relay-lcus/simulator'
import {
  collectingLogger,
  eventually,
  expectSilenceNoticed,
  expectUnplugNoticed,
  waitForState,
} from '../../support/device-helpers'
import { useSerialBench } from '../../support/serial-bench'

const profile = (id: string): ExciterProfile => EXCITER_PROFILES[id] as ExciterProfile

describe('exciter', () => {
  const bench = useSerialBench()
  let sim: ExciterSimulator
  let driver: Exciter

  async function setUp(id: string): Promise<void> {
    sim = await bench.simulator((transport) => createExciterSimulator({ transport, profile: profile(id) }))
    driver = await bench.driver((transport, log) => createExciterDriver({ transport, log, profile: id }))
  }

  it('sets frequency and power, switches RF and reads telemetry when the profile is daixa-bridge', async () => {
    await setUp('daixa-bridge')
    await driver.setFrequency(60.5)
    await driver.setPower(25)
    await driver.rfOn()
    sim.setCondition({ reflectedRatio: 0.04, alarms: new Set(['vswr']) })
    const telemetry = await driver.readTelemetry()
    expect(telemetry).toMatchObject({ isRfOn: true, forwardW: 24.5, reflectedW: 1, temperatureC: 35, alarms: ['vswr'] })
    expect(telemetry.vswr).toBeCloseTo(1.5, 1)
    await driver.rfOff()
    const actions = sim.recorder.actions().filter((a) => a.action !== 'read')
    expect(actions.map((a) => [a.action, a.detail])).toEqual([
      ['frequency', { mhz: 60.5 }],
      ['power', { watts: 25 }],
      ['rf', { isOn: true }],
      ['rf', { isOn: false }],
    ])
  })

  it('refuses before anything reaches the exciter when frequency or power is outside the licence', async () => {
    await setUp('daixa-bridge')
    sim.recorder.clear()
    await expect(driver.setFrequency(98.5)).rejects.toMatchObject({
      code: 'invalid-input',
      message: 'frequency 98.5 MHz is outside the commune FM band 54–68 MHz',
    })
    await expect(driver.setPower(50)).rejects.toMatchObject({ code: 'invalid-input' })
    expect(sim.recorder.actions().filter((a) => a.action !== 'read')).toEqual([])
  })

  it('speaks the Crown NAME=VALUE style and reads named alarms when the profile is crown-ascii', async () => {
    await setUp('crown-ascii')
    await driver.setFrequency(67.9)
    await driver.rfOn()
    sim.setCondition({ alarms: new Set(['fault']) })
    expect(await driver.readTelemetry()).toMatchObject({ isRfOn: true, forwardW: 10, alarms: ['fault'] })
    expect(sim.state().frequencyMHz).toBe(67.9)
  })

  it('reads telemetry and refuses RF control when the profile is the read-only srk-telemetry', async () => {
    await setUp('srk-telemetry')
    expect(driver.capabilities).toEqual({
      canSwitchRf: false,
      canSetPower: false,
      canSetFrequency: false,
      hasTelemetry: true,
      canReadRf: false,
      canReadFrequency: false,
      canReadPower: false,
    })
    expect(await driver.readTelemetry()).toEqual({ forwardW: 0, reflectedW: 0, temperatureC: 35, alarms: [] })
    await expect(driver.rfOn()).rejects.toMatchObject({ code: 'invalid-input' })
  })

  it('reports unresponsive within 2 s, then disconnected, when the exciter goes silent and is unplugged', async () => {
    await setUp('daixa-bridge')
    await expectSilenceNoticed(sim, driver)
    await expectUnplugNoticed(bench.pair, driver)
    await sim.stop()
    await bench.pair.replug()
    await sim.start()
    await waitForState(driver, 'online', 4000)
    expect(sim.state().isRfOn).toBe(false)
  })
})

describe('exciter relay fallback', () => {
  const bench = useSerialBench()
  let relaySim: LcusSimulator
  let relay: LcusDriver

  beforeEach(async () => {
    relaySim = await bench.simulator((transport) => createLcusSimulator({ transport }))
    relay = await bench.driver((transport, log) => createLcusDriver({ transport, log }))
  })

  it('switches RF with the relay and still checks the band when the exciter has no port', async () => {
    const exciter = createRelayExciter({ relay, channel: 2, log: collectingLogger() })
    await exciter.rfOn()
    await eventually(() => relaySim.relays()[1] === true, 1000, 'relay 2 on')
    expect(relaySim.relays()).toEqual([false, true, false, false])
    expect(await exciter.readTelemetry()).toEqual({ isRfOn: true, alarms: [] })
    await expect(exciter.setFrequency(100)).rejects.toMatchObject({ message: /outside the commune FM band/ })
    await expect(exciter.setFrequency(60)).rejects.toMatchObject({ message: /front panel/ })
    await exciter.rfOff()
    await eventually(() => relaySim.relays()[1] === false, 1000, 'relay 2 off')
    expect(exciter.status().state).toBe('online')
  })

  it('drives an RF-inhibit input inverted when isInhibit is set', async () => {
    const exciter = createRelayExciter({ relay, channel: 1, isInhibit: true, log: collectingLogger() })
    await exciter.rfOff()
    await eventually(() => relaySim.relays()[0] === true, 1000, 'inhibit relay on')
    await exciter.rfOn()
    await eventually(() => relaySim.relays()[0] === false, 1000, 'inhibit relay off')
  })
})
