/**
 * A bulletin (bản tin): an ordered list of parts (intro jingle, announcements, province programs,
 * outro) played as one file. Each part after the first says how it joins the one before it: a gap
 * of silence, or a crossfade (the two overlap, one fading out while the other fades in).
 *
 * Duration = Σ part durations + Σ gaps − Σ crossfades. Example: jingle 5 s, gap 500 ms,
 * announcement 60 s, crossfade 1 s, outro 4 s → 5 + 0.5 + 60 − 1 + 4 = 68.5 s.
 * Each part carries the media it plays and that media's duration as it was when it was added
 * (a snapshot), so the bulletin renders the same even if the library changes afterwards.
 */
import { z } from 'zod'
import { idSchema, mediaHashSchema } from '../ids'

/** Longest joint the screen offers: 10 s of silence or overlap. */
export const MAX_JOINT_MS = 10_000
/** Longest bulletin: 4 hours. */
export const MAX_BULLETIN_MS = 4 * 3600_000
export const DEFAULT_TIME_LIMIT_MIN = 30

export const partKindSchema = z.enum(['intro', 'announcement', 'program', 'outro'])
export type PartKind = z.infer<typeof partKindSchema>

export const jointSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('gap'), ms: z.number().int().min(0).max(MAX_JOINT_MS) }),
  z.object({ kind: z.literal('crossfade'), ms: z.number().int().min(1).max(MAX_JOINT_MS) }),
])
export type Joint = z.infer<typeof jointSchema>

/** Where a part's audio comes from: an announcement, a province program, or a shipped jingle. */
export const partSourceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('announcement'), id: idSchema }),
  z.object({ type: z.literal('program'), id: z.string().min(1).max(100) }),
  z.object({ type: z.literal('jingle'), name: z.string().min(1).max(100) }),
])
export type PartSource = z.infer<typeof partSourceSchema>

export const bulletinPartSchema = z.object({
  /** Unique within the bulletin (the same announcement may appear twice). */
  id: z.string().min(1).max(100),
  kind: partKindSchema,
  source: partSourceSchema,
  title: z.string().max(300),
  mediaHash: mediaHashSchema,
  durationMs: z.number().int().min(1).max(MAX_BULLETIN_MS),
  /** How this part joins the one before it; ignored on the first part. */
  joint: jointSchema,
})
export type BulletinPart = z.infer<typeof bulletinPartSchema>

export const bulletinContentSchema = z.object({
  title: z.string().max(300),
  parts: z.array(bulletinPartSchema).max(200),
  /** The session's time limit in minutes the bulletin must fit (buổi phát). */
  timeLimitMin: z.number().int().min(1).max(240),
})
export type BulletinContent = z.infer<typeof bulletinContentSchema>

export const DEFAULT_JOINT: Joint = { kind: 'gap', ms: 500 }

/** The joint that actually applies before part `index` (the first part has none). */
export const jointBefore = (parts: readonly BulletinPart[], index: number): Joint =>
  index === 0 ? { kind: 'gap', ms: 0 } : (parts[index]?.joint ?? { kind: 'gap', ms: 0 })

/** Total length in ms: parts plus gaps minus crossfades. */
export function bulletinDuration(parts: readonly BulletinPart[]): number {
  return parts.reduce((sum, part, i) => {
    const joint = jointBefore(parts, i)
    return sum + part.durationMs + (joint.kind === 'gap' ? joint.ms : -joint.ms)
  }, 0)
}

/** Where each part starts in the rendered bulletin (ms), for the timeline view. */
export function partStarts(parts: readonly BulletinPart[]): number[] {
  const starts: number[] = []
  let at = 0
  parts.forEach((part, i) => {
    const joint = jointBefore(parts, i)
    at += joint.kind === 'gap' ? joint.ms : -joint.ms
    starts.push(at)
    at += part.durationMs
  })
  return starts
}

export type BulletinProblem =
  | { code: 'empty' }
  | { code: 'crossfade-too-long'; partIndex: number; maxMs: number }
  | { code: 'over-time-limit'; overMs: number }

/**
 * What stops the bulletin from rendering or airing: no parts, a crossfade longer than either of
 * the two parts it joins (ffmpeg's acrossfade needs both to be at least that long), or a total
 * over the session's time limit.
 */
export function bulletinProblems(content: Pick<BulletinContent, 'parts' | 'timeLimitMin'>): BulletinProblem[] {
  const { parts } = content
  if (parts.length === 0) return [{ code: 'empty' }]
  const problems: BulletinProblem[] = []
  parts.forEach((part, i) => {
    const joint = jointBefore(parts, i)
    const prev = parts[i - 1]
    if (joint.kind !== 'crossfade' || !prev) return
    const maxMs = Math.min(prev.durationMs, part.durationMs)
    if (joint.ms > maxMs) problems.push({ code: 'crossfade-too-long', partIndex: i, maxMs })
  })
  const overMs = bulletinDuration(parts) - content.timeLimitMin * 60_000
  if (overMs > 0) problems.push({ code: 'over-time-limit', overMs })
  return problems
}

/** Moves the part at `from` to `to` (both indexes in the current list); a new array. */
export function movePart<T>(parts: readonly T[], from: number, to: number): T[] {
  const next = [...parts]
  if (from < 0 || from >= next.length || to < 0 || to >= next.length) return next
  const [moved] = next.splice(from, 1)
  if (moved !== undefined) next.splice(to, 0, moved)
  return next
}
