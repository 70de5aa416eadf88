import { describe, expect, it } from 'vitest'
import {
  defaultOptionsOf,
  deviceDraftSchema,
  deviceFamilies,
  FAMILY_TRAITS,
  isRelayFamily,
} from '../../../../../src/shared/ipc/hardware'

describe('device-family traits', () => {
  it('declares every family once, with the serial speed the manuals give', () => {
    expect(Object.keys(FAMILY_TRAITS).sort()).toEqual([...deviceFamilies].sort())
    expect(FAMILY_TRAITS['rds-ascii'].defaultBaud).toBe(2400)
    expect(FAMILY_TRAITS['rds-uecp'].defaultBaud).toBe(2400)
    expect(FAMILY_TRAITS['relay-lcus'].defaultBaud).toBe(9600)
    expect(deviceFamilies.filter(isRelayFamily)).toEqual(['relay-lcus', 'relay-modbus'])
    expect(deviceFamilies.filter((f) => !FAMILY_TRAITS[f].hasTransport)).toEqual(['exciter-relay'])
  })

  it('gives the defaults the schemas fill in, leaving out what has none (the relay board of an exciter)', () => {
    expect(defaultOptionsOf('relay-modbus')).toEqual({ channels: 8, unitId: 1, coilBase: 0, onValue: 0xff00 })
    expect(defaultOptionsOf('rds-uecp')).toEqual({ mode: 'unidirectional', site: 0, encoder: 0, textEncoding: 'ascii' })
    expect(defaultOptionsOf('exciter-relay')).toEqual({
      isInhibit: false,
      licenceMaxPowerW: null,
      frequencyMHz: null,
      powerW: null,
      rfSettleMs: 1500,
    })
  })

  it('accepts the V1 Modbus ON value 0100 and refuses any other', () => {
    const draft = (onValue: number) => ({
      name: 'Modbus',
      role: 'zone-relay',
      family: 'relay-modbus',
      transport: { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 9600 },
      options: { onValue },
    })
    expect(deviceDraftSchema.safeParse(draft(0x0100)).success).toBe(true)
    expect(deviceDraftSchema.safeParse(draft(0x0001)).success).toBe(false)
  })
})
