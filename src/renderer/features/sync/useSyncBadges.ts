/**
 * The sync badge of each library row: Dexie's outbox, rejections and media states (live) plus the
 * engine's upload progress. Works outside a `SyncProvider` too (no live uploads then).
 */
import { useLiveQuery } from 'dexie-react-hooks'
import { useCallback, useContext } from 'react'
import { appDatabase } from '../../db/database'
import { badgeFor, type BadgeItem, type SyncBadge } from '../../sync/app/item-badge'
import { badgeInputs } from '../../sync/app/sync-rows'
import { SyncContext } from './sync-context'

export function useSyncBadges(): (item: BadgeItem) => SyncBadge | null {
  const inputs = useLiveQuery(() => badgeInputs(appDatabase()), [])
  const uploads = useContext(SyncContext)?.view.status.uploads
  return useCallback(
    (item: BadgeItem) => (inputs ? badgeFor(item, { ...inputs, uploads: uploads ?? [] }) : null),
    [inputs, uploads],
  )
}
