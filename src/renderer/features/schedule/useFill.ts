/** The session templates (live) and the bulk fills of Lịch phát, planned and applied from the station's today. */
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useState } from 'react'
import { localDateAt } from '../../../shared/onair/station-time'
import { appDatabase } from '../../db/database'
import { applyFill, listTemplates, planFill, type FillPlan, type FillRequest } from '../../db/queries/schedule-fill'

export function useTemplates() {
  return useLiveQuery(() => listTemplates(appDatabase()), []) ?? null
}

export const previewFill = (request: FillRequest): Promise<FillPlan> =>
  planFill(appDatabase(), request, localDateAt(Date.now()))

export const runFill = (request: FillRequest): Promise<FillPlan> =>
  applyFill(appDatabase(), request, localDateAt(Date.now()))

/** What `request` would write, recomputed when it changes (an older answer is never shown). */
export function useFillPlan(request: FillRequest | null): FillPlan | null {
  const [plan, setPlan] = useState<{ request: FillRequest; plan: FillPlan } | null>(null)
  useEffect(() => {
    if (!request) return
    let isCurrent = true
    previewFill(request).then(
      (answer) => isCurrent && setPlan({ request, plan: answer }),
      () => isCurrent && setPlan(null),
    )
    return () => {
      isCurrent = false
    }
  }, [request])
  return plan && plan.request === request ? plan.plan : null
}
