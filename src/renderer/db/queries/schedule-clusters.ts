/**
 * The loudspeaker clusters a day schedule plays on (Province API v1 `ScheduleContent.clusterIds`,
 * at least one). The officer's choice is kept on the schedule row: every cluster of the station
 * (the default) or a chosen list. "Every cluster" is resolved when the schedule is SENT, from the
 * province's cluster list as it is then (not removed; a cluster the commune registered is not the
 * province's yet): a schedule made before the first sync waits in the outbox until the list has
 * arrived, instead of going out empty and being refused.
 */
import { z } from 'zod'
import type { DaixaDb } from '../database'
import type { ClusterRow, ScheduleRow } from '../records'

export const clusterChoiceSchema = z.union([z.literal('all'), z.array(z.string().min(1).max(100)).min(1).max(500)])
/** 'all': every cluster of the station, as the province lists them when the schedule is sent. */
export type ClusterChoice = z.infer<typeof clusterChoiceSchema>

/** The clusters a schedule may name: the province's, not removed, by code. */
export async function targetableClusters(db: DaixaDb): Promise<ClusterRow[]> {
  const rows = await db.clusters.toArray()
  return rows
    .filter((c) => c.origin === 'province' && c.status !== 'removed')
    .sort((a, b) => a.code.localeCompare(b.code, 'vi'))
}

export async function resolveClusterIds(db: DaixaDb, choice: ClusterChoice): Promise<string[]> {
  return choice === 'all' ? (await targetableClusters(db)).map((c) => c.id) : [...choice]
}

/** The choice kept on a schedule row (none yet: every cluster). */
export function clusterChoiceOf(row: ScheduleRow | undefined): ClusterChoice {
  const parsed = clusterChoiceSchema.safeParse(row?.targetClusters)
  return parsed.success ? parsed.data : 'all'
}

/** The choice of a day's own schedule of a session (for the item form). */
export async function dayClusterChoice(db: DaixaDb, date: string, sessionId: string): Promise<ClusterChoice> {
  const rows = await db.schedules.where('[date+sessionId]').equals([date, sessionId]).toArray()
  return clusterChoiceOf(rows.find((r) => (r as { origin?: unknown }).origin !== 'province'))
}
