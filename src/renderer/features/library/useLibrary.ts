/** The library's announcements, live from Dexie, and deleting one with its file. */
import { useLiveQuery } from 'dexie-react-hooks'
import { useCallback } from 'react'
import type { Announcement } from '../../../shared/model/announcement'
import { call } from '../../bridge/bridge'
import { appDatabase } from '../../db/database'
import { useGuard } from '../roles/useGuard'
import {
  deleteAnnouncementRows,
  isLastUseOfMedia,
  listAnnouncements,
  renameAnnouncement,
} from '../../db/queries/announcements'

export function useLibrary() {
  const announcements = useLiveQuery(() => listAnnouncements(appDatabase()), [])

  /**
   * File first, then rows: if the file cannot be deleted nothing changes and the officer is told;
   * rows are never left pointing at a file that is gone, and no file stays behind unreferenced.
   */
  const guard = useGuard()
  /** Deleting is a guarded action (local roles); answers null when it was refused or cancelled. */
  const remove = useCallback(
    (announcement: Announcement) =>
      guard(
        'delete',
        { kind: 'announcement', id: announcement.id, label: announcement.title },
        async () => {
          const db = appDatabase()
          if (await isLastUseOfMedia(db, announcement)) await call('media:delete', { hash: announcement.mediaHash })
          await deleteAnnouncementRows(db, announcement.id)
          return true
        },
        { before: announcement },
      ),
    [guard],
  )

  const rename = useCallback((id: string, title: string) => renameAnnouncement(appDatabase(), id, title), [])

  return { announcements: announcements ?? null, remove, rename }
}
