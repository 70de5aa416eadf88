/**
 * Keyboard nudging of the selection: ←/→ move the end edge, Alt+←/→ the start edge, by 100 ms
 * (Shift: 1 s). Edges stay inside the take and at least 10 ms apart. Without a selection, the
 * first nudge selects one step from the playhead.
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
