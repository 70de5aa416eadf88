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
]

export const latestVersion = (): number => schemaHistory[schemaHistory.length - 1]?.version ?? 0
