/** Rundown pieces for the on-air specs, queued through the page's `?automation` hook. */
import type { RundownItem, RundownSession } from '../../../src/shared/onair/rundown'

/** A relay item: the line-in (`relayUrl` null) or a stream, for `durationMs` from `plannedStartMs`. */
export function relayItem(
  id: string,
  title: string,
  plannedStartMs: number,
  durationMs: number,
  relayUrl: string | null = null,
): RundownItem {
  return {
    id,
    scheduleId: null,
    targetId: null,
    kind: 'relay',
    title,
    mediaHash: null,
    relayUrl,
    plannedStartMs,
    durationMs,
    priority: 'normal',
    source: 'relay-national-radio',
    contentKind: 'program',
    language: 'vi',
    category: '',
  }
}

/** A session of these items with this pre-roll, no post-roll of its own and no RDS. */
export function relaySession(
  id: string,
  items: RundownItem[],
  preRoll: RundownSession['preRoll'] = [],
): RundownSession {
  const first = items[0]?.plannedStartMs ?? 0
  const last = items.at(-1)
  return {
    sessionId: id,
    label: 'Tiếp sóng',
    startMs: first,
    endMs: (last?.plannedStartMs ?? 0) + (last?.durationMs ?? 0),
    preRoll,
    postRoll: [],
    rds: null,
    items,
  }
}
