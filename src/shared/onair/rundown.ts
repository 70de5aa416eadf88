/**
 * The rundown: what the scheduler hands the playout engine — one day's sessions (buổi phát), each
 * with its pre-roll and post-roll device actions and its items at planned instants. The scheduler
 * (src/shared/onair/schedule*) builds it from sessions, rules and one-off schedules; the playout
 * engine (src/renderer/audio/playout) plays it and writes the as-played log. Times are epoch
 * milliseconds (UTC); wall-clock times of the station's zone live only in the schedule sources.
 *
 * Example: one morning session, relay on → RF on → DTMF zone code → play two items → reverse:
 *   { sessionId: 'sang', label: 'Buổi sáng', startMs: 1748730600000, endMs: 1748732400000,
 *     preRoll: [{kind:'relay',deviceId:'r1',channel:1,isOn:true},{kind:'rf',deviceId:'ex',isOn:true},
 *               {kind:'dtmf',code:'*007#1'}],
 *     postRoll: [{kind:'dtmf',code:'*007#0'},{kind:'rf',deviceId:'ex',isOn:false},
 *                {kind:'relay',deviceId:'r1',channel:1,isOn:false}],
 *     rds: { deviceId: 'rds1', ps: 'DAI XA' }, items: [ … ] }
 */
import { z } from 'zod'
import { mediaHashSchema } from '../ids'
import { priorityClassSchema } from '../model/common'
import { languageTagSchema, reportContentKindSchema, sourceKindSchema } from '../reports/report-input'

const deviceId = z.string().min(1).max(100)

/** One step of a session's pre-roll or post-roll. DTMF is audio: the engine mixes it into the output. */
export const deviceActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('relay'), deviceId, channel: z.number().int().min(1).max(32), isOn: z.boolean() }),
  z.object({ kind: z.literal('rf'), deviceId, isOn: z.boolean() }),
  /** `repeat`: how many times the code is sent (receivers are usually addressed twice; default 1) */
  z.object({
    kind: z.literal('dtmf'),
    code: z.string().regex(/^[0-9A-Da-d*#]{1,16}$/),
    repeat: z.number().int().min(1).max(5).optional(),
  }),
  z.object({ kind: z.literal('rds-ps'), deviceId, text: z.string().max(8) }),
  z.object({ kind: z.literal('rds-rt'), deviceId, text: z.string().max(64) }),
  z.object({ kind: z.literal('wait'), ms: z.number().int().min(0).max(60_000) }),
])
export type DeviceAction = z.infer<typeof deviceActionSchema>

export const rundownItemKinds = ['announcement', 'bulletin', 'program', 'relay', 'silence', 'jingle'] as const
export const rundownItemKindSchema = z.enum(rundownItemKinds)
export type RundownItemKind = z.infer<typeof rundownItemKindSchema>

export const rundownItemSchema = z.object({
  /** Stable per occurrence (a rule's item on a date gets the same id after a restart). */
  id: z.string().min(1).max(200),
  scheduleId: z.string().max(200).nullable(),
  /** The library or province id of what plays (announcement, bulletin, program); null for silence. */
  targetId: z.string().max(200).nullable(),
  kind: rundownItemKindSchema,
  title: z.string().max(300),
  /** Audio to play; null for a relay of line-in/stream or for silence. */
  mediaHash: mediaHashSchema.nullable(),
  /** For kind 'relay': a stream URL, or null for the line-in. */
  relayUrl: z.url().nullable(),
  plannedStartMs: z.number().int().nonnegative(),
  durationMs: z.number().int().positive(),
  priority: priorityClassSchema,
  /** Snapshot for the as-played log and the reports. */
  source: sourceKindSchema,
  contentKind: reportContentKindSchema,
  language: languageTagSchema,
  category: z.string().max(200),
})
export type RundownItem = z.infer<typeof rundownItemSchema>

export const rundownSessionSchema = z.object({
  sessionId: z.string().min(1).max(100),
  label: z.string().max(100),
  startMs: z.number().int().nonnegative(),
  endMs: z.number().int().nonnegative(),
  preRoll: z.array(deviceActionSchema).max(50),
  postRoll: z.array(deviceActionSchema).max(50),
  /** RDS encoder that shows the programme service name, and each item's title as radiotext. */
  rds: z.object({ deviceId, ps: z.string().max(8) }).nullable(),
  items: z.array(rundownItemSchema).max(500),
})
export type RundownSession = z.infer<typeof rundownSessionSchema>
