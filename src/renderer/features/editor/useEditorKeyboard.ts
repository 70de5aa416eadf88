/**
 * The editor's keys: Space play/pause, Delete/Backspace delete the selection, Ctrl+Z undo,
 * Ctrl+Y or Ctrl+Shift+Z redo, ←/→ nudge the selection's end (Alt: its start; Shift: bigger step).
 * Keys typed into a field (title, seconds, dB) are left to the field.
 */
import { useEffect, useRef } from 'react'
import { BIG_NUDGE_MS, NUDGE_MS } from './selection-nudge'

export interface EditorKeys {
  playPause: () => void
  deleteSelection: () => void
  undo: () => void
  redo: () => void
  nudge: (edge: 'start' | 'end', deltaMs: number) => void
}

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))

/** The action for a key press, or null when the editor does not handle it. */
function actionFor(e: KeyboardEvent, keys: EditorKeys): (() => void) | null {
  const ctrl = e.ctrlKey || e.metaKey
  const key = e.key.toLowerCase()
  if (ctrl && key === 'z') return e.shiftKey ? keys.redo : keys.undo
  if (ctrl && key === 'y') return keys.redo
  if (ctrl) return null
  if (e.key === ' ') return keys.playPause
  if (e.key === 'Delete' || e.key === 'Backspace') return keys.deleteSelection
  if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
    const step = (e.shiftKey ? BIG_NUDGE_MS : NUDGE_MS) * (e.key === 'ArrowLeft' ? -1 : 1)
    return () => keys.nudge(e.altKey ? 'start' : 'end', step)
  }
  return null
}

export function useEditorKeyboard(keys: EditorKeys): void {
  const current = useRef(keys)
  useEffect(() => {
    current.current = keys
  })
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target)) return
      const action = actionFor(e, current.current)
      if (!action) return
      e.preventDefault()
      action()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
