/**
 * Writing one-off day schedules (`schedules`, one row per date and session): each row with its
 * outbox entry (entity 'schedule') in the same transaction. The payload carries the Province
 * API's schedule content (date, session, zone, clusters — all of the station's, or the officer's
 * choice —, the announcement/program items at their planned instants) and our full `entries`.
 * A bulk write (a template over a week, a copied day or week) is one transaction: all or nothing.
 */
import { z } from 'zod'
import { newId } from '../../../shared/ids'
import { scheduleEntryRecordSchema, type Placement, type ScheduleEntryRecord } from '../../../shared/onair/placement'
import type { DayWrite } from '../../../shared/onair/fill'
import { planDay, type RundownSources } from '../../../shared/onair/plan-day'
import type { ScheduleItem } from '../../../shared/province/entities'
import { STATION_ZONE, type LocalDate } from '../../../shared/onair/station-time'
import type { DaixaDb } from '../database'
import type { ScheduleRow } from '../records'
import { outboxEntry } from './outbox'
import { listSchedules, loadFixedSources } from './schedule'
import { clusterChoiceOf, clusterChoiceSchema, resolveClusterIds, type ClusterChoice } from './schedule-clusters'
import { isProvinceRow } from './session-map'

export type { DayWrite }

const entriesSchema = z.array(scheduleEntryRecordSchema)

// Every table the planner reads: the province items are the day planned with this change in it.
const writeTables = (db: DaixaDb) => [
  db.schedules,
  db.outbox,
  db.sessions,
  db.scheduleRules,
  db.announcements,
  db.programs,
  db.bulletins,
  db.mediaAssets,
  db.clusters,
  db.settings,
  db.station,
]

/**
 * Replaces the one-off entries of a session on a date (add, remove and reorder all come here),
 * with an outbox entry in the same transaction. An emptied schedule is deleted.
 */
export async function setDayEntries(
  db: DaixaDb,
  date: LocalDate,
  sessionId: string,
  entries: ScheduleEntryRecord[],
  now = new Date(),
  options: { clusters?: ClusterChoice } = {},
): Promise<void> {
  const parsed = entriesSchema.parse(entries)
  const chosen = options.clusters === undefined ? undefined : clusterChoiceSchema.parse(options.clusters)
  const at = now.toISOString()
  await db.transaction('rw', writeTables(db), async () => {
    await writeDay(db, { date, sessionId, entries: parsed }, at, chosen, planCache(db))
  })
}

/**
 * Many days' entries in ONE transaction (a template over a week, a copied day or week): all of
 * them are written, with their outbox entries, or none is.
 */
export async function setManyDayEntries(db: DaixaDb, writes: readonly DayWrite[], now = new Date()): Promise<void> {
  const parsed = writes.map((w) => ({ ...w, entries: entriesSchema.parse(w.entries) }))
  const at = now.toISOString()
  await db.transaction('rw', writeTables(db), async () => {
    const cache = planCache(db)
    for (const w of parsed) await writeDay(db, w, at, undefined, cache)
  })
}

/** What planning a day needs that does not change while a transaction writes day schedules. */
interface PlanCache {
  fixed: () => Promise<Omit<RundownSources, 'placements'> & { rules: Placement[] }>
}

function planCache(db: DaixaDb): PlanCache {
  let fixed: ReturnType<PlanCache['fixed']> | null = null
  return {
    fixed: () => (fixed ??= loadFixedSources(db)),
  }
}

async function writeDay(
  db: DaixaDb,
  write: DayWrite,
  at: string,
  chosen: ClusterChoice | undefined,
  cache: PlanCache,
): Promise<void> {
  const { date, sessionId, entries } = write
  // the station's own row of that session (a province schedule with the same key is not ours to edit)
  const existing = await db.schedules
    .where('[date+sessionId]')
    .equals([date, sessionId])
    .filter((row) => !isProvinceRow(row))
    .first()
  if (entries.length === 0) {
    if (!existing) return
    await db.schedules.delete(existing.id)
    await addOutbox(db, existing.id, 'delete', null, existing.serverVersion, at)
    return
  }
  const clusters = chosen ?? clusterChoiceOf(existing)
  const row: ScheduleRow = {
    ...existing,
    id: existing?.id ?? newId(),
    date,
    sessionId,
    serverVersion: existing?.serverVersion ?? null,
    updatedAt: at,
    entries,
    targetClusters: clusters,
  }
  await db.schedules.put(row)
  const content = {
    date,
    sessionId,
    timeZone: STATION_ZONE,
    // The zone. "Every cluster" is resolved again when it is sent (schedule-clusters.ts): a
    // schedule made before the province's list arrived waits for it instead of going out empty.
    clusterIds: await resolveClusterIds(db, clusters),
    clusterChoice: clusters === 'all' ? 'all' : 'chosen',
    items: await provinceItemsOf(db, cache, date, sessionId, row.id),
    note: '',
    entries,
  }
  await addOutbox(db, row.id, existing ? 'update' : 'create', content, existing?.serverVersion ?? null, at)
}

function addOutbox(
  db: DaixaDb,
  entityId: string,
  op: 'create' | 'update' | 'delete',
  payload: unknown,
  base: number | null,
  at: string,
) {
  return db.outbox.add(outboxEntry('schedule', entityId, op, payload, at, base))
}

/** What the province can hold of a day's schedule: its announcements and programs at their planned instants. */
async function provinceItemsOf(
  db: DaixaDb,
  cache: PlanCache,
  date: LocalDate,
  sessionId: string,
  scheduleId: string,
): Promise<ScheduleItem[]> {
  const { rules, ...fixed } = await cache.fixed()
  const once = await listSchedules(db, date, date, fixed.sessions)
  // only that session is planned (its province items and rules included)
  const sessions = fixed.sessions.filter((s) => s.id === sessionId)
  const planned = planDay(date, { ...fixed, sessions, placements: [...rules, ...once] })[0]
  return (planned?.rundown.items ?? []).flatMap((item) =>
    item.scheduleId === scheduleId && (item.kind === 'announcement' || item.kind === 'program') && item.targetId
      ? [
          {
            id: item.id.split('@')[0] ?? item.id,
            target: { kind: item.kind, id: item.targetId },
            startAt: new Date(item.plannedStartMs).toISOString(),
            durationMs: item.durationMs,
          },
        ]
      : [],
  )
}
