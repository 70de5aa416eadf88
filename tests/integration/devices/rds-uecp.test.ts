import { describe, expect, it } from 'vitest'
import { createUecpDriver, type UecpDriver } from '../../../src/main/devices/rds-uecp/uecp-driver'
import { createUecpSimulator, type UecpSimulator } from '../../../src/main/devices/rds-uecp/simulator'
import {
  eventually,
  expectSilenceNoticed,
  expectUnplugNoticed,
  rejectionOf,
  waitForState,
} from '../../support/device-helpers'
import { useSerialBench } from '../../support/serial-bench'

type Mode = 'unidirectional' | 'bidirectional'

describe('rds-uecp', () => {
  const bench = useSerialBench()
  let sim: UecpSimulator
  let driver: UecpDriver

  async function startSim(mode: Mode): Promise<void> {
    sim = await bench.simulator((transport) => createUecpSimulator({ transport, mode }))
  }

  async function startDriver(mode: Mode, textEncoding: 'ascii' | 'rds' = 'ascii'): Promise<void> {
    driver = await bench.driver((transport, log) =>
      createUecpDriver({ transport, log, mode, frameGapMs: 5, textEncoding }),
    )
  }

  it('writes PI, PS, RT, TA/TP and PTY frames the encoder applies when unidirectional', async () => {
    await startSim('unidirectional')
    await startDriver('unidirectional', 'rds')
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

  it('sends plain ASCII by default, cuts RT at a word and flips the A/B flag on each new text', async () => {
    await startSim('unidirectional')
    await startDriver('unidirectional')
    await driver.setPs('Xã Đông')
    await driver.setRt('Thông báo khẩn: đường liên xã Ân Hảo bị ngập, nhân dân không đi qua đoạn cầu tràn $5 ~ ^')
    await driver.setRt('Thông báo khẩn: đường liên xã Ân Hảo bị ngập, nhân dân không đi qua đoạn cầu tràn $5 ~ ^')
    await driver.setRt('Bản tin sáng')
    await driver.setRt('')
    await eventually(() => sim.recorder.actions({ action: 'rt' }).length === 4, 1000, 'four RT frames')
    expect(sim.state().ps).toBe('Xa Dong ')
    const rts = sim.recorder.actions({ action: 'rt' }).map((a) => a.detail)
    expect(rts.map((d) => d['text'])).toEqual([
      'Thong bao khan: duong lien xa An Hao bi ngap, nhan dan khong di',
      'Thong bao khan: duong lien xa An Hao bi ngap, nhan dan khong di',
      'Ban tin sang',
      '',
    ])
    // A/B: flipped for a new text, kept for the same text again
    expect(rts.slice(0, 3).map((d) => d['toggle'])).toEqual([true, true, false])
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
    await expectSilenceNoticed(sim, driver)
  })

  it('notices an unplugged port without replies and re-sends PS and RT when it comes back', async () => {
    await startSim('unidirectional')
    await startDriver('unidirectional')
    await driver.setPs('DAI XA')
    await driver.setRt('Ban tin sang')
    await expectUnplugNoticed(bench.pair, driver)
    await sim.stop()
    await bench.pair.replug()
    await startSim('unidirectional')
    await waitForState(driver, 'online', 4000)
    await eventually(() => sim.state().rt === 'Ban tin sang', 1000, 'RT restored')
    expect(sim.state().ps).toBe('DAI XA  ')
  })
})
