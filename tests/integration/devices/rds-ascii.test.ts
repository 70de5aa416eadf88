import { describe, expect, it } from 'vitest'
import { createRdsAsciiDriver, type RdsAsciiDriver } from '../../../src/main/devices/rds-ascii/ascii-driver'
import { createRdsAsciiSimulator, type RdsAsciiSimulator } from '../../../src/main/devices/rds-ascii/simulator'
import type { AsciiTextEncoding } from '../../../src/main/devices/rds-ascii/ascii-codec'
import {
  eventually,
  expectSilenceNoticed,
  expectUnplugNoticed,
  rejectionOf,
  waitForState,
} from '../../support/device-helpers'
import { useSerialBench } from '../../support/serial-bench'

describe('rds-ascii', () => {
  const bench = useSerialBench({ baudRate: 2400 })
  let sim: RdsAsciiSimulator
  let driver: RdsAsciiDriver

  async function startSim(textEncoding: AsciiTextEncoding = 'ascii'): Promise<void> {
    sim = await bench.simulator((transport) => createRdsAsciiSimulator({ transport, textEncoding }))
  }

  async function startDriver(textEncoding: AsciiTextEncoding = 'ascii'): Promise<void> {
    driver = await bench.driver((transport, log) => createRdsAsciiDriver({ transport, log, textEncoding }))
  }

  it('sets PI, PS, RadioText, TA and PTY with the text folded to ASCII when given Vietnamese', async () => {
    await startSim()
    await startDriver()
    await driver.setPi(0x3201)
    await driver.setPs('Đài Xã')
    await driver.setRt('Thông báo khẩn: bão số 3')
    await driver.setTa(true)
    await driver.setPty(31)
    expect(sim.settings()).toMatchObject({ PI: '3201', PS: 'Dai Xa  ', RT1: 'Thong bao khan: bao so 3', RT1EN: '1' })
    expect(await driver.query('PS')).toBe('Dai Xa')
    const sets = sim.recorder.actions().filter((a) => !['query'].includes(a.action))
    expect(sets.map((a) => a.action)).toEqual(['pi', 'ps', 'rt1', 'rt1en', 'ta', 'pty'])
  })

  it('sends the accented letters RDS can show when the encoding is rds', async () => {
    await startSim('rds')
    await startDriver('rds')
    await driver.setPs('Đài Xã')
    await driver.setRt('Thông báo khẩn')
    expect(sim.settings()).toMatchObject({ PS: 'Dài Xã  ', RT1: 'Thông báo khan' })
  })

  it('rejects with io or invalid-input when the encoder answers ! or -', async () => {
    await startSim()
    await startDriver()
    const unknown = await rejectionOf(driver.sendRaw('XYZ=1'))
    expect(unknown.code).toBe('io')
    expect(unknown.message).toMatch(/does not know "XYZ=1"/)
    await expect(driver.sendRaw('PTY=45')).rejects.toMatchObject({ code: 'invalid-input' })
    await expect(driver.setPty(32)).rejects.toMatchObject({ code: 'invalid-input' })
    expect(driver.status().state).toBe('online')
  })

  it('strips the echo when the encoder has ECHO=1', async () => {
    await startSim()
    await startDriver()
    await driver.sendRaw('ECHO=1')
    await driver.setPs('DAI XA')
    expect(await driver.query('PS')).toBe('DAI XA')
  })

  it('reports unresponsive within 2 s when the encoder stops answering', async () => {
    await startSim()
    await startDriver()
    await expectSilenceNoticed(sim, driver)
  })

  it('restores the settings when the port comes back after an unplug with a power-cycled encoder', async () => {
    await startSim()
    await startDriver()
    await driver.setPs('DAI XA')
    await driver.setRt('Ban tin sang')
    await expectUnplugNoticed(bench.pair, driver)
    await sim.stop()
    await bench.pair.replug()
    await startSim()
    await waitForState(driver, 'online', 4000)
    expect(sim.settings()).toMatchObject({ PS: 'DAI XA  ', RT1: 'Ban tin sang', RT1EN: '1' })
  })

  it('clears the radiotext on the replug when the clear failed while unplugged, never restoring the old text', async () => {
    await startSim()
    await startDriver()
    await driver.setRt('Khẩn cấp: bão số 9')
    await expectUnplugNoticed(bench.pair, driver)
    await expect(driver.setRt('')).rejects.toMatchObject({ code: 'disconnected' })
    // the encoder kept its power: the emergency text is still on it
    expect(sim.settings()['RT1']).toBe('Khan cap: bao so 9')
    await sim.stop()
    await bench.pair.replug()
    sim.recorder.clear()
    await sim.start()
    await waitForState(driver, 'online', 4000)
    await eventually(() => sim.settings()['RT1'] === '', 2000, 'radiotext cleared')
    expect(sim.recorder.actions({ action: 'rt1' }).map((a) => a.detail)).toEqual([{ value: '' }])
  })
})
