/**
 * The local copy: one Dexie database declaring every table. Open it with `openDatabase()`;
 * tests open a named database at an older version to exercise migrations.
 */
import { Dexie, type EntityTable } from 'dexie'
import type { Announcement, MediaAsset } from '../../shared/model/announcement'
import type { OutboxEntry } from '../../shared/model/outbox'
import type {
  BulletinRow,
  ClusterEventRow,
  ClusterRow,
  EmergencyRow,
  HardwareRow,
  PlayLogRow,
  ProgramRow,
  RejectionRow,
  RenditionRow,
  ScheduleRow,
  ScheduleRuleRow,
  SessionRow,
  SettingRow,
  StationRow,
  SyncStateRow,
} from './records'
import { latestVersion, schemaHistory } from './schema'

export type DaixaDb = Dexie & {
  station: EntityTable<StationRow, 'id'>
  announcements: EntityTable<Announcement, 'id'>
  mediaAssets: EntityTable<MediaAsset, 'hash'>
  programs: EntityTable<ProgramRow, 'id'>
  schedules: EntityTable<ScheduleRow, 'id'>
  clusters: EntityTable<ClusterRow, 'id'>
  clusterEvents: EntityTable<ClusterEventRow, 'id'>
  sessions: EntityTable<SessionRow, 'id'>
  scheduleRules: EntityTable<ScheduleRuleRow, 'id'>
  bulletins: EntityTable<BulletinRow, 'id'>
  playLog: EntityTable<PlayLogRow, 'id'>
  outbox: EntityTable<OutboxEntry, 'id'>
  syncState: EntityTable<SyncStateRow, 'key'>
  rejections: EntityTable<RejectionRow, 'id'>
  settings: EntityTable<SettingRow, 'key'>
  hardware: EntityTable<HardwareRow, 'id'>
  renditions: EntityTable<RenditionRow, 'key'>
  emergencies: EntityTable<EmergencyRow, 'id'>
}

export const DEFAULT_DB_NAME = 'daixa'

/** Declares schema versions up to `upToVersion` (default: all) on a database named `name`. */
export function createDatabase(name = DEFAULT_DB_NAME, upToVersion = latestVersion()): DaixaDb {
  const db = new Dexie(name) as DaixaDb
  for (const step of schemaHistory) {
    if (step.version > upToVersion) break
    const declared = db.version(step.version).stores(step.stores)
    if (step.upgrade) declared.upgrade(step.upgrade)
  }
  return db
}

let shared: DaixaDb | null = null

/** The app's database, opened once. */
export function appDatabase(): DaixaDb {
  shared ??= createDatabase()
  return shared
}
