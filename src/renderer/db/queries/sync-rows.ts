/**
 * How a province record becomes a local row, one function per entity (pure: no Dexie). Local-only
 * fields of an existing row (category, validity, the officer's approval, registry notes) are kept;
 * the fields the province sends overwrite. Province-owned entities (programs, clusters) are copied
 * as they are; commune-owned content comes back as the province stored it.
 */
import type { Announcement } from '../../../shared/model/announcement'
import type { AnnouncementRecord, Cluster, Program, Schedule, Station } from '../../../shared/province/entities'
import type { ClusterRow, ProgramRow, ScheduleRow, StationRow } from '../records'

/** A schedule row with the content the province holds (non-indexed; the scheduler may add more). */
export type SyncedScheduleRow = ScheduleRow &
  Pick<Schedule, 'timeZone' | 'clusterIds' | 'items' | 'note' | 'status' | 'cancelledReason' | 'origin'>

/**
 * The province holds the audio that airs (an edited announcement's rendition); this computer
 * keeps the source the edit list applies to. So a row with an edit list keeps its own source and
 * length whatever file the province names (it is one of this row's renditions, docs/sync.md);
 * a row without one takes the province's file.
 */
function localMedia(record: AnnouncementRecord, existing: Announcement | undefined) {
  if (existing?.editList) return { mediaHash: existing.mediaHash, durationMs: existing.durationMs }
  return { mediaHash: record.mediaHash, durationMs: record.durationMs }
}

export function announcementRow(record: AnnouncementRecord, existing: Announcement | undefined): Announcement {
  const local = existing ?? {
    approval: 'draft' as const,
    category: '',
    validFrom: null,
    validTo: null,
    approvedBy: null,
    approvedAt: null,
  }
  // The province approving it (moderation, pulled) counts as approval here too (local roles).
  const byProvince =
    record.moderation?.status === 'approved' && local.approval !== 'approved'
      ? {
          approval: 'approved' as const,
          approvedBy: record.moderation.reviewedBy ?? 'Tỉnh',
          approvedAt: record.moderation.reviewedAt ?? record.updatedAt,
        }
      : {}
  return {
    ...local,
    ...byProvince,
    id: record.id,
    title: record.title,
    kind: record.kind,
    language: record.language,
    priority: record.priority,
    source: record.source,
    ...localMedia(record, existing),
    author: record.author,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    serverVersion: record.version,
    moderation: record.moderation,
    mediaStatus: record.mediaStatus,
  } satisfies Announcement
}

export function scheduleRow(record: Schedule, existing: ScheduleRow | undefined): SyncedScheduleRow {
  return {
    ...existing,
    id: record.id,
    date: record.date,
    sessionId: record.sessionId,
    serverVersion: record.version,
    updatedAt: record.updatedAt,
    timeZone: record.timeZone,
    clusterIds: record.clusterIds,
    items: record.items,
    note: record.note,
    status: record.status,
    cancelledReason: record.cancelledReason,
    origin: record.origin,
  }
}

export function programRow(record: Program): ProgramRow {
  return {
    id: record.id,
    title: record.title,
    priority: record.priority,
    validFrom: record.validFrom,
    validTo: record.validTo,
    serverVersion: record.version,
    updatedAt: record.updatedAt,
    code: record.code,
    kind: record.kind,
    source: record.source,
    language: record.language,
    status: record.status,
    mediaHash: record.mediaHash,
    mediaSize: record.mediaSize ?? null,
    durationMs: record.durationMs,
    text: record.text,
    emergency: record.emergency ?? null,
  }
}

export function clusterRow(record: Cluster, existing: ClusterRow | undefined): ClusterRow {
  return {
    address: existing?.address ?? '',
    yearInstalled: existing?.yearInstalled ?? null,
    ...existing,
    id: record.id,
    code: record.code,
    name: record.name,
    hamlet: record.hamlet,
    technology: record.technology,
    status: record.status,
    latitude: record.latitude,
    longitude: record.longitude,
    origin: 'province',
    serverVersion: record.version,
  }
}

export function stationRow(record: Station, existing: StationRow | undefined): StationRow {
  return {
    ...existing,
    id: 'station',
    communeName: record.communeName,
    provinceName: record.provinceName,
    licence: record.licence?.number ?? null,
    frequencyMHz: record.licence?.frequencyMHz ?? null,
    sessions: record.sessions.map(({ id, label, start, end }) => ({ id, label, start, end })),
  }
}
