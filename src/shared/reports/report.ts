/**
 * The computed station report: plain data (JSON-safe), every duration in exact milliseconds,
 * every list in a fixed, documented order. See docs/reports.md for what each figure counts.
 */
import type { ResolvedPeriod } from './period'
import type { ClusterTechnology, ReportContentKind, SourceKind } from './report-input'

export interface SourceAirtime {
  source: SourceKind
  ms: number
}

export interface LanguageAirtime {
  /** Primary language subtag, lower case ('vi', 'km'). */
  language: string
  ms: number
  /** Any language other than Vietnamese (NĐ 49/2024 Art. 8: "tiếng dân tộc thiểu số"). */
  isMinority: boolean
}

export interface CategoryAirtime {
  /** The officer's category, trimmed; '' = not categorised. */
  category: string
  ms: number
}

export interface Airtime {
  totalMs: number
  /** Always all five sources, in the order of `sourceKinds`. */
  bySource: SourceAirtime[]
  /** Longest first, then by language code. */
  byLanguage: LanguageAirtime[]
  minorityMs: number
  /** Longest first, then by name (Vietnamese collation, then code units). */
  byCategory: CategoryAirtime[]
}

/** Produced = approved library items created in the period; broadcasts = as-played starts. */
export interface ContentFigures {
  kind: ReportContentKind
  produced: number
  /** Broadcasts of the commune's own items (source 'own'). */
  ownBroadcasts: number
  /** Broadcasts of items from upstream stations (any relay source). */
  upstreamBroadcasts: number
}

export interface EmergencyFigures {
  produced: number
  ownBroadcasts: number
  upstreamBroadcasts: number
}

/** What the log held for the period, including what was not counted as broadcast time. */
export interface LogFigures {
  /** Played or interrupted entries that started in the period. */
  broadcasts: number
  /** Of which interrupted (cut short, e.g. by an emergency bulletin). */
  interrupted: number
  /** Planned in the period but skipped or failed: no broadcast time. */
  skipped: number
  failed: number
  /** Played or interrupted, planned in the period, but without start or end time: not counted. */
  missingTimes: number
}

export interface ClusterFigures {
  /** Clusters registered at the period end, removed ones included. */
  total: number
  /** Installed and not removed: working + faulty. */
  inService: number
  working: number
  faulty: number
  removed: number
}

export interface TechnologyClusters extends ClusterFigures {
  technology: ClusterTechnology
}

export interface ClusterReport {
  /** Status as at this instant (the period end, exclusive). */
  asOfUtc: string
  /** Always wired, fm, ip in that order. */
  byTechnology: TechnologyClusters[]
  all: ClusterFigures
  /** Hamlets with at least one cluster but none working, sorted by name. */
  hamletsWithoutWorking: string[]
  /** Clusters with no status history, counted with their current status (legacy data). */
  withoutHistory: number
}

export interface StationReport {
  period: ResolvedPeriod
  airtime: Airtime
  /** Always all five kinds, in the order of `reportContentKinds`. */
  content: ContentFigures[]
  emergency: EmergencyFigures
  log: LogFigures
  clusters: ClusterReport
}
