/**
 * What the bulletin editor can add and fit into: province programs that have their audio, and
 * the sessions (buổi phát) with the time each allows under the station's policy.
 */
import type { SessionTemplate } from '../../../shared/onair/session'
import type { StationPolicy } from '../../../shared/onair/policy'
import type { ProgramRow } from '../../db/records'

/** A province program that can be a part: synced, not withdrawn, with its media and length. */
export interface ProgramChoice {
  id: string
  title: string
  mediaHash: string
  durationMs: number
}

const isHash = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v)

export function programChoices(rows: readonly ProgramRow[]): ProgramChoice[] {
  return rows
    .flatMap((p) =>
      p.status !== 'withdrawn' && isHash(p.mediaHash) && typeof p.durationMs === 'number' && p.durationMs > 0
        ? [{ id: p.id, title: p.title, mediaHash: p.mediaHash, durationMs: Math.round(p.durationMs) }]
        : [],
    )
    .sort((a, b) => a.title.localeCompare(b.title, 'vi'))
}

/** A session the bulletin may be made for, with its limit: its booked length, at most the policy's maximum. */
export interface SessionLimit {
  id: string
  label: string
  start: string
  limitMin: number
}

export function sessionLimits(sessions: readonly SessionTemplate[], policy: StationPolicy): SessionLimit[] {
  return sessions
    .filter((s) => s.isEnabled)
    .map((s) => ({
      id: s.id,
      label: s.label,
      start: s.start,
      limitMin: Math.min(s.lengthMin, policy.maxMinutesPerSession),
    }))
    .sort((a, b) => a.start.localeCompare(b.start))
}
