import { describe, expect, it } from 'vitest'
import { newId } from '../../../../../src/shared/ids'
import {
  COMMUNE_FM_LIMITS,
  deviceConfigSchema,
  deviceDraftSchema,
  exciterProfileIds,
  frequencyMHzSchema,
  hostSchema,
  licenceMaxPowerWSchema,
  serialPathSchema,
} from '../../../../../src/shared/ipc/hardware'
import { checkFrequencyMHz, checkPowerW, COMMUNE_FM_BAND } from '../../../../../src/main/devices/exciter/band'
import { EXCITER_PROFILES } from '../../../../../src/main/devices/exciter/exciter-profile'

const accepts = (schema: { safeParse(v: unknown): { success: boolean } }, value: unknown) =>
  schema.safeParse(value).success

describe('hardware contract schemas', () => {
  it('accepts serial paths of real and virtual ports and refuses anything else when given free text', () => {
    for (const good of [
      '/dev/ttyUSB0',
      '/dev/serial/by-id/usb-1a86_USB_Serial-if00-port0',
      '/tmp/daixa-socat-x1/ttyDRV',
      'COM3',
      'com12',
      '\\\\.\\COM10',
    ])
      expect(accepts(serialPathSchema, good), good).toBe(true)
    for (const bad of ['', 'ttyUSB0', '/dev/../etc/passwd', '/dev/tty USB0', 'COM0', 'http://x/dev', '/dev/ttyUSB0;rm'])
      expect(accepts(serialPathSchema, bad), bad).toBe(false)
  })

  it('accepts literal IPs and host names and refuses URLs and ports when a TCP host is typed', () => {
    for (const good of ['192.168.1.20', '::1', 'fe80::1', 'rds-encoder', 'relay.local'])
      expect(accepts(hostSchema, good), good).toBe(true)
    for (const bad of ['http://192.168.1.20', '192.168.1.20:4001', '999.1.1.1', 'a b', '', 'host/path'])
      expect(accepts(hostSchema, bad), bad).toBe(false)
  })

  it('agrees with band.ts on frequencies and power when values are on both sides of the limits', () => {
    expect(COMMUNE_FM_LIMITS).toEqual({
      minMHz: COMMUNE_FM_BAND.minMHz,
      maxMHz: COMMUNE_FM_BAND.maxMHz,
      maxPowerW: COMMUNE_FM_BAND.maxPowerW,
    })
    for (const mhz of [53.99, 54, 60.5, 62.35, 68, 68.01, 87.5, 60.555, Number.NaN]) {
      let isLegal = true
      try {
        checkFrequencyMHz(mhz)
      } catch {
        isLegal = false
      }
      expect(accepts(frequencyMHzSchema, mhz), `${mhz} MHz`).toBe(isLegal)
    }
    for (const watts of [0.5, 10, 30, 30.1, 50]) {
      let isLegal = true
      try {
        checkPowerW(watts)
      } catch {
        isLegal = false
      }
      expect(accepts(licenceMaxPowerWSchema, watts), `${watts} W`).toBe(isLegal)
    }
  })

  it('lists exactly the exciter profiles the driver knows', () => {
    expect([...exciterProfileIds].sort()).toEqual(Object.keys(EXCITER_PROFILES).sort())
  })

  it('fills defaults when a draft gives only what the officer chose', () => {
    const draft = deviceDraftSchema.parse({
      name: '  Bo rơ-le  ',
      role: 'zone-relay',
      family: 'relay-lcus',
      transport: { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 9600 },
      options: {},
    })
    expect(draft).toEqual({
      name: 'Bo rơ-le',
      role: 'zone-relay',
      isEnabled: true,
      family: 'relay-lcus',
      transport: { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 },
      options: { channels: 4, hasStatusQuery: true },
    })
    expect(accepts(deviceConfigSchema, draft)).toBe(false) // a stored device needs its id
    expect(accepts(deviceConfigSchema, { ...draft, id: newId() })).toBe(true)
  })

  it('refuses options of another family, odd baud rates and out-of-band exciter plans', () => {
    const base = { name: 'x', role: 'rds', transport: { kind: 'tcp', host: '10.0.0.5', port: 4001 } }
    expect(accepts(deviceDraftSchema, { ...base, family: 'rds-ascii', options: { textEncoding: 'utf8' } })).toBe(false)
    expect(
      accepts(deviceDraftSchema, {
        ...base,
        family: 'relay-lcus',
        options: {},
        transport: { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 9601 },
      }),
    ).toBe(false)
    expect(accepts(deviceDraftSchema, { ...base, family: 'relay-lcus', options: { channels: 3 } })).toBe(false)
    expect(accepts(deviceDraftSchema, { ...base, family: 'exciter', options: { frequencyMHz: 98.5 } })).toBe(false)
    expect(accepts(deviceDraftSchema, { ...base, family: 'exciter', options: { licenceMaxPowerW: 50 } })).toBe(false)
    expect(accepts(deviceDraftSchema, { ...base, family: 'exciter', options: { frequencyMHz: 62.5 } })).toBe(true)
    expect(
      accepts(deviceDraftSchema, { ...base, family: 'exciter-relay', options: { relayDeviceId: newId(), channel: 2 } }),
    ).toBe(true)
    expect(accepts(deviceDraftSchema, { ...base, family: 'exciter-relay', options: { channel: 2 } })).toBe(false)
  })
})
