/**
 * Exactly what a station report needs, and nothing else: the report's own input types, parsed
 * with zod where they cross a boundary (the bridge carries them from the renderer's Dexie
 * queries to the main process, which computes and writes the files).
 *
 * Where each field comes from in the local database (src/renderer/db/records.ts); the mapping is
 * src/renderer/db/queries/reports.ts (`readReportInput`):
 *
 * playLog (PlayLogRow)      every field, including the snapshot fields source, contentKind,
 *                           language, category, priority that the on-air feature writes on each row
 *                           when the item goes on air (a snapshot, not a join: library items are
 *                           edited or deleted later, and relays have no library item). A language
 *                           that is not a BCP 47 tag is sent as 'und'.
 * announcements             id, kind, language, category, priority, approval, createdAt. The
 * (Announcement)            library's kinds have no 'program' yet (a programme edition the commune
 *                           assembles from tin/bài), so produced programmes count 0 until it has.
 * clusters (ClusterRow)     id, code, hamlet, technology, status.
 * clusterEvents             clusterId, at, status of the rows of kind 'status' (the first one is
 * (ClusterEventRow)         the registration, written by `registerCluster`); observations (fault
 *                           reports, maintenance notes, tests) do not change the figures.
 */
import { z } from 'zod'
import { approvalStateSchema, instantSchema, priorityClassSchema } from '../model/common'

/** Where broadcast audio came from (NĐ 49/2024/NĐ-CP Art. 9: own programmes and relays). */
export const sourceKinds = [
  'own',
  'relay-national-radio',
  'relay-national-tv',
  'relay-provincial',
  'relay-district',
] as const
export const sourceKindSchema = z.enum(sourceKinds)
export type SourceKind = z.infer<typeof sourceKindSchema>

/** What the district counts: chương trình, tin, bài, thông báo, chuyên mục. */
export const reportContentKinds = ['program', 'news', 'article', 'notice', 'feature'] as const
export const reportContentKindSchema = z.enum(reportContentKinds)
export type ReportContentKind = z.infer<typeof reportContentKindSchema>

export const playOutcomeSchema = z.enum(['played', 'skipped', 'interrupted', 'failed'])
export type PlayOutcome = z.infer<typeof playOutcomeSchema>

/** A BCP 47 tag ('vi', 'vi-VN', 'km', 'hmn'); reports group by its primary language subtag. */
export const languageTagSchema = z.string().regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/, 'expected a BCP 47 tag')

const idString = z.string().min(1).max(100)
/** Free text chosen by the officer (a topic of NĐ 49/2024 Art. 6); '' = not categorised. */
const categoryString = z.string().max(200)

/** One row of the as-played log (nhật ký phát). */
export const playEntrySchema = z
  .object({
    id: idString,
    itemId: idString,
    plannedStart: instantSchema,
    actualStart: instantSchema.nullable(),
    actualEnd: instantSchema.nullable(),
    outcome: playOutcomeSchema,
    source: sourceKindSchema,
    contentKind: reportContentKindSchema,
    language: languageTagSchema,
    category: categoryString,
    priority: priorityClassSchema,
  })
  .refine(
    (e) => e.actualStart === null || e.actualEnd === null || Date.parse(e.actualEnd) >= Date.parse(e.actualStart),
    {
      message: 'actualEnd is before actualStart',
      path: ['actualEnd'],
    },
  )
export type PlayEntry = z.infer<typeof playEntrySchema>

/** One item of the commune's own library (announcements: what the commune produced). */
export const libraryItemSchema = z.object({
  id: idString,
  kind: reportContentKindSchema,
  language: languageTagSchema,
  category: categoryString,
  priority: priorityClassSchema,
  approval: approvalStateSchema,
  createdAt: instantSchema,
})
export type LibraryItem = z.infer<typeof libraryItemSchema>

export const clusterTechnologySchema = z.enum(['wired', 'fm', 'ip'])
export type ClusterTechnology = z.infer<typeof clusterTechnologySchema>
export const clusterStatusSchema = z.enum(['working', 'faulty', 'removed'])
export type ClusterStatus = z.infer<typeof clusterStatusSchema>

/** A loudspeaker cluster (cụm loa) as the registry knows it now. */
export const clusterSchema = z.object({
  id: idString,
  code: z.string().min(1).max(50),
  hamlet: z.string().max(200),
  technology: clusterTechnologySchema,
  /** Current status: used only for clusters with no status history at all (legacy data). */
  status: clusterStatusSchema,
})
export type Cluster = z.infer<typeof clusterSchema>

/** A status change of a cluster; the first one is its registration. */
export const clusterStatusEventSchema = z.object({
  clusterId: idString,
  at: instantSchema,
  status: clusterStatusSchema,
})
export type ClusterStatusEvent = z.infer<typeof clusterStatusEventSchema>

export const reportInputSchema = z.object({
  plays: z.array(playEntrySchema),
  library: z.array(libraryItemSchema),
  clusters: z.array(clusterSchema),
  clusterEvents: z.array(clusterStatusEventSchema),
})
export type ReportInput = z.infer<typeof reportInputSchema>
