/**
 * The report's input, read from the local database: the as-played log, the library's
 * announcements and the cluster registry with its status history. Everything is read in one
 * transaction, so a report never mixes two states of the data. The main process parses the
 * result with `reportInputSchema` again before computing (the bridge is a trust boundary).
 *
 * Rows are mapped, not filtered by period: a report needs log entries that start before the
 * period (they may cross into it) and the whole status history (the status at the period end
 * depends on events long before it). Ten thousand log rows are a few megabytes; fine to send.
 */
import type { z } from 'zod'
import type { Announcement } from '../../../shared/model/announcement'
import { reportMetaSchema } from '../../../shared/reports/export-meta'
import {
  languageTagSchema,
  type Cluster,
  type ClusterStatusEvent,
  type LibraryItem,
  type PlayEntry,
  type ReportInput,
} from '../../../shared/reports/report-input'
import type { DaixaDb } from '../database'
import { isBroadcast } from './play-log'
import type { ClusterEventRow, ClusterRow, PlayLogRow } from '../records'

/** A tag the report cannot group on (free text from old data) counts as undetermined ('und'). */
export const reportLanguage = (tag: string): string => (languageTagSchema.safeParse(tag).success ? tag : 'und')

export function playEntryOf(row: PlayLogRow): PlayEntry {
  return {
    id: row.id,
    itemId: row.itemId,
    plannedStart: row.plannedStart,
    actualStart: row.actualStart,
    actualEnd: row.actualEnd,
    outcome: row.outcome,
    source: row.source,
    contentKind: row.contentKind,
    language: reportLanguage(row.language),
    category: row.category,
    priority: row.priority,
  }
}

/** Announcement kinds are the report's kinds minus 'program' (the library holds no programme editions yet). */
export function libraryItemOf(a: Announcement): LibraryItem {
  return {
    id: a.id,
    kind: a.kind,
    language: reportLanguage(a.language),
    category: a.category,
    priority: a.priority,
    approval: a.approval,
    createdAt: a.createdAt,
  }
}

export const clusterOf = (row: ClusterRow): Cluster => ({
  id: row.id,
  code: row.code,
  hamlet: row.hamlet,
  technology: row.technology,
  status: row.status,
})

/** Only 'status' events change the figures; observations (faults, notes) do not. */
export function statusEventsOf(rows: readonly ClusterEventRow[]): ClusterStatusEvent[] {
  return rows
    .filter((e): e is ClusterEventRow & { status: NonNullable<ClusterEventRow['status']> } => {
      return e.kind === 'status' && e.status !== null
    })
    .map((e) => ({ clusterId: e.clusterId, at: e.at, status: e.status }))
}

/**
 * Everything a report needs, in a stable order (log by planned start then id, events by time
 * then id) so the same database always gives the same input, whatever order rows were written in.
 */
export async function readReportInput(db: DaixaDb): Promise<ReportInput> {
  return db.transaction('r', [db.playLog, db.announcements, db.clusters, db.clusterEvents], async () => {
    const [log, announcements, clusters, events] = await Promise.all([
      db.playLog.orderBy('plannedStart').toArray(),
      db.announcements.orderBy('createdAt').toArray(),
      db.clusters.orderBy('code').toArray(),
      db.clusterEvents.orderBy('at').toArray(),
    ])
    const byTimeThenId =
      <T extends { id: string }>(time: (x: T) => string) =>
      (a: T, b: T) =>
        time(a) < time(b) ? -1 : time(a) > time(b) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
    return {
      // a trial run is not a broadcast: it never counts
      plays: log
        .filter(isBroadcast)
        .sort(byTimeThenId((r) => r.plannedStart))
        .map(playEntryOf),
      library: announcements.sort(byTimeThenId((a) => a.createdAt)).map(libraryItemOf),
      clusters: clusters.map(clusterOf),
      clusterEvents: statusEventsOf(events.sort(byTimeThenId((e) => e.at))),
    }
  })
}

/** The issuing details the officer typed once (who issues and signs); the date is added per export. */
export const reportIssuerSchema = reportMetaSchema.omit({ generatedAt: true, language: true })
export type ReportIssuerInput = z.input<typeof reportIssuerSchema>
export type ReportIssuer = z.output<typeof reportIssuerSchema>

const ISSUER_KEY = 'reports.issuer'

/**
 * The saved issuing details, or a start from the station profile (commune and province names)
 * when none are saved yet or the saved value no longer parses.
 */
export async function readReportIssuer(db: DaixaDb): Promise<Partial<ReportIssuerInput>> {
  const [saved, station] = await Promise.all([db.settings.get(ISSUER_KEY), db.station.get('station')])
  const parsed = reportIssuerSchema.safeParse(saved?.value)
  if (parsed.success) return parsed.data
  return {
    communeName: station?.communeName ?? '',
    provinceName: station?.provinceName ?? '',
    place: station?.communeName ?? '',
  }
}

/** Parses and keeps the issuing details (renderer-local, never synced). */
export async function saveReportIssuer(db: DaixaDb, issuer: ReportIssuerInput): Promise<ReportIssuer> {
  const value = reportIssuerSchema.parse(issuer)
  await db.settings.put({ key: ISSUER_KEY, value })
  return value
}
