/** The clusters a schedule may play on, and the choice already made for a day's session (live). */
import { useLiveQuery } from 'dexie-react-hooks'
import type { LocalDate } from '../../../shared/onair/station-time'
import { appDatabase } from '../../db/database'
import { dayClusterChoice, targetableClusters, type ClusterChoice } from '../../db/queries/schedule-clusters'
import type { ClusterRow } from '../../db/records'

export function useClusterTargets(
  date: LocalDate,
  sessionId: string,
): { clusters: ClusterRow[]; choice: ClusterChoice } | undefined {
  return useLiveQuery(async () => {
    const db = appDatabase()
    const [clusters, choice] = await Promise.all([targetableClusters(db), dayClusterChoice(db, date, sessionId)])
    return { clusters, choice }
  }, [date, sessionId])
}
