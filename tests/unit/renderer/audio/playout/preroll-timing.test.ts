import { describe, expect, it } from 'vitest'
import {
  DEVICE_STEP_ALLOWANCE_MS,
  PRE_ROLL_MARGIN_MS,
  dtmfLengthMs,
  estimateRollMs,
  preRollStartMs,
} from '../../../../../src/renderer/audio/playout/preroll-timing'
import { DEFAULT_DTMF_TIMING } from '../../../../../src/renderer/audio/playout/roll-runner'
import { preRollSteps } from '../../../../../src/renderer/audio/playout/roll'
import { generateDtmf, generateDtmfRepeated } from '../../../../../src/shared/audio/dtmf'
import { DEFAULT_RF_SETTLE_MS } from '../../../../../src/shared/ipc/hardware-config'
import { item, session } from './fixtures'

const T0 = 1_800_000_000_000

describe('audio/playout/preroll-timing', () => {
  it('gives a DTMF code the length of the PCM the roll runner plays for it', () => {
    const pcm = generateDtmf('*007#1', { sampleRate: 48_000, ...DEFAULT_DTMF_TIMING })
    expect(dtmfLengthMs('*007#1', DEFAULT_DTMF_TIMING)).toBe((pcm.length / 48_000) * 1000)
    expect(dtmfLengthMs('*007#1', DEFAULT_DTMF_TIMING)).toBe(1500)
  })

  it('gives a code sent twice the length of the repeated PCM', () => {
    const pcm = generateDtmfRepeated('*007#1', 2, { sampleRate: 48_000, ...DEFAULT_DTMF_TIMING })
    expect(dtmfLengthMs('*007#1', DEFAULT_DTMF_TIMING, 2)).toBe((pcm.length / 48_000) * 1000)
  })

  it('adds the device steps, the RF settle time, the DTMF codes (start delay, tones, output latency) and the waits', () => {
    // relay on, RF on, *007#1, then the RDS PS the roll adds for the session's encoder
    const steps = preRollSteps(session([item('a', T0, 1000)]))
    expect(steps.map((s) => s.kind)).toEqual(['relay', 'rf', 'dtmf', 'rds-ps'])
    const o = { dtmf: DEFAULT_DTMF_TIMING, outputLatencyMs: 70 }
    const settle = DEFAULT_RF_SETTLE_MS
    expect(estimateRollMs(steps, o)).toBe(3 * DEVICE_STEP_ALLOWANCE_MS + settle + 50 + 1500 + 70)
    expect(estimateRollMs([...steps, { kind: 'wait', ms: 2000 }], o)).toBe(3 * 400 + settle + 1620 + 2000)
    // no code after RF on: nothing to wait for
    expect(
      estimateRollMs(
        steps.filter((s) => s.kind !== 'dtmf'),
        o,
      ),
    ).toBe(3 * 400)
    expect(estimateRollMs([], o)).toBe(0)
  })

  it('uses the configured device allowance', () => {
    const steps = preRollSteps(
      session([item('a', T0, 1000)], { preRoll: [{ kind: 'rf', deviceId: 'ex', isOn: true }] }),
    )
    expect(estimateRollMs(steps, { dtmf: DEFAULT_DTMF_TIMING, deviceStepMs: 1000 })).toBe(2000)
  })

  it('begins the pre-roll early enough for the first item to start at its planned instant', () => {
    const items = [item('b', T0 + 60_000, 1000), item('a', T0, 1000)]
    expect(preRollStartMs({ startMs: T0 }, items, 2820)).toBe(T0 - 2820 - PRE_ROLL_MARGIN_MS)
    expect(preRollStartMs({ startMs: T0 }, items, 2820, 0)).toBe(T0 - 2820)
  })

  it('never begins later than the session start, and begins at it with nothing to play', () => {
    // the first item is planned 10 min into the session: the devices still come on at its start
    expect(preRollStartMs({ startMs: T0 }, [item('a', T0 + 600_000, 1000)], 3000)).toBe(T0)
    expect(preRollStartMs({ startMs: T0 }, [], 3000)).toBe(T0)
  })
})
