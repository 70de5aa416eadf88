import { describe, expect, it } from 'vitest'
import { newId } from '../../../../../src/shared/ids'
import { deviceConfigSchema } from '../../../../../src/shared/ipc/hardware'
import { licenceBreaches, powerLimitW, tripOf } from '../../../../../src/main/services/hardware/licence'

const exciter = (licenceMaxPowerW: number | null = null) =>
  deviceConfigSchema.parse({
    id: newId(),
    name: 'Máy phát FM',
    role: 'exciter',
    family: 'exciter',
    transport: { kind: 'tcp', host: '127.0.0.1', port: 4001 },
    options: { licenceMaxPowerW },
  })

describe('licence on air', () => {
  it('takes the licence power limit when it is below 30 W, and 30 W otherwise', () => {
    expect(powerLimitW(exciter())).toBe(30)
    expect(powerLimitW(exciter(20))).toBe(20)
  })

  it('finds a frequency outside 54–68 MHz and a set-point above the limit in the read-back', () => {
    expect(licenceBreaches({ frequencyMHz: 100, powerSetW: 50 }, exciter())).toEqual([
      { reason: 'frequency', value: 100 },
      { reason: 'power', value: 50 },
    ])
    expect(licenceBreaches({ frequencyMHz: 54 }, exciter())).toEqual([])
    expect(licenceBreaches({ frequencyMHz: 68, powerSetW: 25 }, exciter(20))).toEqual([{ reason: 'power', value: 25 }])
    expect(licenceBreaches({}, exciter())).toEqual([])
  })

  it('trips on an alarm, VSWR from 3, 70 °C, power 10 % over the limit, and not below', () => {
    const ok = { forwardW: 24.5, reflectedW: 0.2, vswr: 1.2, temperatureC: 45, frequencyMHz: 60.5, alarms: [] }
    expect(tripOf(ok, exciter())).toBeNull()
    expect(tripOf({ ...ok, alarms: ['vswr'] }, exciter())).toEqual({ reason: 'vswr', alarm: 'vswr' })
    expect(tripOf({ ...ok, alarms: ['fault'] }, exciter())).toEqual({ reason: 'alarm', alarm: 'fault' })
    expect(tripOf({ ...ok, vswr: 3 }, exciter())).toEqual({ reason: 'vswr', value: 3 })
    expect(tripOf({ ...ok, vswr: Number.POSITIVE_INFINITY }, exciter())).toEqual({ reason: 'vswr', value: 99 })
    expect(tripOf({ ...ok, temperatureC: 70 }, exciter())).toEqual({ reason: 'temperature', value: 70 })
    expect(tripOf({ ...ok, forwardW: 33 }, exciter())).toBeNull()
    expect(tripOf({ ...ok, forwardW: 33.1 }, exciter())).toEqual({ reason: 'power', value: 33.1 })
    expect(tripOf({ ...ok, forwardW: 22.1 }, exciter(20))).toEqual({ reason: 'power', value: 22.1 })
    expect(tripOf({ ...ok, frequencyMHz: 98 }, exciter())).toEqual({ reason: 'frequency', value: 98 })
  })
})
