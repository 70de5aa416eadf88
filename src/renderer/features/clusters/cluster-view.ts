/**
 * Pure helpers of the Cụm loa screen: the table's search and filters, the overview's input and
 * local date-times. Search ignores case and Vietnamese diacritics ("binh minh" finds "Bình Minh").
 */
import { formatDateTime } from '../../../shared/format/display'
import type { OverviewCluster } from '../../../shared/reports/overview'
import type { ClusterStatus, ClusterTechnology } from '../../../shared/reports/report-input'
import type { ClusterWithHistory } from '../../db/queries/clusters'

export interface ClusterFilter {
  query: string
  technologies: ClusterTechnology[]
  statuses: ClusterStatus[]
}

export const emptyFilter: ClusterFilter = { query: '', technologies: [], statuses: [] }

/** Lower case, without diacritics; đ → d (NFD does not decompose it). */
export const foldText = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().trim()

export function filterClusters(list: readonly ClusterWithHistory[], filter: ClusterFilter): ClusterWithHistory[] {
  const q = foldText(filter.query)
  return list.filter(({ cluster: c }) => {
    if (filter.technologies.length > 0 && !filter.technologies.includes(c.technology)) return false
    if (filter.statuses.length > 0 && !filter.statuses.includes(c.status)) return false
    return q === '' || [c.code, c.name, c.hamlet].some((field) => foldText(field).includes(q))
  })
}

/** The latest event's instant (events are oldest first), or null. */
export const lastEventAt = (entry: ClusterWithHistory): string | null => entry.events.at(-1)?.at ?? null

export const overviewInput = (list: readonly ClusterWithHistory[]): OverviewCluster[] =>
  list.map((entry) => ({
    id: entry.cluster.id,
    code: entry.cluster.code,
    name: entry.cluster.name,
    hamlet: entry.cluster.hamlet,
    technology: entry.cluster.technology,
    status: entry.cluster.status,
    lastEventAt: lastEventAt(entry),
  }))

/** '05/03/2025 09:30' in Vietnam time, whatever the computer's zone (the app's one date-time format). */
export const formatLocalDateTime = (iso: string): string => formatDateTime(iso)
