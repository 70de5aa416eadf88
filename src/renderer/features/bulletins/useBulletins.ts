/** Bulletins and what they draw from (library, province programs, sessions), live from Dexie, and the writes the screen makes. */
import { useLiveQuery } from 'dexie-react-hooks'
import { useCallback } from 'react'
import type { BulletinContent } from '../../../shared/editor/bulletin'
import type { ContentKind } from '../../../shared/model/common'
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
  const save = useCallback((content: BulletinContent) => saveBulletinContent(appDatabase(), id, content), [id])
  const markRendered = useCallback((file: RenderedFile) => setBulletinRendered(appDatabase(), id, file), [id])
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
