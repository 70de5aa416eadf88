/** Open rejections, live, and dismissing one once the officer has read it. */
import { useLiveQuery } from 'dexie-react-hooks'
import { useCallback } from 'react'
import { appDatabase } from '../../db/database'
import { dismissRejection, listOpenRejections } from '../../sync/app/sync-rows'

export function useRejections() {
  const rows = useLiveQuery(() => listOpenRejections(appDatabase()), [])
  const dismiss = useCallback((id: string) => dismissRejection(appDatabase(), id, new Date().toISOString()), [])
  return { rows: rows ?? null, dismiss }
}
