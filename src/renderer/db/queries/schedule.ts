/**
 * Schedule persistence: session templates (`sessions`), recurring rules (`scheduleRules`) and
 * one-off day schedules (`schedules`, one row per date and session), the station policy
 * (`settings` key `onair.policy`), and the assembly of a day's rundown from all of it plus the
 * library. A write to `schedules` and its outbox entry (entity 'schedule') happen in one
 * transaction; the payload carries the Province API's schedule content (date, session, zone,
 * clusters — all of the station's, or the officer's choice —, the announcement/program items at
 * their planned instants) and our full `entries`.
 * Rules are local only: Province API v1 has no recurring schedules.
 */
import { z } from 'zod'
import { newId } from '../../../shared/ids'
import type { ScheduleItem } from '../../../shared/province/entities'
import {
  placementSchema,
  scheduleEntryRecordSchema,
  type Placement,
  type ScheduleEntryRecord,
} from '../../../shared/onair/placement'
import { planDay, type PlannedSession, type RundownSources } from '../../../shared/onair/plan-day'
import { defaultPolicy, stationPolicySchema, type StationPolicy } from '../../../shared/onair/policy'
import type { RundownSession } from '../../../shared/onair/rundown'
import { defaultSessions, sessionTemplateSchema, type SessionTemplate } from '../../../shared/onair/session'
import { sessionResolver } from '../../../shared/onair/session-map'
import { STATION_ZONE, type LocalDate } from '../../../shared/onair/station-time'
import type { DaixaDb } from '../database'
import { outboxEntry } from './outbox'
import type { ScheduleRow, ScheduleRuleRow, SessionRow } from '../records'
import { loadLibrary } from './schedule-library'
import { clusterChoiceOf, clusterChoiceSchema, resolveClusterIds, type ClusterChoice } from './schedule-clusters'
import { scheduleToPlacements } from './schedule-rows'
import { isProvinceRow, loadSessionMappings } from './session-map'

const POLICY_KEY = 'onair.policy'

// ---- sessions ---------------------------------------------------------------------------------

/** The templates, with defaults for fields older rows lack; the three default sessions when none is saved. */
export async function listSessions(db: DaixaDb): Promise<SessionTemplate[]> {
  const rows = await db.sessions.toArray()
  if (rows.length === 0) return defaultSessions()
  const base = { lengthMin: 30, isEnabled: true, preRoll: [], postRoll: [], zones: [], rds: null }
  return rows.flatMap((row) => {
    const parsed = sessionTemplateSchema.safeParse({ ...base, ...row })
    return parsed.success ? [parsed.data] : []
  })
}

/** Saves one template (parsed first); the first save also stores the defaults it was chosen among. */
export async function saveSession(db: DaixaDb, template: SessionTemplate): Promise<void> {
  const parsed = sessionTemplateSchema.parse(template)
  await db.transaction('rw', db.sessions, async () => {
    if ((await db.sessions.count()) === 0) await db.sessions.bulkPut(defaultSessions() satisfies SessionRow[])
    await db.sessions.put(parsed satisfies SessionRow)
  })
}

// ---- rules ------------------------------------------------------------------------------------

export function ruleToPlacement(row: ScheduleRuleRow): Placement | null {
  const parsed = placementSchema.safeParse({
    id: row.id,
    sessionId: row.sessionId,
    content: row.content,
    priority: row.priority ?? null,
    order: row.order ?? 0,
    when: { kind: 'rule', dtstart: row.dtstart, rrule: row.rrule },
    scheduleId: row.id,
  })
  return parsed.success ? parsed.data : null
}

export async function listRules(db: DaixaDb): Promise<Placement[]> {
  return (await db.scheduleRules.toArray()).flatMap((row) => ruleToPlacement(row) ?? [])
}

/** Saves a recurring placement (when.kind 'rule'). */
export async function saveRule(db: DaixaDb, placement: Placement, now = new Date()): Promise<void> {
  const p = placementSchema.parse(placement)
  if (p.when.kind !== 'rule') throw new Error('schedule: saveRule needs a placement with a rule')
  const at = now.toISOString()
  const existing = await db.scheduleRules.get(p.id)
  await db.scheduleRules.put({
    id: p.id,
    sessionId: p.sessionId,
    updatedAt: at,
    createdAt: existing?.createdAt ?? at,
    content: p.content,
    priority: p.priority,
    order: p.order,
    dtstart: p.when.dtstart,
    rrule: p.when.rrule,
  })
}

