/**
 * Keyboard nudging of the selection: ←/→ move the end edge, Alt+←/→ the start edge, by 100 ms
 * (Shift: 1 s). Edges stay inside the take and at least 10 ms apart. Without a selection, the
 * first nudge selects one step from the playhead. `typedSelection` checks an edge typed in the
 * selection fields.
 */
import type { Selection } from './useEditor'

export const NUDGE_MS = 100
export const BIG_NUDGE_MS = 1000
const MIN_SPAN_MS = 10

export function nudgeSelection(
  selection: Selection | null,
  edge: 'start' | 'end',
  deltaMs: number,
  totalMs: number,
  playheadMs: number,
): Selection | null {
  if (totalMs <= MIN_SPAN_MS) return selection
  const base = selection ?? {
    startMs: Math.min(playheadMs, totalMs - MIN_SPAN_MS),
    endMs: Math.min(playheadMs, totalMs - MIN_SPAN_MS) + MIN_SPAN_MS,
  }
  if (edge === 'start') {
    const startMs = Math.max(0, Math.min(base.startMs + deltaMs, base.endMs - MIN_SPAN_MS))
    return { ...base, startMs }
  }
  const endMs = Math.min(totalMs, Math.max(base.endMs + deltaMs, base.startMs + MIN_SPAN_MS))
  return { ...base, endMs }
}

/** A typed edge that cannot make a selection: start at or after the end (or past the take). */
export interface SelectionProblem {
  edge: 'start' | 'end'
  startMs: number
  endMs: number
}

/**
 * The selection after one edge is typed (seconds). An edge that would cross the other is refused
 * with what was typed, never dropped silently: the old selection (or the whole take, when there
 * was none) must not be what the next fade or cut applies to.
 */
export function typedSelection(
  selection: Selection | null,
  edge: 'start' | 'end',
  seconds: number,
  totalMs: number,
): { selection: Selection } | { problem: SelectionProblem } {
  const typedMs = Math.min(Math.max(0, Math.round(seconds * 1000)), totalMs)
  const startMs = edge === 'start' ? typedMs : (selection?.startMs ?? 0)
  const endMs = edge === 'end' ? typedMs : (selection?.endMs ?? totalMs)
  if (endMs - startMs < MIN_SPAN_MS) return { problem: { edge, startMs, endMs } }
  return { selection: { startMs, endMs } }
}
