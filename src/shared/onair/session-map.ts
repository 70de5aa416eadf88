/**
 * Which station session (buổi phát of this station: sang / trua / chieu…) a province session key
 * (`morning`, `evening`, from the province's station profile and its schedules) lands in.
 *
 * By default by time window: the province's window [start, end) against each enabled station
 * session's booked slot [start, start + length); the largest overlap wins (ties: the closer start,
 * then the earlier session). With no overlap, the nearest slot within 60 minutes (a province
 * "11:30–12:00" next to a station "11:00–11:30"). A key the province profile does not describe
 * is placed by the earliest start of its items on that day. The officer's choice in Cài đặt
 * overrides all of it. A key that matches nothing is reported once (not once per item).
 */
import { z } from 'zod'
import type { SessionTemplate } from './session'
import { localTimeSchema, minutesOf } from './station-time'

/** A session as the province's station profile describes it (Province API v1 `Station.sessions`). */
export const provinceSessionSchema = z.object({
  id: z.string().min(1).max(40),
  label: z.string().max(100),
  start: localTimeSchema,
  end: localTimeSchema,
})
export type ProvinceSession = z.infer<typeof provinceSessionSchema>

/** The officer's choices: province key → station session id. Absent = by time window. */
export const sessionMapOverridesSchema = z.record(z.string().min(1).max(40), z.string().min(1).max(100))
export type SessionMapOverrides = z.infer<typeof sessionMapOverridesSchema>

/** How far apart a province window and a station slot may be and still match without overlapping. */
export const NEAREST_WITHIN_MIN = 60

export type MappedBy = 'officer' | 'time-window' | 'item-time' | 'none'

export interface SessionMapping {
  provinceKey: string
  /** The station session it lands in; null: none matches (its items play nowhere). */
  stationSessionId: string | null
  by: MappedBy
  /** The window used (province profile, or the items' earliest start as a one-minute window). */
  window: { start: string; end: string } | null
}

export interface MappingInputs {
  stationSessions: readonly SessionTemplate[]
  provinceSessions: readonly ProvinceSession[]
  overrides: SessionMapOverrides
  /** Keys met on province schedules, with the earliest item start (`HH:MM`, station time) if any. */
  seenKeys: ReadonlyMap<string, string | null>
}

interface Span {
  from: number
  to: number
}

const DAY_MIN = 24 * 60

function spanOf(start: string, end: string): Span {
  const from = minutesOf(start)
  const to = minutesOf(end)
  // an end at or before the start runs past midnight (or is a point): at least one minute long
  return { from, to: to > from ? to : to === from ? from + 1 : to + DAY_MIN }
}

const slotOf = (s: SessionTemplate): Span => ({ from: minutesOf(s.start), to: minutesOf(s.start) + s.lengthMin })
const overlap = (a: Span, b: Span): number => Math.max(0, Math.min(a.to, b.to) - Math.max(a.from, b.from))
const gap = (a: Span, b: Span): number => Math.max(0, Math.max(a.from, b.from) - Math.min(a.to, b.to))

/** The enabled station session whose slot best fits `window`, or null. */
export function bestSession(window: Span, sessions: readonly SessionTemplate[]): string | null {
  const enabled = sessions.filter((s) => s.isEnabled)
  const ranked = enabled
    .map((s) => ({ s, over: overlap(window, slotOf(s)), gap: gap(window, slotOf(s)) }))
    .filter((r) => r.over > 0 || r.gap <= NEAREST_WITHIN_MIN)
    .sort(
      (a, b) =>
        b.over - a.over ||
        a.gap - b.gap ||
        Math.abs(slotOf(a.s).from - window.from) - Math.abs(slotOf(b.s).from - window.from) ||
        a.s.start.localeCompare(b.s.start),
    )
  return ranked[0]?.s.id ?? null
}

/** Every known province key with where it lands, in the order of their windows. */
export function mapProvinceSessions(inputs: MappingInputs): SessionMapping[] {
  const known = new Set(inputs.stationSessions.map((s) => s.id))
  const keys = new Map<string, { start: string; end: string } | null>()
  for (const p of inputs.provinceSessions) keys.set(p.id, { start: p.start, end: p.end })
  for (const [key, earliest] of inputs.seenKeys) {
    if (!keys.has(key)) keys.set(key, earliest === null ? null : { start: earliest, end: earliest })
  }
  const fromProfile = new Set(inputs.provinceSessions.map((p) => p.id))
  const out: SessionMapping[] = []
  for (const [provinceKey, window] of keys) {
    const chosen = inputs.overrides[provinceKey]
    if (chosen !== undefined && known.has(chosen)) {
      out.push({ provinceKey, stationSessionId: chosen, by: 'officer', window })
      continue
    }
    const best = window ? bestSession(spanOf(window.start, window.end), inputs.stationSessions) : null
    const by: MappedBy = best === null ? 'none' : fromProfile.has(provinceKey) ? 'time-window' : 'item-time'
    out.push({ provinceKey, stationSessionId: best, by, window })
  }
  return out.sort((a, b) => (a.window?.start ?? '99').localeCompare(b.window?.start ?? '99'))
}

/** Province key → station session id (null: matches none), for reading schedules. */
export function sessionResolver(mappings: readonly SessionMapping[]): (provinceKey: string) => string | null {
  const byKey = new Map(mappings.map((m) => [m.provinceKey, m.stationSessionId]))
  return (key) => byKey.get(key) ?? null
}
