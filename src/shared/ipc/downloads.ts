/**
 * downloads: the province's programme audio brought to this computer ahead of need. The renderer
 * knows what is wanted (the schedule and the programmes are in its database) and sends the whole
 * list, in order of need, with `downloads:plan`; main fetches the files from the province
 * (`GET /v1/media/{sha256}/content`, resumable, SHA-256 checked) into the media store within the
 * disk budget of Cài đặt, releases files nothing wants any more, and reports every file's state
 * (`downloads:changed`). Reference: docs/sync.md, "Programme audio ahead of need".
 */
import { z } from 'zod'
import { mediaHashSchema } from '../ids'
import { command, event } from './define'

/** Why a programme's file is wanted, in the order files are fetched. */
export const downloadRankSchema = z.enum(['emergency-now', 'placed', 'emergency', 'priority', 'newest'])
export type DownloadRank = z.infer<typeof downloadRankSchema>

export const downloadWantSchema = z.object({
  hash: mediaHashSchema,
  rank: downloadRankSchema,
  /** Bytes, when the province said (`mediaSize`); else estimated from the length. */
  sizeBytes: z.number().int().positive().nullable(),
  durationMs: z.number().int().nonnegative().nullable(),
  /**
   * Placed in the schedule within the horizon (or on air): fetched whatever the budget, and its
   * file is never released while it stays so.
   */
  isProtected: z.boolean(),
})
export type DownloadWant = z.infer<typeof downloadWantSchema>

export const downloadPlanSchema = z.object({
  /** Most needed first (the planner's order); at most one entry per hash. */
  items: z.array(downloadWantSchema).max(20_000),
  /** Other files the local database uses (bulletin parts, announcements…): never released. */
  keep: z.array(mediaHashSchema).max(100_000),
})
export type DownloadPlan = z.infer<typeof downloadPlanSchema>

/**
 * Why a file is not here (yet): `not-on-server` the province has no file for the hash;
 * `checksum` what arrived did not hash to it (discarded, fetched again); `disk-full`;
 * `unsupported-format` neither MP3 nor WAV; `link` the connection failed or stalled (retried);
 * `sign-in` no valid province session; `budget` it does not fit the disk budget; `server` the
 * province answered an error.
 */
export const downloadReasonSchema = z.enum([
  'not-on-server',
  'checksum',
  'disk-full',
  'unsupported-format',
  'link',
  'sign-in',
  'budget',
  'server',
])
export type DownloadReason = z.infer<typeof downloadReasonSchema>

export const downloadStateSchema = z.object({
  hash: mediaHashSchema,
  /** `present`: in the media store, verified. `waiting`: queued (or held: see reason). */
  state: z.enum(['present', 'downloading', 'waiting', 'failed']),
  receivedBytes: z.number().int().nonnegative(),
  sizeBytes: z.number().int().nonnegative().nullable(),
  reason: downloadReasonSchema.nullable(),
  /** When a failed or held file is tried again (epoch ms), if it is. */
  retryAt: z.number().int().nullable(),
})
export type DownloadState = z.infer<typeof downloadStateSchema>

export const downloadsCommands = {
  'downloads:plan': command(downloadPlanSchema, z.object({ states: z.array(downloadStateSchema) })),
  /** An emergency programme's audio, first in line (docs/sync.md, "First in line"). */
  'downloads:ensure': command(
    downloadWantSchema.pick({ hash: true, sizeBytes: true, durationMs: true }),
    z.object({ state: downloadStateSchema }),
  ),
  'downloads:list': command(z.object({}), z.object({ states: z.array(downloadStateSchema) })),
}

export const downloadsEvents = {
  'downloads:changed': event(downloadStateSchema),
}
