/**
 * A whole programme start and end across simulated devices sharing one recorder: amplifier relay
 * on → exciter RF on → DTMF opens the village zone → RDS text → zone off → RF off → relay off.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { generateDtmfCommand, type DtmfCodePlan } from '../../../src/shared/audio/dtmf'
import { createDtmfReceiverSimulator } from '../../../src/main/devices/dtmf-receiver/simulator'
import { createExciterDriver } from '../../../src/main/devices/exciter/exciter-driver'
import { createExciterSimulator } from '../../../src/main/devices/exciter/simulator'
import { createRdsAsciiDriver } from '../../../src/main/devices/rds-ascii/ascii-driver'
import { createRdsAsciiSimulator } from '../../../src/main/devices/rds-ascii/simulator'
import { createLcusDriver } from '../../../src/main/devices/relay-lcus/lcus-driver'
import { createLcusSimulator } from '../../../src/main/devices/relay-lcus/simulator'
import { createSimRecorder } from '../../../src/main/devices/sim/recorder'
import { eventually } from '../../support/device-helpers'
import { useSerialBench } from '../../support/serial-bench'

const plan: DtmfCodePlan = { zoneOn: '*{zone:3}#1', zoneOff: '*{zone:3}#0', repeat: 2 }
const SAMPLE_RATE = 48000

describe('on-air sequence', () => {
  const bench = useSerialBench({ pairCount: 3 })
  const recorder = createSimRecorder()

  beforeEach(() => recorder.clear())

  it('records relay on → RF on → zone on → RDS text → zone off → RF off → relay off when a programme runs', async () => {
    const [relayPair, exciterPair, rdsPair] = [bench.pairAt(0), bench.pairAt(1), bench.pairAt(2)]
    await bench.simulator(
      (transport) => createLcusSimulator({ transport, recorder, device: 'amplifier-relay' }),
      relayPair,
    )
    await bench.simulator((transport) => createExciterSimulator({ transport, recorder }), exciterPair)
    await bench.simulator((transport) => createRdsAsciiSimulator({ transport, recorder }), rdsPair)
    const relay = await bench.driver(
      (transport, log) => createLcusDriver({ transport, log, frameGapMs: 10 }),
      relayPair,
    )
    const exciter = await bench.driver((transport, log) => createExciterDriver({ transport, log }), exciterPair)
    const rds = await bench.driver((transport, log) => createRdsAsciiDriver({ transport, log }), rdsPair)
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
    // An LCUS frame gets no reply: setRelay resolves once it is written, before the board reads it.
    await eventually(() => recorder.actions({ action: 'relay' }).length === 2, 1000, 'relay off frame')

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
