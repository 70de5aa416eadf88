/**
 * Province API v1 — records as the province stores them and sends them in bootstrap/pull.
 *
 * Wire format: every record carries `entity` (discriminator), `id`, a server `version` (1 on create,
 * +1 per change) and a server `updatedAt`; never a client clock. A deleted record travels as a
 * tombstone `{entity, id, deletedAt, version}`. Who owns what (docs/province-api.md, "Conflicts"):
 * province — programs, clusters, the station's licence, announcement moderation; commune —
 * announcement content, its schedules, the station's contact fields.
 *
 * Example:
 *   {"entity":"cluster","id":"cl-0001","version":3,"updatedAt":"2025-06-01T07:12:00.000Z","code":"TH-01",
 *    "name":"Cụm loa nhà văn hóa","hamlet":"Thôn Hạ","technology":"wired","status":"working",
 *    "latitude":null,"longitude":null}
 *
 * Reference: domain notes R1 (priority classes), R5 (approval), R7 (cluster registry); glossary.
 */
import { z } from 'zod'
import { idSchema, mediaHashSchema } from '../ids'
import { announcementSourceSchema } from '../model/announcement'
import { contentKindSchema, priorityClassSchema } from '../model/common'
import { entityNameSchema, named, provinceIdSchema, provinceInstantSchema, versionSchema } from './common'
import { emergencyInfoSchema } from './emergency'

const recordBase = { version: versionSchema, updatedAt: provinceInstantSchema }
const languageSchema = z.string().min(2).max(20)
/** A calendar day in the station's zone (Asia/Ho_Chi_Minh): `2025-06-01`. */
export const localDateSchema = named('LocalDate', z.iso.date())
/** A wall-clock time of day in the station's zone: `05:30`. */
export const localTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM')

export const mediaHashRefSchema = named('MediaHash', mediaHashSchema)
export const priorityClassRefSchema = named('PriorityClass', priorityClassSchema)

/** A bulletin or programme the province (or the centre) sends down. Province-owned. */
export const programSchema = named(
  'Program',
  z.object({
    entity: z.literal('program'),
    id: provinceIdSchema,
    ...recordBase,
    code: z.string().max(50),
    title: z.string().min(1).max(300),
    kind: contentKindSchema,
    source: z.enum(['central', 'province', 'district']),
    priority: priorityClassRefSchema,
    language: languageSchema,
    validFrom: provinceInstantSchema,
    /** null: no end. */
    validTo: provinceInstantSchema.nullable(),
    status: z.enum(['active', 'withdrawn']),
    mediaHash: mediaHashRefSchema.nullable(),
    /**
     * Bytes of the file `mediaHash` names (at most 500 MB, MAX_MEDIA_BYTES), so a commune can plan
     * its disk before downloading; absent or null when the province does not say (added in v1.1).
     */
    mediaSize: z
      .number()
      .int()
      .positive()
      .max(500 * 1024 * 1024)
      .nullable()
      .optional(),
    durationMs: z.number().int().nonnegative().nullable(),
    /** Text for speech synthesis when the program has no audio. */
    text: z.string().max(20_000).nullable(),
    /** Emergency programs only (priority `emergency`): issue time, zones, repeats (emergency.ts). Absent: none. */
    emergency: emergencyInfoSchema.nullable().optional(),
  }),
)
export type Program = z.infer<typeof programSchema>

/** A loudspeaker cluster (cụm loa). Province-owned; status changes come from the province's monitoring. */
export const clusterSchema = named(
  'Cluster',
  z.object({
    entity: z.literal('cluster'),
    id: provinceIdSchema,
    ...recordBase,
    code: z.string().min(1).max(50),
    name: z.string().min(1).max(200),
    hamlet: z.string().max(200),
    technology: z.enum(['wired', 'fm', 'ip']),
    status: z.enum(['working', 'faulty', 'removed']),
    latitude: z.number().min(-90).max(90).nullable(),
    longitude: z.number().min(-180).max(180).nullable(),
  }),
)
export type Cluster = z.infer<typeof clusterSchema>

/** Fields of the station profile the commune may change (strict: any other field is refused). */
export const stationContactSchema = named(
  'StationContact',
  z.strictObject({
    address: z.string().max(300),
    contactName: z.string().max(200),
    contactPhone: z.string().max(40),
  }),
)

export const sessionSchema = z.object({
  id: z.string().min(1).max(40),
  label: z.string().max(100),
  start: localTimeSchema,
  end: localTimeSchema,
})

