/**
 * The part of a report input that a period's report can depend on, so that less crosses the
 * bridge (a log holding several years is cut to the period asked for). Must give exactly the same
 * report as the whole input: it keeps a superset of what compute.ts reads (see its rules).
 *
 * - plays: planned in the period (skipped, failed, missing times), or with actual times that
 *   start in the period or overlap it (broadcast time is clipped, broadcasts counted by start);
 * - library: created in the period (produced counts);
 * - clusters and their whole status history: the status at the period end may date from long ago.
 */
import { resolvePeriod, type PeriodSpec } from './period'
import type { PlayEntry, ReportInput } from './report-input'

export function inputForPeriod(input: ReportInput, spec: PeriodSpec): ReportInput {
  const { startMs, endMs } = resolvePeriod(spec)
  const isIn = (iso: string): boolean => {
    const ms = Date.parse(iso)
    return ms >= startMs && ms < endMs
  }
  const isRelevant = (e: PlayEntry): boolean => {
    if (isIn(e.plannedStart)) return true
    if (e.actualStart === null || e.actualEnd === null) return false
    const start = Date.parse(e.actualStart)
    return isIn(e.actualStart) || (start < endMs && Date.parse(e.actualEnd) > startMs)
  }
  return {
    plays: input.plays.filter(isRelevant),
    library: input.library.filter((item) => isIn(item.createdAt)),
    clusters: input.clusters,
    clusterEvents: input.clusterEvents,
  }
}
