/**
 * Session templates (`settings` key `schedule.templates`, renderer-local) and the bulk fills of
 * Lịch phát: a template laid into sessions over days, a day copied to other days, a week copied
 * to the next. `planFill` says what would be written and what it would replace (shown first);
 * `applyFill` writes it in one transaction. Days that are over are never written.
 */
import { z } from 'zod'
import { newId } from '../../../shared/ids'
import {
  conflictsOf,
  copyWrites,
  fillTemplateSchema,
  templateWrites,
  type DayWrite,
  type Existing,
  type FillConflict,
  type FillMode,
  type FillTemplate,
} from '../../../shared/onair/fill'
import type { ScheduleEntryRecord } from '../../../shared/onair/placement'
import type { LocalDate } from '../../../shared/onair/station-time'
import { defaultSessions } from '../../../shared/onair/session'
import type { DaixaDb } from '../database'
import type { SessionRow } from '../records'
import { listSchedules, listSessions } from './schedule'
import { setManyDayEntries } from './schedule-write'

export const TEMPLATES_KEY = 'schedule.templates'

export async function listTemplates(db: DaixaDb): Promise<FillTemplate[]> {
  const parsed = z.array(z.unknown()).safeParse((await db.settings.get(TEMPLATES_KEY))?.value)
  if (!parsed.success) return []
  return parsed.data.flatMap((raw) => {
    const t = fillTemplateSchema.safeParse(raw)
    return t.success ? [t.data] : []
  })
}

/** Saves (adds or replaces by id) one template, parsed first. */
export async function saveTemplate(db: DaixaDb, template: FillTemplate): Promise<void> {
  const parsed = fillTemplateSchema.parse(template)
  await db.transaction('rw', db.settings, async () => {
    const others = (await listTemplates(db)).filter((t) => t.id !== parsed.id)
    await db.settings.put({ key: TEMPLATES_KEY, value: [...others, parsed] })
  })
}

export async function deleteTemplate(db: DaixaDb, id: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const rest = (await listTemplates(db)).filter((t) => t.id !== id)
    await db.settings.put({ key: TEMPLATES_KEY, value: rest })
  })
}

/**
 * Removes a session. Its items stay where they are (the day's check reports them under the
 * session's id) until the officer removes them or adds a session with that id back.
 */
export async function deleteSession(db: DaixaDb, id: string): Promise<void> {
  await db.transaction('rw', db.sessions, async () => {
    if ((await db.sessions.count()) === 0) await db.sessions.bulkPut(defaultSessions() satisfies SessionRow[])
    await db.sessions.delete(id)
  })
}

export type FillRequest =
  | {
      kind: 'template'
      template: FillTemplate
      sessionIds: readonly string[]
      dates: readonly LocalDate[]
      mode: FillMode
    }
  | { kind: 'copy'; pairs: readonly { from: LocalDate; to: LocalDate }[]; mode: FillMode }

export interface FillPlan {
  writes: DayWrite[]
  /** targets that hold the station's own items now (replaced, or added after, per the mode) */
  conflicts: FillConflict[]
  /** target days that are over: left out */
  past: LocalDate[]
}

/** The station's own one-off entries of the dates (the province's are not ours to copy or replace). */
async function existingOn(db: DaixaDb, dates: readonly LocalDate[]): Promise<Existing> {
  const sorted = [...dates].sort()
  const from = sorted[0]
  const to = sorted[sorted.length - 1]
  const byKey = new Map<string, ScheduleEntryRecord[]>()
  if (from !== undefined && to !== undefined) {
    for (const p of await listSchedules(db, from, to)) {
      if (p.origin === 'province' || p.when.kind !== 'once') continue
      const key = `${p.when.date}|${p.sessionId}`
      byKey.set(key, [
        ...(byKey.get(key) ?? []),
        { id: p.id, content: p.content, priority: p.priority, order: p.order },
      ])
    }
  }
  return (date, sessionId) => byKey.get(`${date}|${sessionId}`) ?? []
}

/** What a fill would write, what it would replace, and the days left out because they are over. */
export async function planFill(db: DaixaDb, request: FillRequest, today: LocalDate): Promise<FillPlan> {
  if (request.kind === 'template') {
    const dates = request.dates.filter((d) => d >= today)
    const past = request.dates.filter((d) => d < today)
    const targets = dates.flatMap((date) => request.sessionIds.map((sessionId) => ({ date, sessionId })))
    const existing = await existingOn(db, dates)
    const writes = templateWrites(request.template, targets, existing, request.mode, newId)
    return { writes, conflicts: conflictsOf(targets, existing), past }
  }
  const pairs = request.pairs.filter((p) => p.to >= today)
  const past = request.pairs.filter((p) => p.to < today).map((p) => p.to)
  const existing = await existingOn(
    db,
    pairs.flatMap((p) => [p.from, p.to]),
  )
  const sessionIds = (await listSessions(db)).map((s) => s.id)
  const writes = copyWrites(pairs, sessionIds, existing, request.mode, newId)
  return { writes, conflicts: conflictsOf(writes, existing), past }
}

/** Plans the fill again on what is there now and writes it, all or nothing; resolves with the days written. */
export async function applyFill(db: DaixaDb, request: FillRequest, today: LocalDate, now = new Date()) {
  const plan = await planFill(db, request, today)
  await setManyDayEntries(db, plan.writes, now)
  return plan
}
