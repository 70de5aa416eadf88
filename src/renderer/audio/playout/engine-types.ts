/** What the playout engine needs and offers (engine.ts). */
import type { DeviceAction, RundownSession } from '../../../shared/onair/rundown'
import type { NewPlayLogRow } from '../../db/queries/play-log'
import type { PlayLogActionResult } from '../../db/records'
import type { DuckOptions } from './ducking'
import type { EmergencyRequest } from './engine'
import type { AudioLoader } from './media-loader'
import type { RelayOpener } from './relay-source'
import type { DeviceActor, DtmfTiming, StationLink } from './roll-runner'
import type { PlayoutAlert, SessionProgress } from './session-run'

export type EngineAlert = PlayoutAlert | { kind: 'sink-missing' } | { kind: 'engine-failed' }

export interface EngineDeps {
  /** the output device (settings' outputDeviceId); null/absent: the system default */
  sinkId?: string | null
  microphoneId?: string | null
  /** the line-in (the station's FM receiver) for relay items, read when a relay opens; null: the system default input */
  lineInId?: () => string | null
  /** opens relay items (default: line-in capture / stream element, relay-source.ts) */
  openRelay?: RelayOpener
  loadAudio: AudioLoader
  act: DeviceActor
  /** tells the host which sessions are on air and what to keep off after them (`hardware:onair`) */
  station?: StationLink
  writeLog: (row: NewPlayLogRow) => Promise<void>
  isLogged: (itemIds: string[]) => Promise<Set<string>>
  now?: () => number
  /** how late an item may be joined mid-way after a restart (default 10 s) */
  catchUpToleranceMs?: number
  /** output silence longer than this while an item plays raises an alert (default 5 s) */
  silenceLimitMs?: number
  dtmf?: DtmfTiming
  duck?: DuckOptions
  /** each device step as it starts */
  onStep?: (step: DeviceAction, phase: PlayLogActionResult['phase']) => void
  /** the context, the master bus and the programme bus (after ducking) once created (a test tap, a level meter) */
  onContext?: (ctx: AudioContext, master: AudioNode, programme: AudioNode) => void
}

export interface EngineSnapshot {
  isRunning: boolean
  progress: SessionProgress | null
  isTalkingOver: boolean
  isEmergency: boolean
  /** the session on air is a trial ("Phát thử"): its rows are marked and never count */
  isTrial: boolean
}

export interface PlayOptions {
  /** a trial run: its as-played rows are marked `isTrial` (never sent, never in a report) */
  isTrial?: boolean
}

export type PlayoutEvents = {
  state: EngineSnapshot
  alert: EngineAlert
  logged: NewPlayLogRow
}

export interface PlayoutEngine {
  start(): Promise<void>
  stop(): Promise<void>
  /**
   * Queues a session; resolves when it (and those before it) are over. A trial on air is
   * stopped (with its post-roll) when a session that is not a trial is queued.
   */
  play(session: RundownSession, options?: PlayOptions): Promise<void>
  /**
   * "Dừng": ends the session on air (or the one with this id; a queued one is dropped before it
   * starts): the item on air is logged interrupted, the rest skipped, then the post-roll runs.
   * Resolves when the queue has drained. `stop()` does this too before closing the engine.
   */
  stopSession(sessionId?: string, note?: string): Promise<void>
  /** "Phát ngay": the emergency's pre-roll, then it interrupts what plays, then the programme returns */
  playNow(request: EmergencyRequest): Promise<void>
  setTalkOver(isOn: boolean): Promise<void>
  snapshot(): EngineSnapshot
  on<K extends keyof PlayoutEvents>(event: K, listener: (payload: PlayoutEvents[K]) => void): () => void
}
