/**
 * "Lưu vào thư viện": the bulletin's WAV rendering becomes a draft announcement (then the library's
 * usual approval and sync). A bulletin last rendered as MP3 (or before render details were kept)
 * is rendered to WAV first, without a download: the library keeps WAV takes.
 */
import { useCallback, useState } from 'react'
import type { ContentKind } from '../../../shared/model/common'
import { errorCodeOf } from '../../bridge/bridge'
import { BulletinError, LIBRARY_FORMAT, type Bulletin, type SavedToLibrary } from '../../db/queries/bulletins'
import type { useBulletinExport } from './useBulletinExport'

type Exporter = Pick<ReturnType<typeof useBulletinExport>, 'run'>

const problemOf = (error: unknown): string =>
  error instanceof BulletinError ? `bulletins.errors.${error.code}` : `errors.${errorCodeOf(error)}`

export function useSaveToLibrary(
  bulletin: Bulletin,
  exporter: Exporter,
  saveToLibrary: (kind: ContentKind) => Promise<SavedToLibrary>,
) {
  const [saved, setSaved] = useState<SavedToLibrary | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [isSaving, setIsSaving] = useState(false)

  const save = useCallback(
    async (kind: ContentKind) => {
      setIsSaving(true)
      setProblem(null)
      try {
        if (bulletin.rendered?.format !== LIBRARY_FORMAT) {
          // The exporter shows its own problem (or the officer cancelled).
          if (!(await exporter.run(bulletin.parts, bulletin.title, LIBRARY_FORMAT, false))) return
        }
        setSaved(await saveToLibrary(kind))
      } catch (error) {
        setProblem(problemOf(error))
      } finally {
        setIsSaving(false)
      }
    },
    [bulletin, exporter, saveToLibrary],
  )

  // What was saved belongs to one rendering: once the bulletin changes (its render is dropped) or
  // is rendered again, the note no longer applies.
  const shown = saved && saved.announcement.mediaHash === bulletin.renderedHash ? saved : null
  return { saved: shown, problem, isSaving, save }
}
