/**
 * The validity window is chosen as whole days in Vietnam (UTC+7, no daylight saving): "from" is
 * the start of its day, "to" is exclusive, the start of the day after the last valid day.
 */
const VN_OFFSET_MS = 7 * 3600_000
const DAY_MS = 24 * 3600_000

/** "2026-11-24" → the instant that day starts in Vietnam; null for an empty or bad date. */
export function dayStartInstant(date: string, plusDays = 0): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null
  const utcMidnight = Date.parse(`${date}T00:00:00.000Z`)
  if (Number.isNaN(utcMidnight)) return null
  return new Date(utcMidnight - VN_OFFSET_MS + plusDays * DAY_MS).toISOString()
}

/** The Vietnam calendar day an instant falls on, minus `minusDays`, as "YYYY-MM-DD"; '' for null. */
export function instantToDay(iso: string | null, minusDays = 0): string {
  if (!iso) return ''
  return new Date(Date.parse(iso) + VN_OFFSET_MS - minusDays * DAY_MS).toISOString().slice(0, 10)
}

/** The form's last valid day → the exclusive end instant stored. */
export const lastDayToValidTo = (date: string): string | null => dayStartInstant(date, 1)
/** The stored exclusive end → the last valid day shown in the form. */
export const validToToLastDay = (iso: string | null): string => (iso ? instantToDay(iso, 1) : '')

/** Whoever approved most recently, to prefill the approver's name. */
export function lastApprover(list: readonly { approvedBy: string | null; approvedAt: string | null }[]): string {
  let best: { by: string; at: string } | null = null
  for (const a of list)
    if (a.approvedBy && a.approvedAt && (!best || a.approvedAt > best.at)) best = { by: a.approvedBy, at: a.approvedAt }
  return best?.by ?? ''
}
