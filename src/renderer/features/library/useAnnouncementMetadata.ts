/**
 * Metadata and approval writes for one announcement (each with its outbox entry, see db/queries).
 * Approving is a guarded action (local roles): with roles on, the approver is the user main
 * confirmed, not a typed name.
 */
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
import { useGuard } from '../roles/useGuard'

export function useAnnouncementMetadata(id: string | null) {
  const announcement = useLiveQuery(() => (id ? getAnnouncement(appDatabase(), id) : undefined), [id])
  const guard = useGuard()
  return useMemo(
    () => ({
      announcement: announcement ?? null,
      save: (metadata: AnnouncementMetadata) => (id ? updateAnnouncementMetadata(appDatabase(), id, metadata) : null),
      // The approver listens to, and approves, the audio that airs: rendered before either step.
      submit: () => (id ? ensureRendition(id).then(() => requestApproval(appDatabase(), id)) : null),
      approve: (approver: string) =>
        id && announcement
          ? guard(
              'approve',
              { kind: 'announcement', id, label: announcement.title },
              (user) => ensureRendition(id).then(() => approveAnnouncement(appDatabase(), id, user?.name ?? approver)),
              { before: announcement, after: (row) => row },
            )
          : null,
      toDraft: () => (id ? returnToDraft(appDatabase(), id) : null),
    }),
    [announcement, id, guard],
  )
}
