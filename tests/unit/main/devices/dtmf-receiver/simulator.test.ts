import { describe, expect, it } from 'vitest'
import { generateDtmf, generateDtmfCommand, type DtmfCodePlan } from '../../../../../src/shared/audio/dtmf'
import { createDtmfReceiverSimulator } from '../../../../../src/main/devices/dtmf-receiver/simulator'

const plan: DtmfCodePlan = {
  zoneOn: '*{zone:3}#1',
  zoneOff: '*{zone:3}#0',
  groupOn: '*9{group:2}#1',
  groupOff: '*9{group:2}#0',
  allOn: '*000#1',
  allOff: '*000#0',
}

describe('dtmf-receiver simulator', () => {
  it('switches only the addressed zone when it hears that zone code', () => {
    const village = createDtmfReceiverSimulator({ sampleRate: 8000, plan, zones: [1, 2, 7] })
    village.hear(generateDtmfCommand(plan, { zone: 7 }, true, { sampleRate: 8000, leadInMs: 300 }))
    expect(village.zonesOn()).toEqual([7])
    expect(village.recorder.actions({ action: 'zone' }).map((a) => a.detail)).toEqual([{ zone: 7, isOn: true }])
    expect(village.recorder.actions({ action: 'code' })).toHaveLength(2)
  })

  it('switches a group and then all receivers off when it hears group and all-off codes', () => {
    const village = createDtmfReceiverSimulator({ sampleRate: 48000, plan, zones: [1, 2, 3], groups: { 4: [1, 3] } })
    village.hear(generateDtmfCommand(plan, { group: 4 }, true, { sampleRate: 48000 }))
    expect(village.zonesOn()).toEqual([1, 3])
    village.hear(generateDtmfCommand(plan, 'all', false, { sampleRate: 48000 }))
    expect(village.zonesOn()).toEqual([])
  })

  it('switches nothing when it hears the code of a zone it lacks or stray digits', () => {
    const village = createDtmfReceiverSimulator({ sampleRate: 8000, plan, zones: [1] })
    village.hear(generateDtmf('*002#1', { sampleRate: 8000 }))
    village.hear(generateDtmf('12#', { sampleRate: 8000 }))
    expect(village.zonesOn()).toEqual([])
    expect(village.recorder.actions()).toEqual([])
  })
})
