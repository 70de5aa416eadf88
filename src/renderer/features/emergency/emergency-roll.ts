/**
 * The station's emergency pre-roll for a bulletin's zones (pure): every amplifier relay on (a
 * zone relay board on the zones' channels, channel 1 when none is named), every exciter's RF on,
 * then the DTMF on-codes — the bulletin's own, or with none named every zone of every enabled
 * session (the whole station) — then the RDS PS. Post-roll: the zones' off-codes, then RF and
 * relays off, last on first off. The same devices "Phát ngay" switches (trial-session.ts).
 */
import type { DeviceConfig } from '../../../shared/ipc/hardware'
import type { EmergencyZones } from '../../../shared/province/emergency'
import type { DeviceAction } from '../../../shared/onair/rundown'
import { DEFAULT_ZONE_REPEAT, type SessionTemplate, type ZoneCode } from '../../../shared/onair/session'
import { reversedPreRoll } from '../../audio/playout/roll'
import { stationRoll } from '../onair/trial-session'

function zoneCodes(templates: readonly SessionTemplate[], zones: EmergencyZones): ZoneCode[] {
  const known = templates.filter((t) => t.isEnabled).flatMap((t) => t.zones)
  const chosen =
    zones.dtmfCodes.length === 0
      ? known
      : zones.dtmfCodes.map(
          (code) => known.find((z) => z.onCode === code) ?? { name: code, onCode: code, offCode: null },
        )
  const seen = new Set<string>()
  return chosen.filter((z) => !seen.has(z.onCode) && seen.add(z.onCode))
}

function relaySteps(devices: readonly DeviceConfig[], steps: readonly DeviceAction[], zones: EmergencyZones) {
  return steps.flatMap((step): DeviceAction[] => {
    if (step.kind !== 'relay' || zones.relayChannels.length === 0) return [step]
    const device = devices.find((d) => d.id === step.deviceId)
    if (device?.role !== 'zone-relay') return [step]
    return zones.relayChannels.map((channel) => ({ ...step, channel }))
  })
}

export function emergencyRoll(
  devices: readonly DeviceConfig[],
  templates: readonly SessionTemplate[],
  zones: EmergencyZones,
): { preRoll: DeviceAction[]; postRoll: DeviceAction[]; rds: { deviceId: string; ps: string } | null } {
  const station = stationRoll(devices, { dtmfOn: '', dtmfOff: '' })
  const switched = relaySteps(devices, station.preRoll, zones)
  const codes = zoneCodes(templates, zones)
  const on: DeviceAction[] = codes.map((z) => ({
    kind: 'dtmf',
    code: z.onCode,
    repeat: z.repeat ?? DEFAULT_ZONE_REPEAT,
  }))
  const off: DeviceAction[] = codes.flatMap((z) =>
    z.offCode === null ? [] : [{ kind: 'dtmf' as const, code: z.offCode, repeat: z.repeat ?? DEFAULT_ZONE_REPEAT }],
  )
  return { preRoll: [...switched, ...on], postRoll: [...off, ...reversedPreRoll(switched)], rds: station.rds }
}
