/** The sync view (connection + engine status) and the commands, from the nearest `SyncProvider`. */
import { useContext } from 'react'
import { SyncContext, type SyncContextValue } from './sync-context'

export function useSyncStatus(): SyncContextValue {
  const value = useContext(SyncContext)
  if (!value) throw new Error('sync: useSyncStatus outside SyncProvider')
  return value
}
