/**
 * "Phát thử buổi này" and "Phát ngay" without a schedule: a session built now from the library's
 * announcements and the configured hardware. Pre-roll: every amplifier/zone relay board's relay 1
 * on, every exciter's RF on, the DTMF zone code (when given); the first RDS encoder shows the
 * station's PS and each title. Post-roll: the DTMF off code, then RF off and relays off.
 * The scheduler (src/shared/onair) builds real sessions the same shape.
 */
import type { DeviceConfig } from '../../../shared/ipc/hardware'
import type { Announcement } from '../../../shared/model/announcement'
import type { DeviceAction, RundownItem, RundownSession } from '../../../shared/onair/rundown'
import { reversedPreRoll } from '../../audio/playout/roll'

export const STATION_PS = 'Đài Xã'
/** time left for the pre-roll before the first item's planned start */
const PRE_ROLL_ALLOWANCE_MS = 3000

export interface RollCodes {
  /** DTMF code that switches the village receivers on ('' = none) */
  dtmfOn: string
  dtmfOff: string
}

export function stationRoll(devices: readonly DeviceConfig[], codes: RollCodes) {
  const enabled = devices.filter((d) => d.isEnabled)
  const preRoll: DeviceAction[] = []
  for (const d of enabled) {
    const isRelayBoard = d.family === 'relay-lcus' || d.family === 'relay-modbus'
    if (isRelayBoard && (d.role === 'amplifier-relay' || d.role === 'zone-relay')) {
      preRoll.push({ kind: 'relay', deviceId: d.id, channel: 1, isOn: true })
    }
  }
  for (const d of enabled) {
    if (d.family === 'exciter' || d.family === 'exciter-relay') preRoll.push({ kind: 'rf', deviceId: d.id, isOn: true })
  }
  if (codes.dtmfOn) preRoll.push({ kind: 'dtmf', code: codes.dtmfOn })
  const postRoll: DeviceAction[] = [
    ...(codes.dtmfOff ? [{ kind: 'dtmf' as const, code: codes.dtmfOff }] : []),
    ...reversedPreRoll(preRoll),
  ]
  const encoder = enabled.find((d) => d.family === 'rds-ascii' || d.family === 'rds-uecp')
  const rds = encoder ? { deviceId: encoder.id, ps: STATION_PS } : null
  return { preRoll, postRoll, rds }
}

export function announcementItem(a: Announcement, id: string, plannedStartMs: number): RundownItem {
  return {
    id,
    scheduleId: null,
    targetId: a.id,
    kind: 'announcement',
    title: a.title,
    mediaHash: a.mediaHash,
    relayUrl: null,
    plannedStartMs,
    durationMs: Math.max(1, Math.round(a.durationMs)),
    priority: a.priority,
    source: 'own',
    contentKind: a.kind,
    language: a.language,
    category: a.category,
  }
}

/** The library's announcements, oldest first, back to back from a few seconds from now. */
export function trialSession(
  announcements: readonly Announcement[],
  devices: readonly DeviceConfig[],
  codes: RollCodes,
  nowMs: number,
  label: string,
): RundownSession {
  const sessionId = `trial-${nowMs}`
  const ordered = [...announcements].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).slice(0, 500)
  let at = nowMs + PRE_ROLL_ALLOWANCE_MS
  const items = ordered.map((a) => {
    const item = announcementItem(a, `${sessionId}:${a.id}`, at)
    at += item.durationMs
    return item
  })
  return { sessionId, label: label.slice(0, 100), startMs: nowMs, endMs: at, ...stationRoll(devices, codes), items }
}
