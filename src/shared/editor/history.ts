/**
 * Undo and redo for the editor: snapshots of the edit list (small: a list of operations), at least
 * 50 steps kept, the oldest dropped first. A new change after an undo discards the redo branch.
 */
export const HISTORY_LIMIT = 200

export interface History<T> {
  readonly past: readonly T[]
  readonly present: T
  readonly future: readonly T[]
}

export const startHistory = <T>(present: T): History<T> => ({ past: [], present, future: [] })

export function commit<T>(h: History<T>, next: T, limit = HISTORY_LIMIT): History<T> {
  const past = [...h.past, h.present]
  return { past: past.slice(Math.max(0, past.length - limit)), present: next, future: [] }
}

export function undo<T>(h: History<T>): History<T> {
  const previous = h.past[h.past.length - 1]
  if (previous === undefined) return h
  return { past: h.past.slice(0, -1), present: previous, future: [h.present, ...h.future] }
}

export function redo<T>(h: History<T>): History<T> {
  const [next, ...rest] = h.future
  if (next === undefined) return h
  return { past: [...h.past, h.present], present: next, future: rest }
}

export const canUndo = <T>(h: History<T>): boolean => h.past.length > 0
export const canRedo = <T>(h: History<T>): boolean => h.future.length > 0
