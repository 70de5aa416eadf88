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
}

export type PlayoutEvents = {
  state: EngineSnapshot
  alert: EngineAlert
  logged: NewPlayLogRow
}

export interface PlayoutEngine {
  start(): Promise<void>
  stop(): Promise<void>
  /** queues a session; resolves when it (and those before it) are over */
  play(session: RundownSession): Promise<void>
  /** "Phát ngay": the emergency's pre-roll, then it interrupts what plays, then the programme returns */
  playNow(request: EmergencyRequest): Promise<void>
  setTalkOver(isOn: boolean): Promise<void>
  snapshot(): EngineSnapshot
  on<K extends keyof PlayoutEvents>(event: K, listener: (payload: PlayoutEvents[K]) => void): () => void
}
