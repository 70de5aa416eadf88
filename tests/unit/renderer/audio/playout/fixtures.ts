/** Rundown items and sessions for the playout tests, built directly (the scheduler is not needed). */
import type { RundownItem, RundownSession } from '../../../../../src/shared/onair/rundown'

export function item(
  id: string,
  plannedStartMs: number,
  durationMs: number,
  over: Partial<RundownItem> = {},
): RundownItem {
  return {
    id,
    scheduleId: null,
    targetId: null,
    kind: 'announcement',
    title: `Bản tin ${id}`,
    mediaHash: 'a'.repeat(64),
    relayUrl: null,
    plannedStartMs,
    durationMs,
    priority: 'normal',
    source: 'own',
    contentKind: 'notice',
    language: 'vi',
    category: '',
    ...over,
  }
}

export function session(items: RundownItem[], over: Partial<RundownSession> = {}): RundownSession {
  return {
    sessionId: 'sang',
    label: 'Buổi sáng',
    startMs: items[0]?.plannedStartMs ?? 0,
    endMs: (items.at(-1)?.plannedStartMs ?? 0) + (items.at(-1)?.durationMs ?? 0),
    preRoll: [
      { kind: 'relay', deviceId: 'r1', channel: 1, isOn: true },
      { kind: 'rf', deviceId: 'ex', isOn: true },
      { kind: 'dtmf', code: '*007#1' },
    ],
    postRoll: [],
    rds: { deviceId: 'rds1', ps: 'DAI XA' },
    items,
    ...over,
  }
}
