/**
 * A placement: one piece of content put into a session, once on a date or repeating by an RRULE.
 * What it refers to is resolved against the library when the day is planned, so a placement stays
 * valid while the library item is edited; the rundown item snapshots the library at that moment.
 */
import { z } from 'zod'
import { mediaHashSchema } from '../ids'
import { priorityClassSchema, type PriorityClass } from '../model/common'
import { reportContentKindSchema, sourceKindSchema } from '../reports/report-input'
import { parseRRule } from './rrule'
import { localDateSchema } from './station-time'

const MAX_RELAY_MS = 4 * 3_600_000

export const libraryKinds = ['announcement', 'bulletin', 'program', 'jingle'] as const
export type LibraryKind = (typeof libraryKinds)[number]

/** The kinds a "newest" slot can follow: the station's own, made again and again (a daily bulletin). */
export const newestKinds = ['bulletin', 'announcement'] as const
export type NewestKind = (typeof newestKinds)[number]

/** What a placement plays: a library item by id, a relay for a duration, or silence. */
export const placementContentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(libraryKinds), id: z.string().min(1).max(200) }),
  z.object({
    kind: z.literal('relay'),
    title: z.string().trim().min(1).max(300),
    /** A stream URL (online), or null for the line-in from the station's FM receiver. */
    url: z.url({ protocol: /^https?$/ }).nullable(),
    durationMs: z.number().int().min(1000).max(MAX_RELAY_MS),
    source: sourceKindSchema,
  }),
  z.object({ kind: z.literal('silence'), durationMs: z.number().int().min(1000).max(600_000) }),
  /**
   * A slot that changes by itself: the newest playable item of the kind made before the slot's
   * time (a daily bulletin made each morning fills the week's sessions without editing them).
   */
  z.object({ kind: z.literal('newest'), of: z.enum(newestKinds) }),
])
export type PlacementContent = z.infer<typeof placementContentSchema>

export const placementWhenSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('once'), date: localDateSchema }),
  z.object({
    kind: z.literal('rule'),
    dtstart: localDateSchema,
    rrule: z.string().refine((r) => parseRRule(r).ok, 'not a supported RRULE'),
  }),
])
export type PlacementWhen = z.infer<typeof placementWhenSchema>

export const placementSchema = z.object({
  id: z.string().min(1).max(200),
  sessionId: z.string().min(1).max(100),
  content: placementContentSchema,
  /** The officer's override of the content's priority class; null = the content's own. */
  priority: priorityClassSchema.nullable(),
  /** The officer's order within the session (ascending). */
  order: z.number().int(),
  when: placementWhenSchema,
  /** The schedule or rule it belongs to (the as-played log's scheduleId); absent = its own id. */
  scheduleId: z.string().max(200).nullable().optional(),
  /** Placed by the province (a pulled schedule, read-only here); absent = the station's own. */
  origin: z.literal('province').optional(),
})
export type Placement = z.infer<typeof placementSchema>

/** The library as the planner sees it: everything a rundown item snapshots. */
export const libraryEntrySchema = z.object({
  kind: z.enum(libraryKinds),
  id: z.string().min(1).max(200),
  title: z.string().max(300),
  /** null: not rendered yet (a bulletin being edited, a program not downloaded). */
  mediaHash: mediaHashSchema.nullable(),
  durationMs: z.number().nonnegative(),
  priority: priorityClassSchema,
  language: z.string(),
  contentKind: reportContentKindSchema,
  category: z.string().max(200),
  source: sourceKindSchema,
  /** Validity window in epoch ms; null = open. */
  validFromMs: z.number().nullable(),
  validToMs: z.number().nullable(),
  /** When it was made (epoch ms): what a "newest" slot goes by; absent = never picked by one. */
  madeAtMs: z.number().nullable().optional(),
})
export type LibraryEntry = z.infer<typeof libraryEntrySchema>

export const libraryKey = (kind: LibraryKind, id: string): string => `${kind}:${id}`

const priorityRank: Record<PriorityClass, number> = { emergency: 0, priority: 1, normal: 2 }

/**
 * Priority items ahead of normal ones (TT 39/2020: "ưu tiên phát trong chương trình"); within
 * a class the officer's order decides, which is also how a clash between an upstream and a local
 * priority item is settled. Emergency content placed in a schedule goes first of all.
 */
export function byPriorityThenOrder(
  a: { priority: PriorityClass; order: number; id: string },
  b: { priority: PriorityClass; order: number; id: string },
): number {
  return priorityRank[a.priority] - priorityRank[b.priority] || a.order - b.order || a.id.localeCompare(b.id)
}

/** A one-off placement as a day's schedule row keeps it (the row holds the date and the session). */
export const scheduleEntryRecordSchema = z.object({
  id: z.string().min(1).max(200),
  content: placementContentSchema,
  priority: priorityClassSchema.nullable(),
  order: z.number().int(),
})
export type ScheduleEntryRecord = z.infer<typeof scheduleEntryRecordSchema>