export async function deleteRule(db: DaixaDb, id: string): Promise<void> {
  await db.scheduleRules.delete(id)
}

// ---- one-off day schedules --------------------------------------------------------------------

const entriesSchema = z.array(scheduleEntryRecordSchema)

/**
 * The one-off placements of the dates from `from` to `to`: the station's own, and the province's
 * placed in the station session their key maps to (session-map.ts).
 */
export async function listSchedules(
  db: DaixaDb,
  from: LocalDate,
  to: LocalDate,
  sessions?: readonly SessionTemplate[],
): Promise<Placement[]> {
  const rows = await db.schedules.where('date').between(from, to, true, true).toArray()
  const province = rows.filter(isProvinceRow)
  if (province.length === 0) return rows.flatMap((row) => scheduleToPlacements(row))
  const mappings = await loadSessionMappings(db, sessions ?? (await listSessions(db)), province)
  const resolve = sessionResolver(mappings)
  return rows.flatMap((row) => scheduleToPlacements(row, resolve))
}

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
  // Every table the planner reads: the province items are the day planned with this change in it.
  const tables = [
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
  await db.transaction('rw', tables, async () => {
    // the station's own row of that session (a province schedule with the same key is not ours to edit)
    const existing = await db.schedules
      .where('[date+sessionId]')
      .equals([date, sessionId])
      .filter((row) => !isProvinceRow(row))
      .first()
    if (parsed.length === 0) {
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
      entries: parsed,
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
      items: await provinceItemsOf(db, date, sessionId, row.id),
      note: '',
      entries: parsed,
    }
    await addOutbox(db, row.id, existing ? 'update' : 'create', content, existing?.serverVersion ?? null, at)
  })
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
  date: LocalDate,
  sessionId: string,
  scheduleId: string,
): Promise<ScheduleItem[]> {
  const planned = (await planDayFromDb(db, date)).find((p) => p.template.id === sessionId)
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

// ---- policy -----------------------------------------------------------------------------------

export async function loadPolicy(db: DaixaDb): Promise<StationPolicy> {
  const parsed = stationPolicySchema.safeParse((await db.settings.get(POLICY_KEY))?.value)
  return parsed.success ? parsed.data : defaultPolicy()
}

export async function savePolicy(db: DaixaDb, policy: StationPolicy): Promise<void> {
  await db.settings.put({ key: POLICY_KEY, value: stationPolicySchema.parse(policy) })
}

// ---- the day ----------------------------------------------------------------------------------

/** Everything the planner needs for the dates from `from` to `to`. */
export async function loadRundownSources(db: DaixaDb, from: LocalDate, to: LocalDate): Promise<RundownSources> {
  const sessions = await listSessions(db)
  const [rules, once, library, hashes] = await Promise.all([
    listRules(db),
    listSchedules(db, from, to, sessions),
    loadLibrary(db),
    db.mediaAssets.toCollection().primaryKeys(),
  ])
  // Rendered bulletins and imported jingles are written to the media store without a media-asset
  // row; only announcements' files can be checked here (the engine checks every file again).
  const stored = [...library.values()].filter((e) => e.kind === 'bulletin' || e.kind === 'jingle')
  const present = new Set<string>([...hashes, ...stored.flatMap((e) => e.mediaHash ?? [])])
  return { sessions, placements: [...rules, ...once], library, hasMedia: (hash) => present.has(hash) }
}

export async function planDayFromDb(db: DaixaDb, date: LocalDate): Promise<PlannedSession[]> {
  return planDay(date, await loadRundownSources(db, date, date))
}

/** The day's rundown for the playout engine: sessions with something to play. */
export async function rundownForDay(db: DaixaDb, date: LocalDate): Promise<RundownSession[]> {
  return (await planDayFromDb(db, date)).map((p) => p.rundown).filter((s) => s.items.length > 0)
}
