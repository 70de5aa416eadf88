/**
 * Cluster figures at an instant, from the registry and its status history.
 *
 * A cluster's status at instant T is the status of its latest event strictly before T (the period
 * end is exclusive: a change at 15/12 00:00 belongs to the next reporting year). Events with the
 * same instant keep input order, the later row wins. The first event is the registration, so a
 * cluster whose history starts at or after T did not exist yet and is not counted. A cluster with
 * no history at all (data from before histories were kept) is counted with its current status
 * and reported in `withoutHistory`.
 */
import type { ClusterFigures, ClusterReport, TechnologyClusters } from './report'
import {
  clusterTechnologySchema,
  type Cluster,
  type ClusterStatus,
  type ClusterStatusEvent,
  type ClusterTechnology,
} from './report-input'
import { compareText } from './text-order'

const zeroFigures = (): ClusterFigures => ({ total: 0, inService: 0, working: 0, faulty: 0, removed: 0 })

function tally(f: ClusterFigures, status: ClusterStatus): void {
  f.total++
  f[status]++
  if (status !== 'removed') f.inService++
}

/** Latest status strictly before `atMs` per cluster id; absent if none. */
function statusesBefore(events: readonly ClusterStatusEvent[], atMs: number): Map<string, ClusterStatus> {
  const latest = new Map<string, { ms: number; status: ClusterStatus }>()
  for (const e of events) {
    const ms = Date.parse(e.at)
    if (ms >= atMs) continue
    const seen = latest.get(e.clusterId)
    if (seen === undefined || ms >= seen.ms) latest.set(e.clusterId, { ms, status: e.status })
  }
  return new Map([...latest].map(([id, v]) => [id, v.status]))
}

/** Cluster figures per technology and in all, at instant `atMs`. */
export function clustersAt(
  clusters: readonly Cluster[],
  events: readonly ClusterStatusEvent[],
  atMs: number,
): ClusterReport {
  const withHistory = new Set(events.map((e) => e.clusterId))
  const before = statusesBefore(events, atMs)
  const byTech = new Map<ClusterTechnology, ClusterFigures>(
    clusterTechnologySchema.options.map((t) => [t, zeroFigures()]),
  )
  const all = zeroFigures()
  const hamletHasWorking = new Map<string, boolean>()
  let withoutHistory = 0
  for (const c of clusters) {
    const hasHistory = withHistory.has(c.id)
    const status = hasHistory ? before.get(c.id) : c.status
    if (status === undefined) continue
    if (!hasHistory) withoutHistory++
    const tech = byTech.get(c.technology)
    if (tech !== undefined) tally(tech, status)
    tally(all, status)
    const hamlet = c.hamlet.trim()
    if (hamlet !== '') hamletHasWorking.set(hamlet, (hamletHasWorking.get(hamlet) ?? false) || status === 'working')
  }
  const byTechnology: TechnologyClusters[] = [...byTech].map(([technology, f]) => ({ technology, ...f }))
  const hamletsWithoutWorking = [...hamletHasWorking]
    .filter(([, hasWorking]) => !hasWorking)
    .map(([hamlet]) => hamlet)
    .sort(compareText)
  return { asOfUtc: new Date(atMs).toISOString(), byTechnology, all, hamletsWithoutWorking, withoutHistory }
}
