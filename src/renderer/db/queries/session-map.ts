/**
 * Where the province's schedules land among the station's sessions (src/shared/onair/session-map):
 * the province's session windows come with its station profile (pulled), the officer's choices
 * are kept in `settings` (`schedule.provinceSessionMap`, renderer-local, never synced), and the
 * keys actually used are read from the pulled schedules (with their items' earliest start).
 */
import { z } from 'zod'
import {
  mapProvinceSessions,
  provinceSessionSchema,
  sessionMapOverridesSchema,
  type ProvinceSession,
  type SessionMapOverrides,
  type SessionMapping,
} from '../../../shared/onair/session-map'
import type { SessionTemplate } from '../../../shared/onair/session'
import { localTimeAt } from '../../../shared/onair/station-time'
import type { DaixaDb } from '../database'
import type { ScheduleRow } from '../records'

export const SESSION_MAP_KEY = 'schedule.provinceSessionMap'

/** A pulled schedule's fields this module reads (sync-rows.ts writes them). */
const provinceRowSchema = z.object({
  origin: z.literal('province'),
  sessionId: z.string(),
  items: z.array(z.object({ startAt: z.string() })).catch([]),
})

/** Whether a schedule row was placed by the province (read-only here). */
export const isProvinceRow = (row: ScheduleRow): boolean => (row as { origin?: unknown }).origin === 'province'

export async function loadOverrides(db: DaixaDb): Promise<SessionMapOverrides> {
  const parsed = sessionMapOverridesSchema.safeParse((await db.settings.get(SESSION_MAP_KEY))?.value)
  return parsed.success ? parsed.data : {}
}

/** The officer's choice for one province key; null goes back to "by time window". */
export async function saveOverride(db: DaixaDb, provinceKey: string, stationSessionId: string | null): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const next = { ...(await loadOverrides(db)) }
    if (stationSessionId === null) delete next[provinceKey]
    else next[provinceKey] = stationSessionId
    await db.settings.put({ key: SESSION_MAP_KEY, value: sessionMapOverridesSchema.parse(next) })
  })
}

export async function provinceSessions(db: DaixaDb): Promise<ProvinceSession[]> {
  const parsed = z.array(provinceSessionSchema).safeParse((await db.station.get('station'))?.sessions ?? [])
  return parsed.success ? parsed.data : []
}

/** The province keys used by these rows, each with its items' earliest start (station time). */
export function seenKeysOf(rows: readonly ScheduleRow[]): Map<string, string | null> {
  const seen = new Map<string, string | null>()
  for (const row of rows) {
    const parsed = provinceRowSchema.safeParse(row)
    if (!parsed.success) continue
    const starts = parsed.data.items.map((i) => Date.parse(i.startAt)).filter(Number.isFinite)
    const earliest = starts.length > 0 ? localTimeAt(Math.min(...starts)) : null
    const held = seen.get(parsed.data.sessionId)
    seen.set(parsed.data.sessionId, held == null ? earliest : earliest === null || held < earliest ? held : earliest)
  }
  return seen
}

/** The mapping for these rows (default: every province schedule held) against these station sessions. */
export async function loadSessionMappings(
  db: DaixaDb,
  stationSessions: readonly SessionTemplate[],
  rows?: readonly ScheduleRow[],
): Promise<SessionMapping[]> {
  const [profile, overrides, held] = await Promise.all([
    provinceSessions(db),
    loadOverrides(db),
    rows ?? db.schedules.filter(isProvinceRow).toArray(),
  ])
  return mapProvinceSessions({ stationSessions, provinceSessions: profile, overrides, seenKeys: seenKeysOf(held) })
}
