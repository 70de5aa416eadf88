/**
 * Sessions the Phát sóng screen builds itself. "Phát ngay" without a schedule: the chosen
 * announcement with the configured hardware around it — pre-roll: every amplifier/zone relay
 * board's relay 1 on, every exciter's RF on, the DTMF zone code (when given); the first RDS encoder
 * shows the station's PS and each title; post-roll: the DTMF off code, then RF off and relays off.
 * "Phát thử buổi này": a scheduled session's rundown, moved to now (`trialOf`).
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

/**
 * "Phát thử buổi này": the chosen session's own rundown (the one automatic playout would play:
 * its items, its pre-roll and post-roll), moved to start a few seconds from now. Item and session
 * ids get a `trial-<now>:` prefix, so the real session's items are never taken as already played.
 * The engine is told it is a trial (`play(session, { isTrial: true })`): its log rows are marked.
 */
export function trialOf(rundown: RundownSession, nowMs: number, label: string): RundownSession {
  const prefix = `trial-${nowMs}:`
  const first = rundown.items[0]?.plannedStartMs ?? rundown.startMs
  const shift = nowMs + PRE_ROLL_ALLOWANCE_MS - first
  const items = rundown.items.map((item) => ({
    ...item,
    id: `${prefix}${item.id}`.slice(0, 200),
    plannedStartMs: item.plannedStartMs + shift,
  }))
  return {
    ...rundown,
    sessionId: `${prefix}${rundown.sessionId}`.slice(0, 100),
    label: label.slice(0, 100),
    startMs: nowMs,
    endMs: Math.max(nowMs, rundown.endMs + shift),
    items,
  }
}
