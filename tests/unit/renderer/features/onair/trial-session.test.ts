import { describe, expect, it } from 'vitest'
import type { DeviceConfig } from '../../../../../src/shared/ipc/hardware'
import { stationRoll, trialOf } from '../../../../../src/renderer/features/onair/trial-session'
import { rundownSessionSchema } from '../../../../../src/shared/onair/rundown'

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

  it("moves a scheduled session's own rundown to now, with its devices, under trial ids", () => {
    const planned = Date.parse('2026-11-23T22:30:00Z')
    const now = 1_800_000_000_000
    const preRoll = [{ kind: 'relay' as const, deviceId: 'r1', channel: 1, isOn: true }]
    const postRoll = [{ kind: 'relay' as const, deviceId: 'r1', channel: 1, isOn: false }]
    const items = [
      { id: 'p1@2026-11-24', plannedStartMs: planned, durationMs: 1500 },
      { id: 'p2@2026-11-24', plannedStartMs: planned + 1500, durationMs: 2000 },
    ].map((i) => ({
      ...i,
      scheduleId: 's1',
      targetId: i.id.split('@')[0] ?? null,
      kind: 'announcement' as const,
      title: `Tin ${i.id}`,
      mediaHash: 'a'.repeat(64),
      relayUrl: null,
      priority: 'normal' as const,
      source: 'own' as const,
      contentKind: 'news' as const,
      language: 'vi',
      category: '',
    }))
    const rundown = {
      sessionId: 'sang',
      label: 'Buổi sáng',
      startMs: planned,
      endMs: planned + 3500,
      preRoll,
      postRoll,
      rds: { deviceId: 'rds', ps: 'DAI XA' },
      items,
    }
    const s = trialOf(rundown, now, 'Phát thử: Buổi sáng')
    expect(s).toMatchObject({ sessionId: `trial-${now}:sang`, label: 'Phát thử: Buổi sáng', preRoll, postRoll })
    expect(s.rds).toEqual(rundown.rds)
    expect(s.items.map((i) => [i.id, i.title, i.plannedStartMs - now, i.durationMs, i.scheduleId])).toEqual([
      [`trial-${now}:p1@2026-11-24`, 'Tin p1@2026-11-24', 3000, 1500, 's1'],
      [`trial-${now}:p2@2026-11-24`, 'Tin p2@2026-11-24', 4500, 2000, 's1'],
    ])
    expect(s.endMs - now).toBe(6500)
    expect(rundownSessionSchema.safeParse(s).success).toBe(true)
  })
})
