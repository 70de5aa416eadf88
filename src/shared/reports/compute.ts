/**
 * computeReport: the station report for a period, from the as-played log, the library and the
 * cluster registry. Pure and deterministic: the same input and period give an equal report.
 *
 * Counting rules (docs/reports.md has the reasons):
 * - Broadcast time: entries 'played' or 'interrupted' with both actual times, clipped to the
 *   period, so an item crossing the period boundary counts only its part inside. Milliseconds
 *   are kept exact; rounding to minutes happens only when a figure is displayed.
 * - Broadcasts (lượt phát): the same entries, counted once, in the period their actual start is in.
 * - Skipped / failed: counted (not as time) in the period their planned start is in.
 * - Produced: approved library items whose createdAt is in the period.
 * - Clusters: status at the period end, see ./clusters.ts.
 */
import { clustersAt } from './clusters'
import { resolvePeriod, type PeriodSpec, type ResolvedPeriod } from './period'
import type { Airtime, ContentFigures, EmergencyFigures, LogFigures, StationReport } from './report'
import {
  reportContentKinds,
  sourceKinds,
  type LibraryItem,
  type PlayEntry,
  type ReportContentKind,
  type ReportInput,
  type SourceKind,
} from './report-input'
import { compareText } from './text-order'

type KindCounts = Record<ReportContentKind, number>
const zeroKinds = (): KindCounts => ({ program: 0, news: 0, article: 0, notice: 0, feature: 0 })

interface LogScan {
  bySource: Map<SourceKind, number>
  byLanguage: Map<string, number>
  byCategory: Map<string, number>
  own: KindCounts
  upstream: KindCounts
  emergencyOwn: number
  emergencyUpstream: number
  figures: LogFigures
}

const add = <K>(map: Map<K, number>, key: K, ms: number): void => {
  map.set(key, (map.get(key) ?? 0) + ms)
}

/** 'vi-VN' → 'vi': reports count languages, not regional variants. */
export const primaryLanguage = (tag: string): string => (tag.split('-')[0] ?? tag).toLowerCase()

const isIn = (ms: number, period: ResolvedPeriod): boolean => ms >= period.startMs && ms < period.endMs

function countAired(scan: LogScan, e: PlayEntry, period: ResolvedPeriod): void {
  if (e.actualStart === null || e.actualEnd === null) {
    if (isIn(Date.parse(e.plannedStart), period)) scan.figures.missingTimes++
    return
  }
  const start = Date.parse(e.actualStart)
  const ms = Math.min(Date.parse(e.actualEnd), period.endMs) - Math.max(start, period.startMs)
  if (ms > 0) {
    add(scan.bySource, e.source, ms)
    add(scan.byLanguage, primaryLanguage(e.language), ms)
    add(scan.byCategory, e.category.trim(), ms)
  }
  if (!isIn(start, period)) return
  const isOwn = e.source === 'own'
  scan.figures.broadcasts++
  if (e.outcome === 'interrupted') scan.figures.interrupted++
  const kinds = isOwn ? scan.own : scan.upstream
  kinds[e.contentKind]++
  if (e.priority === 'emergency') {
    if (isOwn) scan.emergencyOwn++
    else scan.emergencyUpstream++
  }
}

function scanLog(plays: readonly PlayEntry[], period: ResolvedPeriod): LogScan {
  const scan: LogScan = {
    bySource: new Map(),
    byLanguage: new Map(),
    byCategory: new Map(),
    own: zeroKinds(),
    upstream: zeroKinds(),
    emergencyOwn: 0,
    emergencyUpstream: 0,
    figures: { broadcasts: 0, interrupted: 0, skipped: 0, failed: 0, missingTimes: 0 },
  }
  for (const e of plays) {
    switch (e.outcome) {
      case 'played':
      case 'interrupted':
        countAired(scan, e, period)
        break
      case 'skipped':
      case 'failed':
        if (isIn(Date.parse(e.plannedStart), period)) scan.figures[e.outcome]++
        break
    }
  }
  return scan
}

const byMsThen =
  (tie: (a: string, b: string) => number) =>
  <T extends { ms: number }>(key: (x: T) => string) =>
  (a: T, b: T): number =>
    b.ms - a.ms || tie(key(a), key(b))

const codeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

function airtimeOf(scan: LogScan): Airtime {
  const bySource = sourceKinds.map((source) => ({ source, ms: scan.bySource.get(source) ?? 0 }))
  const byLanguage = [...scan.byLanguage]
    .map(([language, ms]) => ({ language, ms, isMinority: language !== 'vi' }))
    .sort(byMsThen(codeUnits)((x) => x.language))
  const byCategory = [...scan.byCategory]
    .map(([category, ms]) => ({ category, ms }))
    .sort(byMsThen(compareText)((x) => x.category))
  return {
    totalMs: bySource.reduce((sum, s) => sum + s.ms, 0),
    bySource,
    byLanguage,
    minorityMs: byLanguage.reduce((sum, l) => sum + (l.isMinority ? l.ms : 0), 0),
    byCategory,
  }
}

function producedOf(library: readonly LibraryItem[], period: ResolvedPeriod): { kinds: KindCounts; emergency: number } {
  const kinds = zeroKinds()
  let emergency = 0
  for (const item of library) {
    if (item.approval !== 'approved' || !isIn(Date.parse(item.createdAt), period)) continue
    kinds[item.kind]++
    if (item.priority === 'emergency') emergency++
  }
  return { kinds, emergency }
}

/** The station report for `spec`, from input already parsed with `reportInputSchema`. */
export function computeReport(input: ReportInput, spec: PeriodSpec): StationReport {
  const period = resolvePeriod(spec)
  const scan = scanLog(input.plays, period)
  const produced = producedOf(input.library, period)
  const content: ContentFigures[] = reportContentKinds.map((kind) => ({
    kind,
    produced: produced.kinds[kind],
    ownBroadcasts: scan.own[kind],
    upstreamBroadcasts: scan.upstream[kind],
  }))
  const emergency: EmergencyFigures = {
    produced: produced.emergency,
    ownBroadcasts: scan.emergencyOwn,
    upstreamBroadcasts: scan.emergencyUpstream,
  }
  return {
    period,
    airtime: airtimeOf(scan),
    content,
    emergency,
    log: scan.figures,
    clusters: clustersAt(input.clusters, input.clusterEvents, period.endMs),
  }
}
