/** The cluster registry, live from Dexie, and the officer's writes to it. */
import { useLiveQuery } from 'dexie-react-hooks'
import { useCallback } from 'react'
import type { ClusterStatus } from '../../../shared/reports/report-input'
import { appDatabase } from '../../db/database'
import {
  addClusterObservation,
  changeClusterStatus,
  editCluster,
  listClustersWithHistory,
  registerCluster,
  type ClusterDraftInput,
  type ObservationKind,
} from '../../db/queries/clusters'

export function useClusters() {
  const clusters = useLiveQuery(() => listClustersWithHistory(appDatabase()), [])

  const register = useCallback(
    (draft: ClusterDraftInput, status: ClusterStatus) => registerCluster(appDatabase(), draft, status),
    [],
  )
  const edit = useCallback((id: string, draft: ClusterDraftInput) => editCluster(appDatabase(), id, draft), [])
  const setStatus = useCallback(
    (id: string, status: ClusterStatus, note: string) => changeClusterStatus(appDatabase(), id, status, note),
    [],
  )
  const observe = useCallback(
    (id: string, kind: ObservationKind, note: string) => addClusterObservation(appDatabase(), id, kind, note),
    [],
  )

  return { clusters: clusters ?? null, register, edit, setStatus, observe }
}
