/**
 * Markers live on the edited timeline, so every edit moves them with the audio under them: a cut
 * before a marker pulls it earlier, inserted silence pushes it later, and a marker inside audio
 * that is removed goes with it. `applyEdit` is the one way the editor adds an operation.
 */
import type { EditList, EditOp, Marker } from './edit-list'

function moveMarker(m: Marker, op: EditOp, totalMs: number): Marker | null {
  switch (op.kind) {
    case 'delete': {
      const end = Math.min(op.endMs, totalMs)
      if (m.atMs < op.startMs) return m
      if (m.atMs < end) return null
      return { ...m, atMs: m.atMs - (end - op.startMs) }
    }
    case 'keep':
      if (m.atMs < op.startMs || m.atMs >= op.endMs) return null
      return { ...m, atMs: m.atMs - op.startMs }
    case 'insert-silence':
      return m.atMs < op.atMs ? m : { ...m, atMs: m.atMs + op.durationMs }
    case 'fade':
    case 'gain':
      return m
  }
}

export function shiftMarkers(markers: readonly Marker[], op: EditOp, totalMs: number): Marker[] {
  return markers.flatMap((m) => moveMarker(m, op, totalMs) ?? [])
}

/** The list with `op` appended and the markers moved to follow the audio. */
export function applyEdit(list: EditList, op: EditOp, totalMs: number): EditList {
  return { ...list, ops: [...list.ops, op], markers: shiftMarkers(list.markers, op, totalMs) }
}
