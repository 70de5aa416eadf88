/**
 * The editor's state: the announcement (live from Dexie), its stored peaks, the edit list with
 * undo/redo, the selection, and saving. Every change is saved (debounced) with an outbox entry;
 * the original media file is never touched.
 */
import { useLiveQuery } from 'dexie-react-hooks'
import { useCallback, useEffect, useMemo, useState } from 'react'
import {
  emptyEditList,
  timelineDuration,
  toTimeline,
  type EditList,
  type EditOp,
} from '../../../shared/editor/edit-list'
import { canRedo, canUndo, commit, redo, startHistory, undo, type History } from '../../../shared/editor/history'
import { applyEdit } from '../../../shared/editor/markers'
import { mapPeaks } from '../../../shared/editor/peaks-map'
import type { Peaks } from '../../../shared/ipc/media'
import { holdRenditions } from '../../audio/renditions/keeper'
import { call, errorCodeOf } from '../../bridge/bridge'
import { appDatabase } from '../../db/database'
import { getAnnouncement, saveEditList } from '../../db/queries/announcements'

export interface Selection {
  startMs: number
  endMs: number
}

export type SaveState = 'saved' | 'saving' | 'failed'
const SAVE_DELAY_MS = 600

function usePeaks(hash: string | undefined) {
  const [peaks, setPeaks] = useState<Peaks | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  useEffect(() => {
    if (!hash) return undefined
    let live = true
    call('media:peaks', { hash })
      .then((p) => live && setPeaks(p))
      .catch((error: unknown) => live && setProblem(`errors.${errorCodeOf(error)}`))
    return () => {
      live = false
    }
  }, [hash])
  return { peaks, problem }
}

/** Saves the edit list a moment after the last change (each save is one outbox entry). */
function useAutoSave(id: string, list: EditList | null, isDirty: boolean, onSaved: (state: SaveState) => void) {
  useEffect(() => {
    if (!list || !isDirty) return undefined
    const timer = setTimeout(() => {
      saveEditList(appDatabase(), id, list).then(
        () => onSaved('saved'),
        () => onSaved('failed'),
      )
    }, SAVE_DELAY_MS)
    return () => clearTimeout(timer)
  }, [id, list, isDirty, onSaved])
}

export function useEditor(id: string) {
  const announcement = useLiveQuery(() => getAnnouncement(appDatabase(), id), [id])
  const { peaks, problem } = usePeaks(announcement?.mediaHash)
  const [edited, setEdited] = useState<History<EditList> | null>(null)
  const [selection, setSelection] = useState<Selection | null>(null)
  const [isDirty, setDirty] = useState(false)
  const [saveState, setSaveState] = useState<SaveState>('saved')
  // Until the first change, the history starts from what is stored (kept live from Dexie).
  const initial = useMemo(
    () =>
      announcement
        ? startHistory(announcement.editList ?? emptyEditList(announcement.mediaHash, announcement.durationMs))
        : null,
    [announcement],
  )
  const history = edited ?? initial

  const list = history?.present ?? null
  const segments = useMemo(() => (list ? toTimeline(list) : []), [list])
  const durationMs = useMemo(() => timelineDuration(segments), [segments])
  const editedPeaks = useMemo(
    () => (peaks && list ? mapPeaks(peaks, segments, list.processing.normalizeGainDb) : null),
    [peaks, segments, list],
  )
  useAutoSave(id, list, isDirty, setSaveState)
  // While open, the officer is still changing it: the keeper renders it once the editor closes.
  useEffect(() => holdRenditions(id), [id])

  const change = useCallback(
    (next: (l: EditList) => EditList) => {
      if (!initial) return
      setDirty(true)
      setSaveState('saving')
      setEdited((h) => {
        const base = h ?? initial
        return commit(base, next(base.present))
      })
    },
    [initial],
  )

  const edit = useCallback(
    (op: EditOp) => {
      change((l) => applyEdit(l, op, timelineDuration(toTimeline(l))))
      if (op.kind === 'delete' || op.kind === 'keep') setSelection(null)
    },
    [change],
  )

  const step = useCallback(
    (how: 'undo' | 'redo') => {
      if (!initial || !history || !(how === 'undo' ? canUndo(history) : canRedo(history))) return
      setDirty(true)
      setSaveState('saving')
      setEdited((h) => (how === 'undo' ? undo(h ?? initial) : redo(h ?? initial)))
    },
    [initial, history],
  )

  return {
    announcement: announcement ?? null,
    problem,
    peaks,
    editedPeaks,
    list,
    segments,
    durationMs,
    selection,
    setSelection,
    edit,
    change,
    undo: () => step('undo'),
    redo: () => step('redo'),
    canUndo: history ? canUndo(history) : false,
    canRedo: history ? canRedo(history) : false,
    saveState,
  }
}

export type EditorModel = ReturnType<typeof useEditor>
