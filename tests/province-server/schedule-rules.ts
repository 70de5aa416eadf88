/**
 * Business checks the province re-runs on every schedule create/update at apply time (sync notes
 * §6.7): the clusters exist and are not removed, every item's program exists, is not withdrawn and
 * is valid at the item's start, every announcement exists, and no two items overlap in time on a
 * shared cluster — inside the schedule or against any other active schedule of the commune.
 * The first failure wins and becomes the mutation's rejection reason.
 */
import type { ScheduleContent, ScheduleItem } from '../../src/shared/province/entities'
import type { RejectionReason } from '../../src/shared/province/push'
import { getRecord, type CommuneState } from './state'

export interface RuleFailure {
  reason: RejectionReason
  message: string
}

interface Interval {
  start: number
  end: number
  label: string
}

const interval = (item: ScheduleItem, owner: string): Interval => {
  const start = Date.parse(item.startAt)
  return { start, end: start + item.durationMs, label: `${owner} item ${item.id}` }
}

function checkClusters(state: CommuneState, clusterIds: readonly string[]): RuleFailure | null {
  for (const id of clusterIds) {
    const data = getRecord(state, 'cluster', id)?.data
    if (data?.entity !== 'cluster') return { reason: 'unknown-cluster', message: `cluster ${id} is not known` }
    if (data.status === 'removed') return { reason: 'cluster-removed', message: `cluster ${id} has been removed` }
  }
  return null
}

function checkProgram(state: CommuneState, item: ScheduleItem): RuleFailure | null {
  const stored = getRecord(state, 'program', item.target.id)
  if (!stored) return { reason: 'program-not-found', message: `program ${item.target.id} is not known` }
  const data = stored.data
  if (data?.entity !== 'program' || data.status === 'withdrawn') {
    return { reason: 'program-withdrawn', message: `program ${item.target.id} has been withdrawn` }
  }
  const at = Date.parse(item.startAt)
  if (at < Date.parse(data.validFrom) || (data.validTo !== null && at >= Date.parse(data.validTo))) {
    return { reason: 'program-not-valid', message: `program ${item.target.id} is not valid at ${item.startAt}` }
  }
  return null
}

function checkTargets(state: CommuneState, items: readonly ScheduleItem[]): RuleFailure | null {
  for (const item of items) {
    if (item.target.kind === 'program') {
      const failure = checkProgram(state, item)
      if (failure) return failure
    } else if (getRecord(state, 'announcement', item.target.id)?.data?.entity !== 'announcement') {
      return { reason: 'announcement-not-found', message: `announcement ${item.target.id} is not known` }
    }
  }
  return null
}

function firstOverlap(intervals: Interval[]): [Interval, Interval] | null {
  const sorted = [...intervals].sort((a, b) => a.start - b.start)
  for (let i = 1; i < sorted.length; i += 1) {
    const previous = sorted[i - 1]
    const current = sorted[i]
    if (previous && current && current.start < previous.end) return [previous, current]
  }
  return null
}

function checkOverlaps(state: CommuneState, scheduleId: string, content: ScheduleContent): RuleFailure | null {
  const own = content.items.map((item) => interval(item, 'this schedule'))
  const inside = firstOverlap(own)
  if (inside) return { reason: 'schedule-overlap', message: `${inside[0].label} overlaps ${inside[1].label}` }
  const clusters = new Set(content.clusterIds)
  for (const stored of Object.values(state.records)) {
    const other = stored.data
    if (other?.entity !== 'schedule' || other.id === scheduleId || other.status !== 'active') continue
    if (!other.clusterIds.some((id) => clusters.has(id))) continue
    for (const mine of own) {
      const clash = other.items
        .map((item) => interval(item, `schedule ${other.id}`))
        .find((theirs) => {
          return mine.start < theirs.end && theirs.start < mine.end
        })
      if (clash)
        return { reason: 'schedule-overlap', message: `${mine.label} overlaps ${clash.label} on a shared cluster` }
    }
  }
  return null
}

export function checkSchedule(state: CommuneState, scheduleId: string, content: ScheduleContent): RuleFailure | null {
  return (
    checkClusters(state, content.clusterIds) ??
    checkTargets(state, content.items) ??
    checkOverlaps(state, scheduleId, content)
  )
}
