/**
 * Open rejections, live, each with what it is about (named as the officer knows it), and the
 * actions: "Gửi lại" (with the clusters chosen as the fix, for a schedule) and "Đã xem".
 */
import { useLiveQuery } from 'dexie-react-hooks'
import { useCallback } from 'react'
import { appDatabase } from '../../db/database'
import type { ClusterChoice } from '../../db/queries/schedule-clusters'
import type { RejectionRow } from '../../db/records'
import { resendRejection } from '../../sync/app/rejection-resend'
import { describeRejection, type RejectionSubject } from '../../sync/app/rejection-subject'
import { dismissRejection, listOpenRejections } from '../../sync/app/sync-rows'

export interface OpenRejection {
  row: RejectionRow
  subject: RejectionSubject
}

async function load(): Promise<OpenRejection[]> {
  const db = appDatabase()
  const rows = await listOpenRejections(db)
  return Promise.all(rows.map(async (row) => ({ row, subject: await describeRejection(db, row) })))
}

export function useRejections() {
  const items = useLiveQuery(load, [])
  const dismiss = useCallback((id: string) => dismissRejection(appDatabase(), id, new Date().toISOString()), [])
  const resend = useCallback(
    (row: RejectionRow, clusters?: ClusterChoice) =>
      resendRejection(appDatabase(), row, clusters === undefined ? {} : { clusters }),
    [],
  )
  return { items: items ?? null, dismiss, resend }
}
