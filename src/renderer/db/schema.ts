/**
 * Every version of the local database's schema, oldest first. A new version is appended here
 * with its `upgrade` (never edit an old one) and gets a case in tests/unit/renderer/db/migrations.
 * Synced tables are keyed by client-generated UUIDv7 strings; nothing auto-increments.
 */
import type { Transaction } from 'dexie'

export interface SchemaVersion {
  version: number
  stores: Record<string, string | null>
  upgrade?: (tx: Transaction) => Promise<void>
}

export const schemaHistory: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      station: 'id',
      announcements: 'id, createdAt, updatedAt, mediaHash, kind, approval, priority',
      mediaAssets: 'hash, createdAt, uploadState',
      programs: 'id, priority, validFrom, validTo, updatedAt',
      schedules: 'id, date, sessionId, updatedAt',
      devices: 'id, &code, hamlet, technology, status',
      deviceEvents: 'id, deviceId, at, [deviceId+at]',
      playLog: 'id, itemId, plannedStart, actualStart',
      outbox: 'id, createdAt, entity, [entity+entityId]',
      syncState: 'key',
      rejections: 'id, mutationId, at',
      settings: 'key',
      hardware: 'id, family',
    },
  },
  {
    version: 2,
    stores: {
      announcements: 'id, createdAt, updatedAt, mediaHash, kind, approval, priority, category, language',
      clusters: 'id, &code, hamlet, technology, status',
      clusterEvents: 'id, clusterId, at, [clusterId+at], kind',
      playLog: 'id, itemId, plannedStart, actualStart, scheduleId',
      sessions: 'id, start',
      scheduleRules: 'id, sessionId, updatedAt',
      schedules: 'id, date, sessionId, updatedAt, [date+sessionId]',
      bulletins: 'id, updatedAt, approval',
    },
    upgrade: upgradeToV2,
  },
  {
    version: 3,
    stores: { devices: null, deviceEvents: null },
  },
  {
    // v4: renditions (the rendered audio of an edit list, cached by key; docs/audio.md).
    // Announcements gain the non-indexed `rendition` field: absent = not rendered, nothing to migrate.
    version: 4,
    stores: { renditions: 'key, sourceHash, hash, usedAt' },
  },
  {
    // v5: emergency bulletins (province, CAP, the officer's) and their airings here (docs/onair.md,
    // "Emergencies"). A new table: nothing to migrate.
    version: 5,
    stores: { emergencies: 'id, receivedAtMs' },
  },
]

/** Defaults for the fields announcements gained in v2 (metadata and approval). */
const announcementV2Defaults = {
  category: '',
  author: null,
  validFrom: null,
  validTo: null,
  approvedBy: null,
  approvedAt: null,
}

/** Defaults for the snapshot fields play-log rows gained in v2 (what the reports count). */
const playLogV2Defaults = {
  scheduleId: null,
  title: '',
  source: 'own',
  contentKind: 'notice',
  language: 'vi',
  category: '',
  priority: 'normal',
  note: '',
}

/**
 * v2: clusters get their own tables under the domain's word (cụm loa), with a typed status
 * history; sessions, recurring schedule rules and bulletins arrive; play-log rows and
 * announcements gain the fields the reports and the editor need. The v1 `devices` and
 * `deviceEvents` rows are copied here and the old tables dropped in v3 (Dexie can only read a
 * table in an upgrade while the version still declares it).
 */
async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table('announcements')
    .toCollection()
    .modify((a: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(announcementV2Defaults)) if (!(k in a)) a[k] = v
    })
  await tx
    .table('playLog')
    .toCollection()
    .modify((row: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(playLogV2Defaults)) if (!(k in row)) row[k] = v
    })
  const devices = (await tx.table('devices').toArray()) as Record<string, unknown>[]
  await tx.table('clusters').bulkPut(
    devices.map((d) => ({
      address: '',
      latitude: null,
      longitude: null,
      yearInstalled: null,
      origin: 'province',
      ...d,
    })),
  )
  const events = (await tx.table('deviceEvents').toArray()) as Record<string, unknown>[]
  await tx
    .table('clusterEvents')
    .bulkPut(
      events.map(({ deviceId, ...e }) => ({ status: null, ...e, clusterId: deviceId, kind: e['kind'] ?? 'note' })),
    )
}

export const latestVersion = (): number => schemaHistory[schemaHistory.length - 1]?.version ?? 0
