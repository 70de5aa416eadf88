import { describe, expect, it } from 'vitest'
import { createOnAirHold } from '../../../../../src/main/services/updater/on-air-hold'

describe('on-air-hold', () => {
  it('is off air before any sound', () => {
    expect(createOnAirHold({ now: () => 0 }).isOnAir()).toBe(false)
  })

  it('is on air while the window makes sound, however long', () => {
    let now = 0
    const hold = createOnAirHold({ holdMs: 1000, now: () => now })
    hold.note(true)
    now = 60_000
    expect(hold.isOnAir()).toBe(true)
  })

  it('stays on air for the hold time after the sound stops, then goes off air', () => {
    let now = 0
    const hold = createOnAirHold({ holdMs: 300_000, now: () => now })
    hold.note(true)
    now = 10_000
    hold.note(false)
    now = 10_000 + 299_999
    expect(hold.isOnAir()).toBe(true)
    now = 10_000 + 300_000
    expect(hold.isOnAir()).toBe(false)
  })

  it('does not start the hold from a silent report', () => {
    let now = 0
    const hold = createOnAirHold({ holdMs: 300_000, now: () => now })
    hold.note(false)
    now = 1
    expect(hold.isOnAir()).toBe(false)
  })
})
