import { describe, expect, it } from 'vitest'
import { emergencyRoll } from '../../../../../src/renderer/features/emergency/emergency-roll'
import { ownEmergency } from '../../../../../src/renderer/features/emergency/own-emergency'
import type { Announcement } from '../../../../../src/shared/model/announcement'
import type { DeviceConfig } from '../../../../../src/shared/ipc/hardware'
import { defaultSessions, type SessionTemplate } from '../../../../../src/shared/onair/session'

const serial = {
  kind: 'serial',
  path: '/dev/ttyUSB0',
  baudRate: 9600,
  dataBits: 8,
  parity: 'none',
  stopBits: 1,
} as const
const relay = (id: string, role: 'amplifier-relay' | 'zone-relay'): DeviceConfig => ({
  id,
  name: id,
  role,
  isEnabled: true,
  family: 'relay-lcus',
  transport: serial,
  options: { channels: 4, hasStatusQuery: true },
})
const devices: DeviceConfig[] = [
  relay('amp', 'amplifier-relay'),
  relay('zones', 'zone-relay'),
  {
    id: 'ex',
    name: 'Máy phát',
    role: 'exciter',
    isEnabled: true,
    family: 'exciter',
    transport: serial,
    options: { profile: 'daixa-bridge', licenceMaxPowerW: null, frequencyMHz: null, powerW: null, rfSettleMs: 1500 },
  },
]
const [morning, noon] = defaultSessions()
const templates: SessionTemplate[] = [
  { ...(morning as SessionTemplate), zones: [{ name: 'Thôn 1', onCode: '*001#1', offCode: '*001#0' }] },
  { ...(noon as SessionTemplate), zones: [{ name: 'Thôn 2', onCode: '*002#1', offCode: null, repeat: 3 }] },
]
const none = { clusterIds: [], dtmfCodes: [], relayChannels: [] }

describe('features/emergency/emergency-roll', () => {
  it('with no zone named reaches the whole station: every relay board, RF, every session zone; off in reverse', () => {
    const roll = emergencyRoll(devices, templates, none)
    expect(roll.preRoll).toEqual([
      { kind: 'relay', deviceId: 'amp', channel: 1, isOn: true },
      { kind: 'relay', deviceId: 'zones', channel: 1, isOn: true },
      { kind: 'rf', deviceId: 'ex', isOn: true },
      { kind: 'dtmf', code: '*001#1', repeat: 2 },
      { kind: 'dtmf', code: '*002#1', repeat: 3 },
    ])
    expect(roll.postRoll).toEqual([
      { kind: 'dtmf', code: '*001#0', repeat: 2 },
      { kind: 'rf', deviceId: 'ex', isOn: false },
      { kind: 'relay', deviceId: 'zones', channel: 1, isOn: false },
      { kind: 'relay', deviceId: 'amp', channel: 1, isOn: false },
    ])
  })

  it('names zones: the zone board on the given channels, only the given DTMF codes (their off-codes when known)', () => {
    const roll = emergencyRoll(devices, templates, {
      clusterIds: [],
      dtmfCodes: ['*001#1', '*009#1'],
      relayChannels: [2, 3],
    })
    expect(roll.preRoll).toEqual([
      { kind: 'relay', deviceId: 'amp', channel: 1, isOn: true },
      { kind: 'relay', deviceId: 'zones', channel: 2, isOn: true },
      { kind: 'relay', deviceId: 'zones', channel: 3, isOn: true },
      { kind: 'rf', deviceId: 'ex', isOn: true },
      { kind: 'dtmf', code: '*001#1', repeat: 2 },
      { kind: 'dtmf', code: '*009#1', repeat: 2 },
    ])
    expect(roll.postRoll.filter((s) => s.kind === 'dtmf')).toEqual([{ kind: 'dtmf', code: '*001#0', repeat: 2 }])
    expect(roll.postRoll.filter((s) => s.kind === 'relay').map((s) => s.kind === 'relay' && s.channel)).toEqual([
      3, 2, 1,
    ])
  })
})

describe('features/emergency/own-emergency', () => {
  it('airs what the library item airs (its rendition when edited), repeating until it expires', () => {
    const a = {
      id: 'a1',
      title: 'Thông báo khẩn: cháy rừng',
      mediaHash: 'a'.repeat(64),
      durationMs: 12_345.6,
      language: 'vi',
      rendition: { key: 'k'.repeat(64), hash: 'b'.repeat(64), durationMs: 11_000 },
    } as unknown as Announcement
    const b = ownEmergency(a, { repeatEveryMin: 30, expiresInHours: 2 }, 'x', 1_000)
    expect(b).toMatchObject({ id: 'own:x', origin: 'own', mediaHash: 'b'.repeat(64), durationMs: 11_000 })
    expect(b).toMatchObject({ repeatEveryMs: 1_800_000, expiresMs: 1_000 + 7_200_000, onsetMs: 1_000, isActual: true })
  })
})
