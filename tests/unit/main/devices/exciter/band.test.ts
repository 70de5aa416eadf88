import { describe, expect, it } from 'vitest'
import { ServiceError } from '../../../../../src/shared/result'
import { checkFrequencyMHz, checkPowerW, isPreferredFrequency } from '../../../../../src/main/devices/exciter/band'

function errorOf(run: () => unknown): ServiceError {
  try {
    run()
  } catch (error) {
    if (error instanceof ServiceError) return error
  }
  throw new Error('expected a ServiceError')
}

describe('exciter band', () => {
  it.each([54, 60.5, 68])('accepts the value when %s MHz is inside the commune band', (mhz) => {
    expect(checkFrequencyMHz(mhz)).toBe(mhz)
  })

  it.each([53.99, 68.01, 87.5, 102.4, Number.NaN])('refuses with invalid-input when asked for %s MHz', (mhz) => {
    const error = errorOf(() => checkFrequencyMHz(mhz))
    expect(error.code).toBe('invalid-input')
    expect(error.message).toMatch(/frequency/)
  })

  it('names the band in the message when 102.4 MHz is asked', () => {
    expect(errorOf(() => checkFrequencyMHz(102.4)).message).toBe(
      'frequency 102.4 MHz is outside the commune FM band 54–68 MHz',
    )
  })

  it('refuses a frequency the exciter cannot step to when it tunes in 0.1 MHz', () => {
    expect(errorOf(() => checkFrequencyMHz(60.25, 1)).message).toMatch(/multiple of 0.1 MHz/)
    expect(checkFrequencyMHz(60.3, 1)).toBe(60.3)
  })

  it('refuses with invalid-input when power is above 30 W or negative', () => {
    expect(checkPowerW(0)).toBe(0)
    expect(checkPowerW(30)).toBe(30)
    const error = errorOf(() => checkPowerW(30.5))
    expect(error.code).toBe('invalid-input')
    expect(error.message).toBe('power 30.5 W is above the 30 W limit for this commune station')
    expect(errorOf(() => checkPowerW(-1)).code).toBe('invalid-input')
  })

  it('applies the licence limit when it is lower, and never raises the 30 W ceiling', () => {
    expect(errorOf(() => checkPowerW(20, 15)).message).toMatch(/15 W limit/)
    expect(errorOf(() => checkPowerW(40, 50)).message).toMatch(/30 W limit/)
  })

  it('marks the frequency as preferred when it is within 60–68 MHz', () => {
    expect(isPreferredFrequency(59.9)).toBe(false)
    expect(isPreferredFrequency(60)).toBe(true)
  })
})
