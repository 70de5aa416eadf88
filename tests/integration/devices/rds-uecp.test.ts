import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createUecpDriver, type UecpDriver } from '../../../src/main/devices/rds-uecp/uecp-driver'
import { createUecpSimulator, type UecpSimulator } from '../../../src/main/devices/rds-uecp/simulator'
import { createSerialTransport } from '../../../src/main/devices/transport/serial-transport'
import { collectingLogger, eventually, rejectionOf, waitForState } from './helpers'
import { startSocatPair, type SocatPair } from './socat-pair'

type Mode = 'unidirectional' | 'bidirectional'

describe('rds-uecp', () => {
  let pair: SocatPair
  let sim: UecpSimulator
  let driver: UecpDriver
  const log = collectingLogger()

  async function startSim(mode: Mode): Promise<void> {
    sim = createUecpSimulator({ transport: createSerialTransport({ path: pair.b, baudRate: 9600 }), mode })
    await sim.start()
  }

  async function startDriver(mode: Mode): Promise<void> {
    driver = createUecpDriver({
      transport: createSerialTransport({ path: pair.a, baudRate: 9600 }),
      log,
      mode,
      frameGapMs: 5,
    })
    driver.start()
    await waitForState(driver, 'online')
  }

  beforeEach(async () => {
    pair = await startSocatPair()
  })

  afterEach(async () => {
    await driver?.stop()
    await sim?.stop()
    await pair.stop()
  })

  it('writes PI, PS, RT, TA/TP and PTY frames the encoder applies when unidirectional', async () => {
    await startSim('unidirectional')
    await startDriver('unidirectional')
    await driver.setPi(0x3201)
    await driver.setPs('Đài Xã')
    await driver.setRt('Thông báo khẩn: bão số 3')
    await driver.setTp(true)
    await driver.setTa(true)
    await driver.setPty(31)
    await eventually(() => sim.state().pty === 31, 1000, 'last frame applied')
    expect(sim.state()).toMatchObject({
      pi: 0x3201,
      ps: 'Dài Xã  ',
      rt: 'Thông báo khan: bão so 3',
      ta: true,
      tp: true,
    })
    expect(sim.recorder.actions().map((a) => a.action)).toEqual(['pi', 'ps', 'rt', 'ta-tp', 'ta-tp', 'pty'])
  })

  it('waits for each ACK and rejects with io when the encoder answers with an error code', async () => {
    await startSim('bidirectional')
    await startDriver('bidirectional')
    await driver.setPs('RADIO 1')
    expect(sim.state().ps).toBe('RADIO 1 ')
    const refused = await rejectionOf(driver.sendElement([0x2d, 0x01, 0x02]))
    expect(refused.code).toBe('io')
    expect(refused.message).toMatch(/message unknown/)
    expect(driver.status().state).toBe('online')
  })

  it('reports unresponsive within 2 s when a bidirectional encoder stops answering', async () => {
    await startSim('bidirectional')
    await startDriver('bidirectional')
    const silentAt = Date.now()
    sim.setResponsive(false)
    const status = await waitForState(driver, 'unresponsive', 2500)
    expect(status.at - silentAt).toBeLessThan(2000)
    sim.setResponsive(true)
    await waitForState(driver, 'online', 3000)
  })

  it('notices an unplugged port without replies and re-sends PS and RT when it comes back', async () => {
    await startSim('unidirectional')
    await startDriver('unidirectional')
    await driver.setPs('DAI XA')
    await driver.setRt('Ban tin sang')
    const unpluggedAt = Date.now()
    await pair.unplug()
    const status = await waitForState(driver, 'disconnected', 2000)
    expect(status.at - unpluggedAt).toBeLessThan(2000)
    await sim.stop()
    await pair.replug()
    await startSim('unidirectional')
    await waitForState(driver, 'online', 4000)
    await eventually(() => sim.state().rt === 'Ban tin sang', 1000, 'RT restored')
    expect(sim.state().ps).toBe('DAI XA  ')
  })
})
