/** What one session run needs from the engine, and what it reports (session-run.ts). */
import type { DeviceAction } from '../../../shared/onair/rundown'
import type { NewPlayLogRow } from '../../db/queries/play-log'
import type { PlayLogActionResult } from '../../db/records'
import type { Cancel } from './ctx-timer'
import type { AudioLoader } from './media-loader'
import type { RelayFailure, RelayOpener, RelaySource } from './relay-source'
import type { SafeStep } from './roll'
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

/** One item put on the audio graph (its source or relay, its wake-ups, what happened so far). */
export interface Scheduled {
  entry: PlannedEntry
  source: AudioBufferSourceNode | null
  relay: RelaySource | null
  cancels: Cancel[]
  actualStartMs: number | null
  actions: PlayLogActionResult[]
}

export interface SessionRun {
  run(): Promise<void>
  /** stops the programme now; the item on air is logged 'interrupted' */
  interrupt(): void
  /** the rest of the session follows from now */
  resume(): void
  /** more to keep off after the session (an emergency played inside it switched them on) */
  addSafe(steps: readonly SafeStep[]): void
  /**
   * Ends the session now (the officer's "Dừng", or a scheduled session taking over from a trial):
   * the item on air is logged 'interrupted', the items not played yet 'skipped', both with `note`;
   * then the post-roll runs (when the pre-roll did), so the hardware ends off. `run()` resolves after it.
   */
  stop(note: string): void
  /** what the run is doing (for the screen and silence detection) */
  progress(): SessionProgress
  isSounding(): boolean
}
