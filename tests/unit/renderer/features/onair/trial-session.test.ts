import { describe, expect, it } from 'vitest'
import type { DeviceConfig } from '../../../../../src/shared/ipc/hardware'
import type { Announcement } from '../../../../../src/shared/model/announcement'
import { stationRoll, trialSession } from '../../../../../src/renderer/features/onair/trial-session'

const serial = {
  kind: 'serial',
  path: '/dev/ttyUSB0',
  baudRate: 9600,
  dataBits: 8,
  parity: 'none',
  stopBits: 1,
} as const
const devices: DeviceConfig[] = [
  {
    id: 'rds',
    name: 'RDS',
    role: 'rds',
    isEnabled: true,
    family: 'rds-ascii',
    transport: serial,
    options: { textEncoding: 'ascii', isStoring: false },
  },
  {
    id: 'ex',
    name: 'Máy phát',
    role: 'exciter',
    isEnabled: true,
    family: 'exciter',
    transport: serial,
    options: { profile: 'daixa-bridge', licenceMaxPowerW: null, frequencyMHz: null, powerW: null, rfSettleMs: 1500 },
  },
  {
    id: 'r1',
    name: 'Tăng âm',
    role: 'amplifier-relay',
    isEnabled: true,
    family: 'relay-lcus',
    transport: serial,
    options: { channels: 4, hasStatusQuery: true },
  },
  {
    id: 'r2',
    name: 'Tắt',
    role: 'zone-relay',
    isEnabled: false,
    family: 'relay-lcus',
    transport: serial,
    options: { channels: 4, hasStatusQuery: true },
  },
]

function announcement(id: string, createdAt: string, durationMs: number): Announcement {
  return {
    id,
    title: `Tin ${id}`,
    kind: 'news',
    language: 'vi',
    priority: 'normal',
    approval: 'approved',
    source: 'recording',
    mediaHash: id.repeat(64).slice(0, 64),
    durationMs,
    category: 'thời sự',
    author: null,
    validFrom: null,
    validTo: null,
    approvedBy: null,
    approvedAt: null,
    createdAt,
    updatedAt: createdAt,
  }
}

describe('features/onair/trial-session', () => {
  it('switches enabled relay boards then exciters on, sends the zone code, and reverses it all after', () => {
    const roll = stationRoll(devices, { dtmfOn: '*007#1', dtmfOff: '*007#0' })
    expect(roll.preRoll).toEqual([
      { kind: 'relay', deviceId: 'r1', channel: 1, isOn: true },
      { kind: 'rf', deviceId: 'ex', isOn: true },
      { kind: 'dtmf', code: '*007#1' },
    ])
    expect(roll.postRoll).toEqual([
      { kind: 'dtmf', code: '*007#0' },
      { kind: 'rf', deviceId: 'ex', isOn: false },
      { kind: 'relay', deviceId: 'r1', channel: 1, isOn: false },
    ])
    expect(roll.rds).toEqual({ deviceId: 'rds', ps: 'Đài Xã' })
  })

  it('plays the library oldest first, back to back, a few seconds from now', () => {
    const now = 1_800_000_000_000
    const s = trialSession(
      [announcement('b', '2026-11-23T02:00:00Z', 2000), announcement('a', '2026-11-23T01:00:00Z', 1500)],
      [],
      { dtmfOn: '', dtmfOff: '' },
      now,
      'Phát thử',
    )
    expect(s.preRoll).toEqual([])
    expect(s.items.map((i) => [i.title, i.plannedStartMs - now, i.durationMs, i.contentKind])).toEqual([
      ['Tin a', 3000, 1500, 'news'],
      ['Tin b', 4500, 2000, 'news'],
    ])
    expect(s.endMs - now).toBe(6500)
  })
})
