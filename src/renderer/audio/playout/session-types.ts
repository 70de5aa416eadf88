/** What one session run needs from the engine, and what it reports (session-run.ts). */
import type { DeviceAction } from '../../../shared/onair/rundown'
import type { NewPlayLogRow } from '../../db/queries/play-log'
import type { AudioLoader } from './media-loader'
import type { RelayFailure, RelayOpener } from './relay-source'
import type { RollContext } from './roll-runner'
import type { PlannedEntry } from './timeline'

export type SessionPhase = 'waiting' | 'pre-roll' | 'playing' | 'interrupted' | 'post-roll' | 'done'
export type PlayoutAlert =
  | { kind: 'missing-media'; title: string }
  /** `action`: the step itself, so the screen can name the device by its name */
  | { kind: 'device-failed'; step: string; code: string; action?: DeviceAction }
  | { kind: 'silence'; seconds: number }
  | { kind: 'missed'; title: string }
  | { kind: 'relay-failed'; title: string; reason: RelayFailure }

export interface SessionProgress {
  sessionId: string
  label: string
  phase: SessionPhase
  current: PlannedEntry | null
  next: PlannedEntry | null
}

export interface SessionHost {
  ctx: AudioContext
  programme: AudioNode
  master: AudioNode
  loadAudio: AudioLoader
  /** opens a relay item's line-in capture or stream ahead of it */
  openRelay: RelayOpener
  roll: RollContext
  writeLog: (row: NewPlayLogRow) => Promise<void>
  isLogged: (itemIds: string[]) => Promise<Set<string>>
  now: () => number
  catchUpToleranceMs: number
  alert: (alert: PlayoutAlert) => void
  onProgress: (progress: SessionProgress) => void
  /** false for an emergency played inside a session: the session's own post-roll follows later */
  hasPostRoll?: boolean
}
