/** Small display helpers of the sync screens (pure; unit-tested). */

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

/** 1536 → "1.5 MB"-style byte counts for upload progress. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} kB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

export type AdviceKey = 'edit' | 'schedule' | 'province' | 'cluster'

const KNOWN_REASONS = new Set([
  'invalid-mutation',
  'read-only-entity',
  'not-found',
  'already-exists',
  'gone',
  'version-conflict',
  'cancelled-by-province',
  'schedule-overlap',
  'program-not-found',
  'program-withdrawn',
  'program-not-valid',
  'announcement-not-found',
  'unknown-cluster',
  'cluster-removed',
  'invalid-entry',
])

/** The translation key of a rejection reason (`other` for one this version does not know). */
export const reasonKey = (reason: string): string => (KNOWN_REASONS.has(reason) ? reason : 'other')

/** What the officer can do about a rejection. */
export function adviceFor(reason: string): AdviceKey {
  switch (reason) {
    case 'schedule-overlap':
    case 'program-not-found':
    case 'program-withdrawn':
    case 'program-not-valid':
    case 'announcement-not-found':
      return 'schedule'
    case 'unknown-cluster':
    case 'cluster-removed':
      return 'cluster'
    case 'read-only-entity':
    case 'cancelled-by-province':
    case 'gone':
    case 'already-exists':
      return 'province'
    default:
      return 'edit'
  }
}
