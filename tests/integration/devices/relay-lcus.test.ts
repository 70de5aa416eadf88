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

  it('notices an unplugged port, fails commands, and applies the wanted states when the port comes back', async () => {
    await setUp(true)
    await driver.setRelay(2, true)
    await expectUnplugNoticed(bench.pair, driver)
    // the command fails, but what the station wants is kept and applied on the replug
    await expect(driver.setRelay(1, true)).rejects.toMatchObject({ code: 'disconnected' })
    // the simulator closes its end of the vanished port and opens the new one (its relays kept)
    await sim.stop()
    await bench.pair.replug()
    sim.recorder.clear()
    await sim.start()
    await waitForState(driver, 'online', 4000)
    await eventually(() => sim.relays()[0] === true && sim.relays()[1] === true, 1000, 'wanted relays 1, 2 on')
    expect(sim.relays()).toEqual([true, true, false, false])
    expect(bench.log.lines.some((l) => l.startsWith('warn relay-lcus:') && l.includes('disconnected'))).toBe(true)
  })

  it('switches a relay OFF on the replug when its off command failed while unplugged', async () => {
    await setUp(true)
    await driver.setRelay(1, true)
    await driver.setRelay(2, true)
    await eventually(() => sim.relays()[1] === true, 1000, 'relays on')
    await expectUnplugNoticed(bench.pair, driver)
    await expect(driver.setRelay(1, false)).rejects.toMatchObject({ code: 'disconnected' })
    await expect(driver.setRelay(2, false)).rejects.toMatchObject({ code: 'disconnected' })
    // the board kept its power (external supply): its relays are still on when it comes back
    expect(sim.relays()).toEqual([true, true, false, false])
    // the simulator closes its end of the vanished port and opens the new one (its relays kept)
    await sim.stop()
    await bench.pair.replug()
    sim.recorder.clear()
    await sim.start()
    await waitForState(driver, 'online', 4000)
    await eventually(() => sim.relays().every((isOn) => !isOn), 1000, 'relays off after the replug')
    expect(sim.recorder.actions({ action: 'relay' }).map((a) => a.detail)).toEqual([
      { channel: 1, isOn: false },
      { channel: 2, isOn: false },
    ])
  })

  it('leaves at least the frame gap after a status query before the next frame', async () => {
    sim = await bench.simulator((transport) => createLcusSimulator({ transport }))
    driver = await bench.driver((transport, log) => createLcusDriver({ transport, log, frameGapMs: 60 }))
    for (let i = 0; i < 5; i += 1) {
      void driver.readRelays()
      await driver.setRelay(1, i % 2 === 0)
    }
    await eventually(() => sim.recorder.actions({ action: 'relay' }).length === 5, 2000, 'five frames')
    const frames = sim.recorder.actions().filter((a) => a.action === 'relay' || a.action === 'query')
    const gaps = frames.slice(1).map((a, i) => a.at - (frames[i]?.at ?? 0))
    // 60 ms apart at the driver; the simulator stamps on arrival, so allow for the scheduler's jitter
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(40)
  })

  it('keeps the commanded states when the board has no status query', async () => {
    await setUp(false)
    await driver.setAll(true)
    await driver.setRelay(4, false)
    expect(await driver.readRelays()).toEqual([true, true, true, false])
    await eventually(() => sim.relays()[3] === false, 1000, 'last frame read')
    expect(sim.relays()).toEqual([true, true, true, false])
    expect(sim.recorder.actions({ action: 'query' })).toHaveLength(0)
  })
})
