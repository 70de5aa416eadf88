/**
 * Row types of the tables whose full models arrive with later features (sync, on-air,
 * clusters). Each has the fields its indexes need; the rest is added with its feature and a
 * schema version with a migration test.
 */
import type { PriorityClass } from '../../shared/model/common'

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

/** A loudspeaker cluster (cụm loa). */
export interface DeviceRow {
  id: string
  code: string
  name: string
  hamlet: string
  technology: 'wired' | 'fm' | 'ip'
  status: 'working' | 'faulty' | 'removed'
  serverVersion: number
}

/** An observation about a cluster by the officer: append-only. */
export interface DeviceEventRow {
  id: string
  deviceId: string
  at: string
  kind: string
  note: string
}

export interface PlayLogRow {
  id: string
  itemId: string
  plannedStart: string
  actualStart: string | null
  actualEnd: string | null
  outcome: 'played' | 'skipped' | 'interrupted' | 'failed'
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
