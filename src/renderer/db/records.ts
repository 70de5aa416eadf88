/**
 * Row types of the tables whose full models arrive with later features (sync, on-air,
 * clusters). Each has the fields its indexes need; the rest is added with its feature and a
 * schema version with a migration test.
 */
import type { BulletinPart } from '../../shared/editor/bulletin'
import type { ContentKind, PriorityClass } from '../../shared/model/common'
import type { PlacementContent, ScheduleEntryRecord } from '../../shared/onair/placement'
import type { EmergencyRecord } from '../../shared/emergency/bulletin'
import type { DeviceAction } from '../../shared/onair/rundown'
import type { ZoneCode } from '../../shared/onair/session'
import type { EmergencyInfo } from '../../shared/province/emergency'
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
  /** The province's sessions (its schedules' `sessionId` keys and windows); absent before the first pull. */
  sessions?: { id: string; label: string; start: string; end: string }[]
}

export interface ProgramRow {
  id: string
  title: string
  priority: PriorityClass
  validFrom: string | null
  validTo: string | null
  serverVersion: number
  updatedAt: string
  /** Fields pulled from the province (sync); optional so rows made before sync stay valid. */
  code?: string
  kind?: ContentKind
  source?: 'central' | 'province' | 'district'
  language?: string
  status?: 'active' | 'withdrawn'
  mediaHash?: string | null
  /** Bytes of the programme's file, when the province says (the download budget counts it). */
  mediaSize?: number | null
  durationMs?: number | null
  text?: string | null
  /** Emergency programs: issue time, zones, repeats (Province API v1, additive). */
  emergency?: EmergencyInfo | null
}

export interface ScheduleRow {
  id: string
  date: string
  sessionId: string
  serverVersion: number | null
  updatedAt: string
  /** Schedule feature (non-indexed): the one-off placements of this session on this date. */
  entries?: ScheduleEntryRecord[]
  /** The clusters it plays on: 'all' (absent: the same) or the officer's chosen cluster ids. */
  targetClusters?: 'all' | string[]
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
  /** On-air feature (non-indexed): the session, the planned end, and each device step's result. */
  sessionId?: string
  plannedEnd?: string
  deviceActions?: PlayLogActionResult[]
  /**
   * A trial run ("Phát thử buổi này"): kept so the officer sees how it went, but it is not a
   * broadcast — no outbox entry (never sent to the province), left out of every report and of
   * the "already played" check. Absent on rows written before trials were marked.
   */
  isTrial?: boolean
}

/** One device step of a session as the as-played log keeps it (pre-roll, per item, post-roll). */
export interface PlayLogActionResult {
  /** e.g. `relay r1#1 on`, `dtmf *007#1`, `rds-rt rds1 "…"` */
  step: string
  phase: 'pre-roll' | 'item' | 'post-roll'
  isOk: boolean
  /** the error code when it failed (ErrorCode), or the RDS text as sent */
  detail: string
  at: string
}

/** A broadcast session template (buổi phát: sáng / trưa / chiều). Fields beyond these: the on-air feature. */
export interface SessionRow {
  id: string
  label: string
  /** Wall-clock start in the station's zone, `HH:MM`. */
  start: string
  /** Schedule feature (non-indexed; absent on rows made before it: defaults apply). */
  lengthMin?: number
  isEnabled?: boolean
  preRoll?: DeviceAction[]
  postRoll?: DeviceAction[]
  zones?: ZoneCode[]
  rds?: { deviceId: string; ps: string } | null
}

/** A recurring placement of content in a session (iCalendar RRULE). */
export interface ScheduleRuleRow {
  id: string
  sessionId: string
  updatedAt: string
  /** Schedule feature (non-indexed): what plays, and when it repeats (DTSTART + RRULE). */
  content?: PlacementContent
  priority?: PriorityClass | null
  order?: number
  dtstart?: string
  rrule?: string
  createdAt?: string
}

/** A bulletin: an ordered list of parts rendered to one file (editor feature). */
export interface BulletinRow {
  id: string
  title: string
  approval: 'draft' | 'awaiting-approval' | 'approved'
  updatedAt: string
  /** Bulletins feature (non-indexed): the ordered parts, the session time limit, when it was made. */
  parts?: BulletinPart[]
  timeLimitMin?: number
  createdAt?: string
  /** The last rendered file in the media store, if any. */
  renderedHash?: string | null
  /** What that file is (format, size, length, rate, channels), kept to store it as an announcement. */
  rendered?: RenderedFileRow | null
}

/** A bulletin's rendered file as the media store answered (bulletins feature, non-indexed). */
export interface RenderedFileRow {
  format: 'wav' | 'mp3'
  sizeBytes: number
  durationMs: number
  sampleRate: number
  channels: number
}

/**
 * A rendition in the cache (docs/audio.md, "Renditions"): the rendered WAV of one edit list,
 * stored in the media store under its own hash. `usedAt` moves each time it is used, so the
 * release sweep keeps what was used lately (undo back to a rendered state reuses it).
 */
export interface RenditionRow {
  /** renditionKey() of the edit list (source hash + ops + processing). */
  key: string
  sourceHash: string
  /** SHA-256 of the rendered WAV. */
  hash: string
  durationMs: number
  sizeBytes: number
  createdAt: string
  usedAt: string
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
  /** What was refused and why (sync); optional for rows written before these fields existed. */
  message?: string
  entity?: string
  entityId?: string
  op?: 'create' | 'update' | 'delete'
  /** The change as the officer made it (the outbox payload). */
  payload?: unknown
  /** The province's state of the record when it refused (record, tombstone or null). */
  record?: unknown
  /** Set when the officer has seen and dismissed it. */
  dismissedAt?: string | null
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

/** An emergency bulletin and what happened to it here (v5; shared/emergency/bulletin.ts). */
export type EmergencyRow = EmergencyRecord
