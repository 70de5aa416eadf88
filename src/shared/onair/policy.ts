/**
 * The station's broadcast policy and the checks that apply it BEFORE anything goes on air.
 * Limits are local decisions (R11: e.g. Hà Nội 2021 — urban wards at most 2 sessions a day,
 * 15 min each; rural 45 min including relays), so every number is configurable. The checks
 * return typed violations; the screen translates them and lets the officer decide.
 */
import { z } from 'zod'
import { placementsOn, planDay, type ItemProblem, type PlannedSession, type RundownSources } from './plan-day'
import type { Placement } from './placement'
import { addDays, dayNumber, weekdayOf, weekdaySchema, weekdays, type LocalDate, type Weekday } from './station-time'

export const catchUpPolicySchema = z.object({
  /** Lateness up to this is treated as on time (the item plays from its start). */
  toleranceMs: z.number().int().min(0).max(60_000),
  /** A current item found later than the tolerance after a restart: join where it would be, or play it from its start. */
  current: z.enum(['join', 'restart']),
})
export type CatchUpPolicy = z.infer<typeof catchUpPolicySchema>

export const stationPolicySchema = z.object({
  maxMinutesPerSession: z.number().int().min(1).max(600),
  maxSessionsPerDay: z.number().int().min(1).max(12),
  allowedDays: z.array(weekdaySchema).max(7),
  /** Whether relayed programmes count towards the minutes per session. */
  isRelayCounted: z.boolean(),
  catchUp: catchUpPolicySchema,
})
export type StationPolicy = z.infer<typeof stationPolicySchema>

export const defaultPolicy = (): StationPolicy => ({
  maxMinutesPerSession: 45,
  maxSessionsPerDay: 3,
  allowedDays: [...weekdays],
  isRelayCounted: true,
  catchUp: { toleranceMs: 5_000, current: 'join' },
})

export type Violation =
  | {
      kind: 'over-length'
      date: LocalDate
      sessionId: string
      plannedMs: number
      limitMs: number
      limit: 'session' | 'policy'
    }
  | { kind: 'too-many-sessions'; date: LocalDate; count: number; limit: number }
  | { kind: 'disallowed-day'; date: LocalDate; weekday: Weekday; sessionId: string }
  | { kind: 'overlap'; date: LocalDate; sessionId: string; otherSessionId: string; overlapMs: number }
  | { kind: 'unknown-session'; date: LocalDate; placementId: string; sessionId: string; origin?: 'province' }
  | (ItemProblem & { date: LocalDate; sessionId: string })
export type ViolationKind = Violation['kind']

/** Every violation on one day. */
export function checkDay(date: LocalDate, sources: RundownSources, policy: StationPolicy): Violation[] {
  const planned = planDay(date, sources)
  const busy = planned.filter((p) => p.rundown.items.length > 0)
  const out: Violation[] = []
  for (const p of planned) {
    for (const problem of p.problems) out.push({ ...problem, date, sessionId: p.template.id })
  }
  for (const p of busy) out.push(...lengthViolations(date, p, policy))
  if (busy.length > policy.maxSessionsPerDay) {
    out.push({ kind: 'too-many-sessions', date, count: busy.length, limit: policy.maxSessionsPerDay })
  }
  const weekday = weekdayOf(date)
  if (!policy.allowedDays.includes(weekday)) {
    for (const p of busy) out.push({ kind: 'disallowed-day', date, weekday, sessionId: p.template.id })
  }
  out.push(...overlaps(date, busy))
  const known = new Set(sources.sessions.filter((s) => s.isEnabled).map((s) => s.id))
  for (const pl of placementsOn(sources.placements, date)) {
    if (!known.has(pl.sessionId)) {
      const origin = pl.origin === 'province' ? { origin: 'province' as const } : {}
      out.push({ kind: 'unknown-session', date, placementId: pl.id, sessionId: pl.sessionId, ...origin })
    }
  }
  return out
}

/** Every violation in a date range (inclusive), day by day. */
export function checkRange(
  from: LocalDate,
  to: LocalDate,
  sources: RundownSources,
  policy: StationPolicy,
): Violation[] {
  const out: Violation[] = []
  const days = Math.min(dayNumber(to) - dayNumber(from), 400)
  for (let i = 0; i <= days; i++) out.push(...checkDay(addDays(from, i), sources, policy))
  return out
}

/**
 * What saving `draft` would cause: the violations on the days it occurs (within `horizonDays`
 * of `from`) that involve it or did not exist without it. Shown before the officer saves.
 */
export function previewPlacement(
  draft: Placement,
  sources: RundownSources,
  policy: StationPolicy,
  from: LocalDate,
  horizonDays = 31,
): Violation[] {
  const others = sources.placements.filter((p) => p.id !== draft.id)
  const before: RundownSources = { ...sources, placements: others }
  const after: RundownSources = { ...sources, placements: [...others, draft] }
  const out: Violation[] = []
  for (let i = 0; i < horizonDays; i++) {
    const date = addDays(from, i)
    if (placementsOn([draft], date).length === 0) continue
    const existing = new Set(checkDay(date, before, policy).map(violationKey))
    out.push(...checkDay(date, after, policy).filter((v) => !existing.has(violationKey(v)) || involves(v, draft)))
  }
  return out
}

function involves(v: Violation, draft: Placement): boolean {
  return 'placementId' in v && v.placementId === draft.id
}

/** Identity of a violation regardless of its measured amounts (so "longer still" is not new). */
export function violationKey(v: Violation): string {
  const place = 'placementId' in v ? v.placementId : ''
  const session = 'sessionId' in v ? v.sessionId : ''
  const other = v.kind === 'overlap' ? v.otherSessionId : v.kind === 'over-length' ? v.limit : ''
  return [v.kind, v.date, session, place, other].join('|')
}

function lengthViolations(date: LocalDate, p: PlannedSession, policy: StationPolicy): Violation[] {
  const items = p.rundown.items
  const plannedMs = items.reduce((sum, i) => sum + i.durationMs, 0)
  const countedMs = items.reduce((sum, i) => sum + (i.kind === 'relay' && !policy.isRelayCounted ? 0 : i.durationMs), 0)
  const out: Violation[] = []
  const sessionLimitMs = p.template.lengthMin * 60_000
  if (plannedMs > sessionLimitMs) {
    out.push({
      kind: 'over-length',
      date,
      sessionId: p.template.id,
      plannedMs,
      limitMs: sessionLimitMs,
      limit: 'session',
    })
  }
  const policyLimitMs = policy.maxMinutesPerSession * 60_000
  if (countedMs > policyLimitMs) {
    out.push({
      kind: 'over-length',
      date,
      sessionId: p.template.id,
      plannedMs: countedMs,
      limitMs: policyLimitMs,
      limit: 'policy',
    })
  }
  return out
}

/** The end of a session's slot: its booked length, or later when its items run over. */
const slotEnd = (p: PlannedSession): number =>
  Math.max(p.rundown.endMs, p.rundown.startMs + p.template.lengthMin * 60_000)

/** Sessions whose slot reaches into the next one's start. */
function overlaps(date: LocalDate, busy: PlannedSession[]): Violation[] {
  const out: Violation[] = []
  const sorted = [...busy].sort((a, b) => a.rundown.startMs - b.rundown.startMs)
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]
    if (!a) continue
    for (const b of sorted.slice(i + 1)) {
      const overlapMs = slotEnd(a) - b.rundown.startMs
      if (overlapMs > 0) {
        out.push({ kind: 'overlap', date, sessionId: a.template.id, otherSessionId: b.template.id, overlapMs })
      }
    }
  }
  return out
}
