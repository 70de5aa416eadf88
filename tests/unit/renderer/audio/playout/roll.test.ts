import { describe, expect, it } from 'vitest'
import {
  describeStep,
  itemSteps,
  postRollSteps,
  preRollSteps,
  reversedPreRoll,
  safeSteps,
} from '../../../../../src/renderer/audio/playout/roll'
import { item, session } from './fixtures'

describe('audio/playout/roll', () => {
  it('runs relay → RF → DTMF → RDS PS before the programme when the session has an encoder', () => {
    expect(preRollSteps(session([])).map(describeStep)).toEqual([
      'relay r1#1 on',
      'rf ex on',
      'dtmf *007#1',
      'rds-ps rds1 "DAI XA"',
    ])
  })

  it('does not add a second PS when the pre-roll already sets one, nor any when there is no encoder', () => {
    const own = session([], { preRoll: [{ kind: 'rds-ps', deviceId: 'rds1', text: 'KHAN' }] })
    expect(preRollSteps(own).map(describeStep)).toEqual(['rds-ps rds1 "KHAN"'])
    expect(preRollSteps(session([], { rds: null })).map((s) => s.kind)).toEqual(['relay', 'rf', 'dtmf'])
  })

  it('sends the item title as radiotext, cut to 64 characters', () => {
    const long = item('a', 0, 1, { title: 'x'.repeat(80) })
    expect(itemSteps(session([]), long)).toEqual([{ kind: 'rds-rt', deviceId: 'rds1', text: 'x'.repeat(64) }])
    expect(itemSteps(session([], { rds: null }), long)).toEqual([])
  })

  it('reverses the pre-roll into the post-roll when the session gives none: RT cleared, RF off, relay off', () => {
    expect(postRollSteps(session([])).map(describeStep)).toEqual(['rds-rt rds1 ""', 'rf ex off', 'relay r1#1 off'])
    expect(reversedPreRoll([{ kind: 'relay', deviceId: 'r', channel: 2, isOn: false }])).toEqual([])
  })

  it('runs the session post-roll as given, then switches off what the pre-roll switched on and it did not', () => {
    const s = session([], {
      postRoll: [
        { kind: 'dtmf', code: '*007#0' },
        { kind: 'rf', deviceId: 'ex', isOn: false },
      ],
    })
    expect(postRollSteps(s).map(describeStep)).toEqual(['rds-rt rds1 ""', 'dtmf *007#0', 'rf ex off', 'relay r1#1 off'])
  })

  it('ends a session whose post-roll is only zone codes with its relays and RF off', () => {
    const s = session([], { postRoll: [{ kind: 'dtmf', code: '*007#0' }] })
    expect(postRollSteps(s).map(describeStep)).toEqual(['rds-rt rds1 ""', 'dtmf *007#0', 'rf ex off', 'relay r1#1 off'])
    expect(safeSteps(s).map(describeStep)).toEqual(['rds-rt rds1 ""', 'rf ex off', 'relay r1#1 off'])
  })
})
