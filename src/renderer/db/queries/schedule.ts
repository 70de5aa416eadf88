/**
 * Schedule persistence: session templates (`sessions`), recurring rules (`scheduleRules`) and
 * one-off day schedules (`schedules`, one row per date and session), the station policy
 * (`settings` key `onair.policy`), and the assembly of a day's rundown from all of it plus the
 * library. Day schedules are written by schedule-write.ts (each with its outbox entry).
 * Rules are local only: Province API v1 has no recurring schedules.
 */
import { placementSchema, type Placement } from '../../../shared/onair/placement'
import { planDay, type PlannedSession, type RundownSources } from '../../../shared/onair/plan-day'
import { defaultPolicy, stationPolicySchema, type StationPolicy } from '../../../shared/onair/policy'
import type { RundownSession } from '../../../shared/onair/rundown'
import { byStart, defaultSessions, sessionTemplateSchema, type SessionTemplate } from '../../../shared/onair/session'
import { sessionResolver } from '../../../shared/onair/session-map'
import type { LocalDate } from '../../../shared/onair/station-time'
import type { DaixaDb } from '../database'
import type { ScheduleRuleRow, SessionRow } from '../records'
import { loadLibrary } from './schedule-library'
import { scheduleToPlacements } from './schedule-rows'
export { setDayEntries, setManyDayEntries, type DayWrite } from './schedule-write'
import { isProvinceRow, loadSessionMappings } from './session-map'

const POLICY_KEY = 'onair.policy'

// ---- sessions ---------------------------------------------------------------------------------

/**
 * The templates in the order of their start, with defaults for fields older rows lack; the three
 * default sessions when none is saved.
 */
export async function listSessions(db: DaixaDb): Promise<SessionTemplate[]> {
  const rows = await db.sessions.toArray()
  if (rows.length === 0) return defaultSessions()
  const base = { lengthMin: 30, isEnabled: true, preRoll: [], postRoll: [], zones: [], rds: null }
  return rows
    .flatMap((row) => {
      const parsed = sessionTemplateSchema.safeParse({ ...base, ...row })
      return parsed.success ? [parsed.data] : []
    })
    .sort(byStart)
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

// ---- one-off day schedules (written by schedule-write.ts) --------------------------------------------------------------------

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
  const { rules, ...fixed } = await loadFixedSources(db)
  const once = await listSchedules(db, from, to, fixed.sessions)
  return { ...fixed, placements: [...rules, ...once] }
}

/** The sources that do not depend on the dates: sessions, rules, the library and the stored files. */
export async function loadFixedSources(
  db: DaixaDb,
): Promise<Omit<RundownSources, 'placements'> & { sessions: SessionTemplate[]; rules: Placement[] }> {
  const [sessions, rules, library, hashes] = await Promise.all([
    listSessions(db),
    listRules(db),
    loadLibrary(db),
    db.mediaAssets.toCollection().primaryKeys(),
  ])
  // Rendered bulletins and imported jingles are written to the media store without a media-asset
  // row; only announcements' files can be checked here (the engine checks every file again).
  const stored = [...library.values()].filter((e) => e.kind === 'bulletin' || e.kind === 'jingle')
  const present = new Set<string>([...hashes, ...stored.flatMap((e) => e.mediaHash ?? [])])
  return { sessions, rules, library, hasMedia: (hash) => present.has(hash) }
}

export async function planDayFromDb(db: DaixaDb, date: LocalDate): Promise<PlannedSession[]> {
  return planDay(date, await loadRundownSources(db, date, date))
}

/** The day's rundown for the playout engine: sessions with something to play. */
export async function rundownForDay(db: DaixaDb, date: LocalDate): Promise<RundownSession[]> {
  return (await planDayFromDb(db, date)).map((p) => p.rundown).filter((s) => s.items.length > 0)
}
