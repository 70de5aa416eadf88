/**
 * Row types of the tables whose full models arrive with later features (sync, on-air,
 * clusters). Each has the fields its indexes need; the rest is added with its feature and a
 * schema version with a migration test.
 */
import type { PriorityClass } from '../../shared/model/common'
import type {
  ClusterStatus,
  ClusterTechnology,
  PlayOutcome,
  ReportContentKind,
  SourceKind,
} from '../../shared/reports/report-input'

export interface StationRow {
  id: 'station'
  communeName: string
  provinceName: string
  licence: string | null
  frequencyMHz: number | null
}

export interface ProgramRow {
  id: string
  title: string
  priority: PriorityClass
  validFrom: string | null
  validTo: string | null
  serverVersion: number
  updatedAt: string
}

export interface ScheduleRow {
  id: string
  date: string
  sessionId: string
  serverVersion: number | null
  updatedAt: string
}

/** A loudspeaker cluster (cụm loa). `origin: 'province'` rows' registry fields are read-only here. */
export interface ClusterRow {
  id: string
  code: string
  name: string
  hamlet: string
  technology: ClusterTechnology
  /** Current status; its history is in clusterEvents (kind 'status'). */
  status: ClusterStatus
  address: string
  latitude: number | null
  longitude: number | null
  yearInstalled: number | null
  /** Who keeps the registry fields: the province's list, or a cluster the officer registered. */
  origin: 'province' | 'commune'
  /** The province's version; null until the province has it. */
  serverVersion: number | null
}

export const clusterEventKinds = [
  'status',
  'fault-reported',
  'repaired',
  'maintenance',
  'test-ok',
  'test-failed',
  'note',
] as const
export type ClusterEventKind = (typeof clusterEventKinds)[number]

/** An observation about a cluster by the officer: append-only, synced as an observation. */
export interface ClusterEventRow {
  id: string
  clusterId: string
  at: string
  kind: ClusterEventKind
  /** The new status for kind 'status' (the first one is the registration); null otherwise. */
  status: ClusterStatus | null
  note: string
}

/**
 * One line of the as-played log (nhật ký phát): append-only. The snapshot fields (title, source,
 * contentKind, language, category, priority) are copied when the item goes on air, so the same
 * log always gives the same report even after the library changes.
 */
export interface PlayLogRow {
  id: string
  itemId: string
  scheduleId: string | null
  title: string
  plannedStart: string
  actualStart: string | null
  actualEnd: string | null
  outcome: PlayOutcome
  source: SourceKind
  contentKind: ReportContentKind
  language: string
  category: string
  priority: PriorityClass
  note: string
}

/** A broadcast session template (buổi phát: sáng / trưa / chiều). Fields beyond these: the on-air feature. */
export interface SessionRow {
  id: string
  label: string
  /** Wall-clock start in the station's zone, `HH:MM`. */
  start: string
}

/** A recurring placement of content in a session (iCalendar RRULE). */
export interface ScheduleRuleRow {
  id: string
  sessionId: string
  updatedAt: string
}

/** A bulletin: an ordered list of parts rendered to one file (editor feature). */
export interface BulletinRow {
  id: string
  title: string
  approval: 'draft' | 'awaiting-approval' | 'approved'
  updatedAt: string
}

export interface SyncStateRow {
  key: string
  value: unknown
}

export interface RejectionRow {
  id: string
  mutationId: string
  at: string
  reason: string
}

/** Renderer-local key/value settings (UI state). Station preferences live in the host. */
export interface SettingRow {
  key: string
  value: unknown
}

/** Local hardware configuration of one device (port, family, options). Never synced. */
export interface HardwareRow {
  id: string
  family: string
  config: unknown
}
