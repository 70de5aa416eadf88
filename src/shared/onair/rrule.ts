/**
 * The recurrence rules a placement may repeat by: a subset of iCalendar RRULE (RFC 5545
 * §3.3.10, https://www.rfc-editor.org/rfc/rfc5545#section-3.3.10), written here so that it runs
 * the same in main, renderer and tests with no time-zone database.
 *
 * Wire format: `FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR;COUNT=10`, optionally prefixed `RRULE:`.
 * Supported parts: FREQ (DAILY | WEEKLY), INTERVAL, BYDAY (plain weekday codes, no ordinals),
 * COUNT, UNTIL (DATE `20261231`, or DATE-TIME `20261231T170000Z` / floating `20261231T235900`,
 * which count by their calendar day in the station zone), WKST. Anything else is refused by name
 * (BYMONTH, BYSETPOS, FREQ=MONTHLY, …) so a rule never silently means less than it says.
 * "A repeat count with a gap" is COUNT with INTERVAL: `FREQ=DAILY;INTERVAL=3;COUNT=5`.
 * The occurrence time is the session's start; the rule only chooses days (see rrule-expand.ts).
 */
import { z } from 'zod'
import { localDateAt, weekdaySchema, weekdays, type LocalDate, type Weekday } from './station-time'

export const recurrenceRuleSchema = z
  .object({
    freq: z.enum(['DAILY', 'WEEKLY']),
    interval: z.number().int().min(1).max(366),
    byDay: z.array(weekdaySchema).max(7),
    count: z.number().int().min(1).max(1000).nullable(),
    /** Inclusive last local date, or null for no end. */
    until: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable(),
    weekStart: weekdaySchema,
  })
  .refine((r) => r.count === null || r.until === null, {
    message: 'COUNT and UNTIL must not both be set (RFC 5545)',
  })
export type RecurrenceRule = z.infer<typeof recurrenceRuleSchema>

export const rruleErrorCodes = [
  'empty',
  'syntax',
  'missing-freq',
  'unsupported-freq',
  'unsupported-part',
  'duplicate-part',
  'bad-interval',
  'bad-count',
  'bad-until',
  'bad-byday',
  'bad-wkst',
  'count-and-until',
] as const
export type RRuleErrorCode = (typeof rruleErrorCodes)[number]
export interface RRuleError {
  code: RRuleErrorCode
  /** The part that failed, as written (`BYMONTH=1`), when there is one. */
  part: string | null
}

export type RRuleParse = { ok: true; rule: RecurrenceRule } | { ok: false; error: RRuleError }

const supportedParts = ['FREQ', 'INTERVAL', 'BYDAY', 'COUNT', 'UNTIL', 'WKST'] as const
type PartName = (typeof supportedParts)[number]
const isSupported = (name: string): name is PartName => (supportedParts as readonly string[]).includes(name)

const fail = (code: RRuleErrorCode, part: string | null = null): RRuleParse => ({ ok: false, error: { code, part } })

const positiveInt = z
  .string()
  .regex(/^[1-9]\d{0,3}$/)
  .transform(Number)
const untilDate = /^(\d{4})(\d{2})(\d{2})(T\d{6}Z?)?$/

/** Parses an RRULE value; errors name the offending part so the screen can say what to fix. */
export function parseRRule(text: string): RRuleParse {
  const body = text.trim().replace(/^RRULE:/i, '')
  if (body === '') return fail('empty')
  const parts = new Map<PartName, string>()
  for (const raw of body.split(';')) {
    const match = /^([A-Za-z]+)=([^=;]+)$/.exec(raw.trim())
    if (!match?.[1] || !match[2]) return fail('syntax', raw)
    const name = match[1].toUpperCase()
    if (!isSupported(name)) return fail('unsupported-part', raw)
    if (parts.has(name)) return fail('duplicate-part', raw)
    parts.set(name, match[2].toUpperCase())
  }
  return buildRule(parts)
}

function buildRule(parts: Map<PartName, string>): RRuleParse {
  const freq = parts.get('FREQ')
  if (freq === undefined) return fail('missing-freq')
  if (freq !== 'DAILY' && freq !== 'WEEKLY') return fail('unsupported-freq', `FREQ=${freq}`)
  const interval = readInt(parts.get('INTERVAL'), 366)
  if (interval === 'bad') return fail('bad-interval', `INTERVAL=${parts.get('INTERVAL') ?? ''}`)
  const count = readInt(parts.get('COUNT'), 1000)
  if (count === 'bad') return fail('bad-count', `COUNT=${parts.get('COUNT') ?? ''}`)
  const untilPart = readUntil(parts.get('UNTIL'))
  if (untilPart === 'bad') return fail('bad-until', `UNTIL=${parts.get('UNTIL') ?? ''}`)
  const until = untilPart.date
  if (count !== null && until !== null) return fail('count-and-until')
  const byDay = readByDay(parts.get('BYDAY'))
  if (byDay === 'bad') return fail('bad-byday', `BYDAY=${parts.get('BYDAY') ?? ''}`)
  const wkst = parts.get('WKST') ?? 'MO'
  const weekStart = weekdaySchema.safeParse(wkst)
  if (!weekStart.success) return fail('bad-wkst', `WKST=${wkst}`)
  const rule = recurrenceRuleSchema.parse({
    freq,
    interval: interval ?? 1,
    byDay,
    count,
    until,
    weekStart: weekStart.data,
  })
  return { ok: true, rule }
}

function readInt(value: string | undefined, max: number): number | null | 'bad' {
  if (value === undefined) return null
  const parsed = positiveInt.safeParse(value)
  return parsed.success && parsed.data <= max ? parsed.data : 'bad'
}

function readUntil(value: string | undefined): { date: LocalDate | null } | 'bad' {
  if (value === undefined) return { date: null }
  const m = untilDate.exec(value)
  if (!m) return 'bad'
  const date = `${m[1]}-${m[2]}-${m[3]}`
  const time = m[4]
  const ms = Date.parse(`${date}T00:00:00Z`)
  if (!Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== date) return 'bad'
  // A UTC DATE-TIME names an instant: its calendar day in the station zone is the last day.
  if (time?.endsWith('Z')) {
    const hh = Number(time.slice(1, 3))
    const mm = Number(time.slice(3, 5))
    const ss = Number(time.slice(5, 7))
    if (hh > 23 || mm > 59 || ss > 59) return 'bad'
    return { date: localDateAt(ms + ((hh * 60 + mm) * 60 + ss) * 1000) }
  }
  return { date }
}

function readByDay(value: string | undefined): Weekday[] | 'bad' {
  if (value === undefined) return []
  const days: Weekday[] = []
  for (const code of value.split(',')) {
    const day = weekdaySchema.safeParse(code.trim())
    if (!day.success || days.includes(day.data)) return 'bad'
    days.push(day.data)
  }
  return days.sort((a, b) => weekdays.indexOf(a) - weekdays.indexOf(b))
}

/** The canonical text of a rule (what is stored): parts in a fixed order, defaults left out. */
export function formatRRule(rule: RecurrenceRule): string {
  const parts = [`FREQ=${rule.freq}`]
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`)
  if (rule.byDay.length > 0) parts.push(`BYDAY=${rule.byDay.join(',')}`)
  if (rule.count !== null) parts.push(`COUNT=${rule.count}`)
  if (rule.until !== null) parts.push(`UNTIL=${rule.until.replaceAll('-', '')}`)
  if (rule.weekStart !== 'MO') parts.push(`WKST=${rule.weekStart}`)
  return parts.join(';')
}
