/** Bulletins and what they draw from (library, province programs, sessions), live from Dexie, and the writes the screen makes. */
import { useLiveQuery } from 'dexie-react-hooks'
import { useCallback } from 'react'
import type { BulletinContent } from '../../../shared/editor/bulletin'
import type { ContentKind } from '../../../shared/model/common'
import { releaseMediaIfUnused } from '../../audio/renditions/release'
import { appDatabase } from '../../db/database'
import { listAnnouncements } from '../../db/queries/announcements'
import {
  createBulletin,
  deleteBulletin,
  getBulletin,
  listBulletins,
  saveBulletinContent,
  saveBulletinToLibrary,
  setBulletinRendered,
  type RenderedFile,
} from '../../db/queries/bulletins'
import { listSessions, loadPolicy } from '../../db/queries/schedule'
import { programChoices, sessionLimits } from './part-sources'

/** Releasing is housekeeping: a failure leaves a file to the next sweep, never an error on screen. */
const release = (hash: string | null): void => {
  void releaseMediaIfUnused(hash).catch((error: unknown) => console.warn('bulletins: release failed', error))
}

export function useBulletinList() {
  const bulletins = useLiveQuery(() => listBulletins(appDatabase()), [])
  const create = useCallback((title: string) => createBulletin(appDatabase(), title), [])
  const remove = useCallback((id: string) => deleteBulletin(appDatabase(), id), [])
  return { bulletins: bulletins ?? null, create, remove }
}

export function useBulletin(id: string) {
  const bulletin = useLiveQuery(() => getBulletin(appDatabase(), id), [id])
  const announcements = useLiveQuery(() => listAnnouncements(appDatabase()), [])
  // Programs arrive from the province (sync); only those whose audio is known can be parts.
  const programs = useLiveQuery(async () => programChoices(await appDatabase().programs.toArray()), [])
  const sessions = useLiveQuery(async () => {
    const db = appDatabase()
    return sessionLimits(await listSessions(db), await loadPolicy(db))
  }, [])
  // A changed or re-rendered bulletin no longer needs its old rendering: the file is released
  // unless something else holds it (saved to the library, another bulletin).
  const save = useCallback(
    async (content: BulletinContent) => {
      const before = await getBulletin(appDatabase(), id)
      const saved = await saveBulletinContent(appDatabase(), id, content)
      if (before?.renderedHash && before.renderedHash !== saved.renderedHash) release(before.renderedHash)
      return saved
    },
    [id],
  )
  const markRendered = useCallback(
    async (file: RenderedFile) => release(await setBulletinRendered(appDatabase(), id, file)),
    [id],
  )
  const saveToLibrary = useCallback((kind: ContentKind) => saveBulletinToLibrary(appDatabase(), id, kind), [id])
  return {
    bulletin: bulletin ?? null,
    announcements: announcements ?? [],
    programs: programs ?? [],
    sessions: sessions ?? [],
    save,
    markRendered,
    saveToLibrary,
  }
}
