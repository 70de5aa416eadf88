/**
 * The cluster overview at the top of the Cụm loa screen: counts and the working share per
 * technology, hamlets without a working cluster, and clusters nobody has reported on for a long
 * time. It counts the clusters' current status with the same rules as the report (./clusters.ts),
 * so the screen and December's report never disagree about the same day.
 */
import { clustersAt } from './clusters'
import type { ClusterFigures, TechnologyClusters } from './report'
import type { Cluster } from './report-input'
import { compareText } from './text-order'

export const DEFAULT_NOT_SEEN_DAYS = 30
const DAY_MS = 86_400_000

export interface OverviewCluster extends Cluster {
  name: string
  /** The latest event of any kind (status, fault, test, note); null if there is none. */
  lastEventAt: string | null
}

export interface NotSeenCluster {
  id: string
  code: string
  name: string
  hamlet: string
  lastEventAt: string | null
  /** Whole days since the last event; null when there never was one. */
  daysSince: number | null
}

export interface ClusterOverview {
  byTechnology: TechnologyClusters[]
  all: ClusterFigures
  hamletsWithoutWorking: string[]
  /** Clusters in service (not removed) with no event for `notSeenDays` days, longest first. */
  notSeen: NotSeenCluster[]
  notSeenDays: number
}

export interface OverviewOptions {
  nowMs: number
  /** Days without any event after which a cluster counts as "not seen"; default 30. */
  notSeenDays?: number
}

function notSeenOf(clusters: readonly OverviewCluster[], nowMs: number, days: number): NotSeenCluster[] {
  const limit = nowMs - days * DAY_MS
  return clusters
    .filter((c) => c.status !== 'removed')
    .map((c) => ({ c, ms: c.lastEventAt === null ? null : Date.parse(c.lastEventAt) }))
    .filter(({ ms }) => ms === null || ms <= limit)
    .sort((a, b) => (a.ms ?? -Infinity) - (b.ms ?? -Infinity) || compareText(a.c.code, b.c.code))
    .map(({ c, ms }) => ({
      id: c.id,
      code: c.code,
      name: c.name,
      hamlet: c.hamlet,
      lastEventAt: c.lastEventAt,
      daysSince: ms === null ? null : Math.floor((nowMs - ms) / DAY_MS),
    }))
}

/** The overview of the registry as it is now (each cluster's current status). */
export function clusterOverview(clusters: readonly OverviewCluster[], options: OverviewOptions): ClusterOverview {
  const days = options.notSeenDays ?? DEFAULT_NOT_SEEN_DAYS
  // No history passed: every cluster is counted with its current status.
  const now = clustersAt(clusters, [], options.nowMs)
  return {
    byTechnology: now.byTechnology,
    all: now.all,
    hamletsWithoutWorking: now.hamletsWithoutWorking,
    notSeen: notSeenOf(clusters, options.nowMs, days),
    notSeenDays: days,
  }
}