/** The commune's station profile: one per commune. Licence and sessions are province-owned. */
export const stationSchema = named(
  'Station',
  z.object({
    entity: z.literal('station'),
    id: provinceIdSchema,
    ...recordBase,
    ...stationContactSchema.shape,
    communeCode: z.string().max(20),
    communeName: z.string().max(200),
    provinceName: z.string().max(200),
    timeZone: z.string().min(1).max(60),
    licence: z
      .object({
        number: z.string().max(100),
        /** Communes may use 54–68 MHz only (domain notes R12). */
        frequencyMHz: z.number().min(54).max(68),
        maxPowerW: z.number().positive().max(30),
        validTo: provinceInstantSchema.nullable(),
      })
      .nullable(),
    sessions: z.array(sessionSchema).max(10),
  }),
)
export type Station = z.infer<typeof stationSchema>

export const scheduleItemSchema = named(
  'ScheduleItem',
  z.object({
    id: idSchema,
    target: z.object({ kind: z.enum(['program', 'announcement']), id: z.string().min(1).max(100) }),
    startAt: provinceInstantSchema,
    durationMs: z
      .number()
      .int()
      .positive()
      .max(4 * 3600_000),
  }),
)
export type ScheduleItem = z.infer<typeof scheduleItemSchema>

/** What the commune writes in a schedule (one session's playlist for a set of clusters); strict. */
export const scheduleContentSchema = named(
  'ScheduleContent',
  z.strictObject({
    date: localDateSchema,
    sessionId: z.string().min(1).max(40),
    timeZone: z.string().min(1).max(60),
    /** The zone: clusters that play this schedule. */
    clusterIds: z.array(provinceIdSchema).min(1).max(500),
    items: z.array(scheduleItemSchema).max(200),
    note: z.string().max(1000),
  }),
)
export type ScheduleContent = z.infer<typeof scheduleContentSchema>

export const scheduleSchema = named(
  'Schedule',
  z.object({
    entity: z.literal('schedule'),
    id: idSchema,
    ...recordBase,
    ...scheduleContentSchema.shape,
    /** `cancelled` is set by the province only and beats later commune edits. */
    status: z.enum(['active', 'cancelled']),
    cancelledReason: z.string().max(500).nullable(),
    origin: z.enum(['commune', 'province']),
  }),
)
export type Schedule = z.infer<typeof scheduleSchema>

/**
 * Announcement content: the commune-owned fields (strict: moderation fields are refused).
 * `createdAt` is the laptop's clock, informative only.
 */
export const announcementContentSchema = named(
  'AnnouncementContent',
  z.strictObject({
    title: z.string().min(1).max(300),
    kind: contentKindSchema,
    language: languageSchema,
    priority: priorityClassRefSchema,
    source: announcementSourceSchema,
    mediaHash: mediaHashRefSchema,
    durationMs: z.number().int().nonnegative(),
    author: z.string().max(200).nullable(),
    createdAt: provinceInstantSchema,
  }),
)
export type AnnouncementContent = z.infer<typeof announcementContentSchema>

/** Moderation: province-owned fields of an announcement. */
export const moderationSchema = named(
  'Moderation',
  z.object({
    status: z.enum(['pending', 'approved', 'rejected']),
    reviewedBy: z.string().max(200).nullable(),
    reviewedAt: provinceInstantSchema.nullable(),
    reason: z.string().max(1000).nullable(),
  }),
)
export type Moderation = z.infer<typeof moderationSchema>

export const announcementRecordSchema = named(
  'AnnouncementRecord',
  z.object({
    entity: z.literal('announcement'),
    id: idSchema,
    ...recordBase,
    ...announcementContentSchema.shape,
    /** `ready` once the province holds audio whose SHA-256 it verified equals `mediaHash`. */
    mediaStatus: z.enum(['awaiting-media', 'ready']),
    moderation: moderationSchema,
  }),
)
export type AnnouncementRecord = z.infer<typeof announcementRecordSchema>

export const entityRecordSchema = named(
  'EntityRecord',
  z.discriminatedUnion('entity', [
    stationSchema,
    programSchema,
    clusterSchema,
    scheduleSchema,
    announcementRecordSchema,
  ]),
)
export type EntityRecord = z.infer<typeof entityRecordSchema>

export const tombstoneSchema = named(
  'Tombstone',
  z.object({
    entity: entityNameSchema,
    id: z.string().min(1).max(100),
    deletedAt: provinceInstantSchema,
    version: versionSchema,
  }),
)
export type Tombstone = z.infer<typeof tombstoneSchema>
