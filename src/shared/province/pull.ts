/**
 * Province API v1 — bootstrap (first full copy) and pull (changes since a cursor).
 *
 * Wire format: `GET /v1/bootstrap?cursor=&limit=` pages through a snapshot of every live record of
 * the commune, ordered by (entity, id). While `hasMore` is true, pass `cursor` back to bootstrap;
 * the last page's `cursor` is a PULL cursor (the change-log position the snapshot was taken at).
 * `GET /v1/pull?cursor=&limit=` returns changes after that position in log order: the current
 * state of every record changed since (`upserts`) and `tombstones` for deleted ones, each key at
 * most once per page; keep pulling while `hasMore`. Cursors are opaque strings issued by the server;
 * a client stores the page and its cursor in one transaction and never makes one up.
 *
 * Long-poll: `&wait=25` asks the server to hold an empty answer up to 25 s and to answer as soon as
 * something changes; the app keeps one such pull open while online (docs/province-api.md).
 *
 * Horizon: the server forgets tombstones after its retention period (≥ 90 days in production). A
 * cursor older than the forgotten part of the log, or from another server data set, is answered
 * HTTP 410 `resync-required`: the client drops its cursor and bootstraps again (keeping its outbox).
 *
 * Example:
 *   GET /v1/pull?cursor=eyJ2IjoxLC4uLn0&limit=200
 *   200 {"upserts":[{"entity":"program",…}],"tombstones":[{"entity":"cluster","id":"cl-0009",
 *        "deletedAt":"…","version":4}],"cursor":"eyJ2IjoxLC4uLn1","hasMore":false,"serverTime":"…"}
 *
 * Reference: CouchDB `_changes?since=`, Replicache cookies, Electric `must-refetch` (sync notes §1, §6.6).
 */
import { z } from 'zod'
import { named, withServerTime } from './common'
import { entityRecordSchema, tombstoneSchema } from './entities'

export const DEFAULT_PAGE_LIMIT = 200
export const MAX_PAGE_LIMIT = 2000

/** The error code of an expired cursor (HTTP 410): re-bootstrap. */
export const RESYNC_REQUIRED = 'resync-required' as const

export const cursorSchema = named('Cursor', z.string().min(1).max(1000))

const limitSchema = z.coerce.number().int().min(1).max(MAX_PAGE_LIMIT).optional()

export const bootstrapQuerySchema = z.object({
  /** Absent on the first page. */
  cursor: cursorSchema.optional(),
  limit: limitSchema,
})
export type BootstrapQuery = z.infer<typeof bootstrapQuerySchema>

export const bootstrapResponseSchema = named(
  'BootstrapResponse',
  withServerTime({
    records: z.array(entityRecordSchema),
    /** Next bootstrap page while `hasMore`; the pull cursor on the last page. */
    cursor: cursorSchema,
    hasMore: z.boolean(),
  }),
)
export type BootstrapResponse = z.infer<typeof bootstrapResponseSchema>

/** Longest a pull may be held open waiting for a change (long-poll), in seconds. */
export const MAX_PULL_WAIT_SECONDS = 30

export const pullQuerySchema = z.object({
  cursor: cursorSchema,
  limit: limitSchema,
  /**
   * Long-poll: when nothing changed after the cursor, the server holds the answer up to this many
   * seconds and answers as soon as something changes (an emergency bulletin reaches the commune in
   * about a second, at one request per `wait` seconds while idle). Absent or 0: answer at once.
   */
  wait: z.coerce.number().int().min(0).max(MAX_PULL_WAIT_SECONDS).optional(),
})
export type PullQuery = z.infer<typeof pullQuerySchema>

export const pullResponseSchema = named(
  'PullResponse',
  withServerTime({
    upserts: z.array(entityRecordSchema),
    tombstones: z.array(tombstoneSchema),
    cursor: cursorSchema,
    hasMore: z.boolean(),
  }),
)
export type PullResponse = z.infer<typeof pullResponseSchema>
