/**
 * The renderer's side of "programme audio ahead of need": reads the planned days of the horizon
 * and the province's programmes from the database and turns them into the download plan
 * (shared/prefetch/plan.ts) that main's download service follows.
 */
import type { DownloadPlan } from '../../../shared/ipc/downloads'
import { planDay } from '../../../shared/onair/plan-day'
import { addDays, localDateAt } from '../../../shared/onair/station-time'
import { prefetchWants, type PlannedDay, type ProgrammeFacts } from '../../../shared/prefetch/plan'
import type { DaixaDb } from '../../db/database'
import { loadRundownSources } from '../../db/queries/schedule'
import type { ProgramRow } from '../../db/records'

export interface PrefetchInput {
  days: PlannedDay[]
  plan: DownloadPlan
}

const msOf = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso))

export function programmeFacts(p: ProgramRow): ProgrammeFacts {
  return {
    id: p.id,
    title: p.title,
    priority: p.priority,
    status: p.status ?? 'active',
    validToMs: msOf(p.validTo),
    updatedAt: p.updatedAt,
    mediaHash: p.mediaHash ?? null,
    mediaSize: p.mediaSize ?? null,
    durationMs: p.durationMs ?? null,
  }
}

/** The horizon's days from today as planned, and what to fetch for them (every table read is watched by liveQuery). */
export async function readPrefetch(db: DaixaDb, nowMs: number, horizonDays: number): Promise<PrefetchInput> {
  const today = localDateAt(nowMs)
  const last = addDays(today, horizonDays - 1)
  const [sources, programs, assets] = await Promise.all([
    loadRundownSources(db, today, last),
    db.programs.toArray(),
    db.mediaAssets.toCollection().primaryKeys(),
  ])
  const days = Array.from({ length: horizonDays }, (_, i): PlannedDay => {
    const date = addDays(today, i)
    return { date, sessions: planDay(date, sources).map((p) => p.rundown) }
  })
  const items = prefetchWants(days, programs.map(programmeFacts), nowMs)
  // the station's own files (announcements) are never the download service's to release
  return { days, plan: { items, keep: assets.map(String) } }
}
