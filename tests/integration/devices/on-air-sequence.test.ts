/**
 * A whole programme start and end across simulated devices sharing one recorder: amplifier relay
 * on → exciter RF on → DTMF opens the village zone → RDS text → zone off → RF off → relay off.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { generateDtmfCommand, type DtmfCodePlan } from '../../../src/shared/audio/dtmf'
import { createDtmfReceiverSimulator } from '../../../src/main/devices/dtmf-receiver/simulator'
import { createExciterDriver } from '../../../src/main/devices/exciter/exciter-driver'
import { createExciterSimulator } from '../../../src/main/devices/exciter/simulator'
import type { DeviceDriver } from '../../../src/main/devices/link/status'
import { createRdsAsciiDriver } from '../../../src/main/devices/rds-ascii/ascii-driver'
import { createRdsAsciiSimulator } from '../../../src/main/devices/rds-ascii/simulator'
import { createLcusDriver } from '../../../src/main/devices/relay-lcus/lcus-driver'
import { createLcusSimulator } from '../../../src/main/devices/relay-lcus/simulator'
import { createSimRecorder } from '../../../src/main/devices/sim/recorder'
import type { DeviceSimulator } from '../../../src/main/devices/sim/simulator-core'
import { createSerialTransport } from '../../../src/main/devices/transport/serial-transport'
import { collectingLogger, waitForState } from './helpers'
import { startSocatPair, type SocatPair } from './socat-pair'

const plan: DtmfCodePlan = { zoneOn: '*{zone:3}#1', zoneOff: '*{zone:3}#0', repeat: 2 }
const SAMPLE_RATE = 48000

describe('on-air sequence', () => {
  const recorder = createSimRecorder()
  const log = collectingLogger()
  const pairs: SocatPair[] = []
  const sims: DeviceSimulator[] = []
  const drivers: DeviceDriver[] = []

  async function pairOf(): Promise<SocatPair> {
    const pair = await startSocatPair()
    pairs.push(pair)
    return pair
  }

  const port = (path: string) => createSerialTransport({ path, baudRate: 9600 })

  beforeEach(() => recorder.clear())

  afterEach(async () => {
    for (const driver of drivers.splice(0)) await driver.stop()
    for (const sim of sims.splice(0)) await sim.stop()
    for (const pair of pairs.splice(0)) await pair.stop()
  })

  it('records relay on → RF on → zone on → RDS text → zone off → RF off → relay off when a programme runs', async () => {
    const [relayPair, exciterPair, rdsPair] = [await pairOf(), await pairOf(), await pairOf()]
    sims.push(
      createLcusSimulator({ transport: port(relayPair.b), recorder, device: 'amplifier-relay' }),
      createExciterSimulator({ transport: port(exciterPair.b), recorder }),
      createRdsAsciiSimulator({ transport: port(rdsPair.b), recorder }),
    )
    for (const sim of sims) await sim.start()
    const relay = createLcusDriver({ transport: port(relayPair.a), log, frameGapMs: 10 })
    const exciter = createExciterDriver({ transport: port(exciterPair.a), log })
    const rds = createRdsAsciiDriver({ transport: port(rdsPair.a), log })
    drivers.push(relay, exciter, rds)
    for (const driver of drivers) driver.start()
    for (const driver of drivers) await waitForState(driver, 'online')
    const village = createDtmfReceiverSimulator({ sampleRate: SAMPLE_RATE, plan, zones: [3, 7], recorder })
    const tones = { sampleRate: SAMPLE_RATE, leadInMs: 300 }

    await relay.setRelay(1, true)
    await exciter.rfOn()
    village.hear(generateDtmfCommand(plan, { zone: 7 }, true, tones))
    await rds.setRt('Bản tin sáng xã Hòa An')
    await rds.setRt('')
    village.hear(generateDtmfCommand(plan, { zone: 7 }, false, tones))
    await exciter.rfOff()
    await relay.setRelay(1, false)

    const timeline = recorder
      .actions()
      .filter((a) => ['relay', 'rf', 'zone', 'rt1'].includes(a.action))
      .map((a) => `${a.device}:${a.action}:${JSON.stringify(a.detail)}`)
    expect(timeline).toEqual([
      'amplifier-relay:relay:{"channel":1,"isOn":true}',
      'exciter:rf:{"isOn":true}',
      'dtmf-receiver:zone:{"zone":7,"isOn":true}',
      'rds-ascii:rt1:{"value":"Ban tin sang xa Hoa An"}',
      'rds-ascii:rt1:{"value":""}',
      'dtmf-receiver:zone:{"zone":7,"isOn":false}',
      'exciter:rf:{"isOn":false}',
      'amplifier-relay:relay:{"channel":1,"isOn":false}',
    ])
    const times = recorder.actions().map((a) => a.at)
    expect(times).toEqual([...times].sort((a, b) => a - b))
    expect(village.zonesOn()).toEqual([])
  })
})
