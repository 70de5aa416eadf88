/** Metadata and approval writes for one announcement (each with its outbox entry, see db/queries). */
import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo } from 'react'
import { ensureRendition } from '../../audio/renditions/render-rendition'
import { appDatabase } from '../../db/database'
import {
  approveAnnouncement,
  getAnnouncement,
  requestApproval,
  returnToDraft,
  updateAnnouncementMetadata,
  type AnnouncementMetadata,
} from '../../db/queries/announcements'

export function useAnnouncementMetadata(id: string | null) {
  const announcement = useLiveQuery(() => (id ? getAnnouncement(appDatabase(), id) : undefined), [id])
  return useMemo(
    () => ({
      announcement: announcement ?? null,
      save: (metadata: AnnouncementMetadata) => (id ? updateAnnouncementMetadata(appDatabase(), id, metadata) : null),
      // The approver listens to, and approves, the audio that airs: rendered before either step.
      submit: () => (id ? ensureRendition(id).then(() => requestApproval(appDatabase(), id)) : null),
      approve: (approver: string) =>
        id ? ensureRendition(id).then(() => approveAnnouncement(appDatabase(), id, approver)) : null,
      toDraft: () => (id ? returnToDraft(appDatabase(), id) : null),
    }),
    [announcement, id],
  )
}
