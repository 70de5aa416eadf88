/** The operation log as the screen shows it: entries for the filters, and the integrity check. */
import { useCallback, useEffect, useState } from 'react'
import type { IntegrityReport, OperationEntry, OperationFilter } from '../../../shared/ipc/oplog'
import { call } from '../../bridge/bridge'

export interface LogFilter {
  /** yyyy-MM-dd (a Vietnam calendar day), or ''. */
  fromDay: string
  toDay: string
  userId: string | null
  action: OperationFilter['action']
}

export const noFilter: LogFilter = { fromDay: '', toDay: '', userId: null, action: null }

/** A Vietnam calendar day's first or last instant (UTC+7, no daylight saving). */
const dayEdge = (day: string, edge: 'start' | 'end'): string | null =>
  day === '' ? null : new Date(`${day}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}+07:00`).toISOString()

export function useOperationLog(filter: LogFilter) {
  const [entries, setEntries] = useState<OperationEntry[] | null>(null)
  const [total, setTotal] = useState(0)
  const [report, setReport] = useState<IntegrityReport | null>(null)
  const [isChecking, setChecking] = useState(false)

  const load = useCallback(
    () =>
      call('oplog:list', {
        from: dayEdge(filter.fromDay, 'start'),
        to: dayEdge(filter.toDay, 'end'),
        userId: filter.userId,
        action: filter.action,
        limit: 1000,
      }).then((answer) => {
        setEntries(answer.entries)
        setTotal(answer.total)
      }),
    [filter],
  )

  useEffect(() => {
    load().catch((error: unknown) => console.error('oplog: could not read the operation log', error))
  }, [load])

  const check = useCallback(async () => {
    setChecking(true)
    try {
      setReport(await call('oplog:verify', {}))
      await load()
    } finally {
      setChecking(false)
    }
  }, [load])

  return { entries, total, report, isChecking, check, reload: load }
}
