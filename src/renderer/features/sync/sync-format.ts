/** Small display helpers of the sync screens (pure; unit-tested). */
import { observationResultSchema } from '../../../shared/province/observations'
import { rejectionReasons, type RejectionReason } from '../../../shared/province/push'

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
]

/** How long ago `iso` was, in the officer's language: "5 phút trước", "2 days ago". */
export function formatAge(iso: string, nowMs: number, language: string): string {
  const ageMs = Math.max(0, nowMs - Date.parse(iso))
  const format = new Intl.RelativeTimeFormat(language === 'en' ? 'en' : 'vi', { numeric: 'auto' })
  for (const [unit, size] of UNITS) if (ageMs >= size) return format.format(-Math.floor(ageMs / size), unit)
  return format.format(-Math.floor(ageMs / 1000), 'second')
}

/**
 * From this far apart, the officer is told the laptop's clock is off: sessions and schedules play
 * on the laptop's clock, and a relay of the national news that starts late misses its top.
 */
export const CLOCK_SKEW_WARNING_MS = 60_000

export interface ClockSkew {
  direction: 'behind' | 'ahead'
  minutes: number
}

/** The laptop's clock against the province's (`serverClockOffsetMs` = province − laptop), or null when close. */
export function clockSkew(offsetMs: number | null): ClockSkew | null {
  if (offsetMs === null || Math.abs(offsetMs) < CLOCK_SKEW_WARNING_MS) return null
  return { direction: offsetMs > 0 ? 'behind' : 'ahead', minutes: Math.round(Math.abs(offsetMs) / 60_000) }
}

/** The reasons an observation (play log, device event) is turned away for, from its schema. */
const observationRejectionReasons = observationResultSchema.shape.reason.unwrap().options

/**
 * Every rejection reason the province can give, taken from the wire schemas so a reason added
 * there is known here too (and then needs a translation and an advice, which the tests check).
 */
export type KnownRejectionReason = RejectionReason | (typeof observationRejectionReasons)[number]
export const knownRejectionReasons: readonly KnownRejectionReason[] = [
  ...new Set([...rejectionReasons, ...observationRejectionReasons]),
]

const KNOWN_REASONS: ReadonlySet<string> = new Set(knownRejectionReasons)
const isKnownReason = (reason: string): reason is KnownRejectionReason => KNOWN_REASONS.has(reason)

/** The translation key of a rejection reason (`other` for one this version does not know). */
export const reasonKey = (reason: string): KnownRejectionReason | 'other' => (isKnownReason(reason) ? reason : 'other')
