/** The sessions of a day as automatic playout would play them, live from Dexie (the trial's choices). */
import { useLiveQuery } from 'dexie-react-hooks'
import type { PlannedSession } from '../../../shared/onair/plan-day'
import type { LocalDate } from '../../../shared/onair/station-time'
import { appDatabase } from '../../db/database'
import { planDayFromDb } from '../../db/queries/schedule'

export function useTrialSessions(date: LocalDate): PlannedSession[] | null {
  return useLiveQuery(() => planDayFromDb(appDatabase(), date), [date]) ?? null
}
