/**
 * What waits for the province, live from the outbox: shown even while signed out or offline,
 * when the engine is not running and its own counts are stale.
 */
import { useLiveQuery } from 'dexie-react-hooks'
import { appDatabase } from '../../db/database'
import { pendingSummary, type PendingSummary } from '../../db/queries/sync-status'

export function usePendingSummary(): PendingSummary | null {
  return useLiveQuery(() => pendingSummary(appDatabase()), []) ?? null
}
