import { beforeEach, describe, expect, it } from 'vitest'
import { createModbusRelayDriver, type ModbusRelayDriver } from '../../../src/main/devices/relay-modbus/modbus-driver'
import { createModbusRelaySimulator, type ModbusRelaySimulator } from '../../../src/main/devices/relay-modbus/simulator'
import { expectSilenceNoticed, expectUnplugNoticed, rejectionOf, waitForState } from '../../support/device-helpers'
import { useSerialBench } from '../../support/serial-bench'

describe('relay-modbus', () => {
  const bench = useSerialBench()
  let sim: ModbusRelaySimulator
  let driver: ModbusRelayDriver

  async function startSim(): Promise<void> {
    sim = await bench.simulator((transport) => createModbusRelaySimulator({ transport }))
  }

  async function startDriver(extra: { onValue?: number } = {}): Promise<void> {
    driver = await bench.driver((transport, log) => createModbusRelayDriver({ transport, log, ...extra }))
  }

  beforeEach(startSim)

  it('switches single relays, all relays, and reads the coils back when the module answers', async () => {
    await startDriver()
    await driver.setRelay(1, true)
    await driver.setRelay(3, true)
    expect(await driver.readRelays()).toEqual([true, false, true, false, false, false, false, false])
    await driver.setAll(true)
    expect(sim.relays().every(Boolean)).toBe(true)
    await driver.setAll(false)
    expect(await driver.readRelays()).toEqual(Array(8).fill(false))
    const switched = sim.recorder.actions({ action: 'relay' })
    expect(switched.slice(0, 2).map((a) => a.detail)).toEqual([
      { channel: 1, isOn: true },
      { channel: 3, isOn: true },
    ])
  })

  it('rejects with the Modbus exception when the module refuses the ON value', async () => {
    await startDriver({ onValue: 0x0100 })
    const refused = await rejectionOf(driver.setRelay(1, true))
    expect(refused).toMatchObject({ code: 'io', exceptionCode: 3 })
    expect(refused.message).toMatch(/exception 3 \(illegal data value\)/)
    expect(driver.status().state).toBe('online')
  })

  it('reports unresponsive within 2 s and recovers when the module stops and resumes answering', async () => {
    await startDriver()
    await expectSilenceNoticed(sim, driver, async () => {
      await expect(driver.setRelay(1, true)).rejects.toMatchObject({ code: 'disconnected' })
    })
  })

  it('notices an unplugged port and restores commanded relays on a power-cycled module when it comes back', async () => {
    await startDriver()
    await driver.setRelay(2, true)
    const status = await expectUnplugNoticed(bench.pair, driver)
    expect(status.retryInMs).toBeGreaterThan(0)
    await sim.stop()
    await bench.pair.replug()
    await startSim()
    await waitForState(driver, 'online', 4000)
    expect(sim.relays()).toEqual([false, true, false, false, false, false, false, false])
    expect(bench.log.lines.some((l) => l.includes('relay 2 was off, switched to the wanted state'))).toBe(true)
  })
})
