/**
 * Pure timing decisions of the playout engine: where each item of a session starts and ends, and
 * what to do with an item after a restart in the middle of a session. No Web Audio, no clock:
 * every function takes the instants it needs (epoch ms), so tests drive them with plain numbers.
 *
 * Rules:
 * - An item starts at its planned instant, or right after the item before it ends, whichever is
 *   later: items planned back to back follow gaplessly, a planned gap stays a gap, and a late
 *   pre-roll pushes the programme back instead of cutting into it.
 * - The length is the decoded audio's when known (a file can differ from its metadata by a few
 *   ms; following the real length is what keeps the join gapless), else the planned duration.
 */
import type { RundownItem } from '../../../shared/onair/rundown'

export interface PlannedEntry {
  item: RundownItem
  /** epoch ms at which the item's first sample (at `offsetMs`) is heard */
  startMs: number
  endMs: number
  /** where in the item playback starts (> 0 when joining an item after a restart) */
  offsetMs: number
}

export interface PlanOptions {
  /** the earliest instant anything can start (e.g. when the pre-roll is done) */
  notBeforeMs: number
  /** decoded lengths by item id; missing → the item's planned duration */
  lengthsMs?: ReadonlyMap<string, number>
  /** offsets by item id for items joined mid-way (catch-up) */
  offsetsMs?: ReadonlyMap<string, number>
}

export function planTimeline(items: readonly RundownItem[], options: PlanOptions): PlannedEntry[] {
  const out: PlannedEntry[] = []
  let previousEndMs = options.notBeforeMs
  for (const item of [...items].sort((a, b) => a.plannedStartMs - b.plannedStartMs)) {
    const lengthMs = options.lengthsMs?.get(item.id) ?? item.durationMs
    const offsetMs = Math.min(options.offsetsMs?.get(item.id) ?? 0, lengthMs)
    // a joined item is already under way: its remainder starts as soon as possible
    const startMs = offsetMs > 0 ? previousEndMs : Math.max(item.plannedStartMs, previousEndMs)
    const endMs = startMs + (lengthMs - offsetMs)
    out.push({ item, startMs, endMs, offsetMs })
    previousEndMs = endMs
  }
  return out
}

/** What to do with one item when the engine (re)starts a session at `nowMs`. */
export type CatchUp =
  { kind: 'done' } | { kind: 'upcoming' } | { kind: 'join'; offsetMs: number } | { kind: 'missed'; lateMs: number }

export interface CatchUpOptions {
  nowMs: number
  /** how late an item may be joined mid-way (ms since its planned start) */
  toleranceMs: number
  /** the as-played log already has a row for the item */
  isLogged: boolean
}

/**
 * - logged → done (it played, or was skipped, before the restart: never twice);
 * - not started yet → upcoming;
 * - under way and at most `toleranceMs` late → join it at the position it should be at;
 * - later than that, or over → missed (logged as skipped, and the session goes on).
 */
export function decideCatchUp(item: Pick<RundownItem, 'plannedStartMs' | 'durationMs'>, o: CatchUpOptions): CatchUp {
  if (o.isLogged) return { kind: 'done' }
  const lateMs = o.nowMs - item.plannedStartMs
  if (lateMs <= 0) return { kind: 'upcoming' }
  if (lateMs <= o.toleranceMs && lateMs < item.durationMs) return { kind: 'join', offsetMs: lateMs }
  return { kind: 'missed', lateMs }
}

/** Items after `afterMs`, re-planned to follow `fromMs` gaplessly (the return after an emergency). */
export function shiftRemaining(entries: readonly PlannedEntry[], afterMs: number, fromMs: number): PlannedEntry[] {
  const rest = entries.filter((e) => e.startMs >= afterMs)
  let at = fromMs
  return rest.map((e) => {
    const length = e.endMs - e.startMs
    const startMs = Math.max(e.startMs, at)
    at = startMs + length
    return { ...e, startMs, endMs: at }
  })
}
