/**
 * "Phát ngay": an emergency (khẩn cấp — disasters, fire, epidemics; TT 39/2020) plays at once over
 * whatever is on air. It is a mini-session of its own: the pre-roll of every enabled session
 * (each distinct device step once, in first-seen order) and every zone's on-code, so all
 * receivers are reached whatever session would normally be running; the item; then every
 * zone's off-code and the post-roll steps. The scheduler (scheduler.ts) interrupts and returns.
 */
import type { DeviceAction, RundownItem, RundownSession } from './rundown'
import { sessionPostRoll, sessionPreRoll, type SessionTemplate } from './session'

export type EmergencyContent = Omit<RundownItem, 'id' | 'plannedStartMs' | 'priority' | 'scheduleId'>

export interface EmergencyOptions {
  content: EmergencyContent
  sessions: readonly SessionTemplate[]
  nowMs: number
}

export function buildEmergencySession({ content, sessions, nowMs }: EmergencyOptions): RundownSession {
  const enabled = sessions.filter((s) => s.isEnabled)
  const item: RundownItem = {
    ...content,
    id: `emergency@${nowMs}`,
    scheduleId: null,
    plannedStartMs: nowMs,
    priority: 'emergency',
  }
  return {
    sessionId: 'emergency',
    label: content.title,
    startMs: nowMs,
    endMs: nowMs + content.durationMs,
    preRoll: distinct(enabled.flatMap(sessionPreRoll)),
    postRoll: distinct(enabled.flatMap(sessionPostRoll)),
    rds: enabled.find((s) => s.rds !== null)?.rds ?? null,
    items: [item],
  }
}

function distinct(actions: DeviceAction[]): DeviceAction[] {
  const seen = new Set<string>()
  return actions.filter((a) => {
    const key = JSON.stringify(a)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
