import { describe, expect, it } from 'vitest'
import { createLcusDriver, type LcusDriver } from '../../../src/main/devices/relay-lcus/lcus-driver'
import { createLcusSimulator, type LcusSimulator } from '../../../src/main/devices/relay-lcus/simulator'
import { eventually, expectSilenceNoticed, expectUnplugNoticed, waitForState } from '../../support/device-helpers'
import { useSerialBench } from '../../support/serial-bench'

describe('relay-lcus', () => {
  const bench = useSerialBench()
  let sim: LcusSimulator
  let driver: LcusDriver

  async function setUp(hasStatusQuery: boolean): Promise<void> {
    sim = await bench.simulator((transport) => createLcusSimulator({ transport, hasStatusQuery }))
    driver = await bench.driver((transport, log) =>
      createLcusDriver({ transport, log, hasStatusQuery, frameGapMs: 10 }),
    )
  }

  it('switches relays and reads the states back when the board answers the status query', async () => {
    await setUp(true)
    await driver.setRelay(1, true)
    await driver.setRelay(3, true)
    await driver.setRelay(1, false)
    expect(await driver.readRelays()).toEqual([false, false, true, false])
    expect(sim.recorder.actions({ action: 'relay' }).map((a) => a.detail)).toEqual([
      { channel: 1, isOn: true },
      { channel: 3, isOn: true },
      { channel: 1, isOn: false },
    ])
  })

  it('rejects a channel the board does not have when asked for relay 5 on a 4-channel board', async () => {
    await setUp(true)
    await expect(driver.setRelay(5, true)).rejects.toMatchObject({ code: 'invalid-input' })
  })

  it('reports unresponsive within 2 s and recovers when the board stops and resumes answering', async () => {
    await setUp(true)
    await expectSilenceNoticed(sim, driver)
  })

  it('notices an unplugged port, fails commands, and restores relay states when the port comes back', async () => {
    await setUp(true)
    await driver.setRelay(2, true)
    await expectUnplugNoticed(bench.pair, driver)
    await expect(driver.setRelay(1, true)).rejects.toMatchObject({ code: 'disconnected' })
    await bench.pair.replug()
    sim.recorder.clear()
    await sim.start()
    await waitForState(driver, 'online', 4000)
    await eventually(() => sim.recorder.actions({ action: 'relay' }).length > 0, 1000, 'restore frame')
    expect(sim.recorder.actions({ action: 'relay' })[0]?.detail).toEqual({ channel: 2, isOn: true })
    expect(bench.log.lines.some((l) => l.startsWith('warn relay-lcus:') && l.includes('disconnected'))).toBe(true)
  })

  it('keeps the commanded states when the board has no status query', async () => {
    await setUp(false)
    await driver.setAll(true)
    await driver.setRelay(4, false)
    expect(await driver.readRelays()).toEqual([true, true, true, false])
    expect(sim.relays()).toEqual([true, true, true, false])
    expect(sim.recorder.actions({ action: 'query' })).toHaveLength(0)
  })
})
