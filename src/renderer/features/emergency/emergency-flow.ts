/**
 * Emergencies that go out by themselves (issue 13): runs for the whole window, whoever is at the
 * laptop. After every pull it mirrors the province's emergency programs into `emergencies`; each
 * second it asks the plan (shared/emergency/plan.ts) which bulletin is due and airs it with the
 * engine's "Phát ngay" path: the station's emergency pre-roll for the bulletin's zones (the
 * programme on air is ducked, then interrupted and logged `interrupted`), the bulletin (priority
 * `emergency`, an as-played row), the post-roll or the interrupted session's return. The audio
 * is prepared while the banner counts down, so the airing starts on time.
 */
import { liveQuery } from 'dexie'
import type { EmergencyRecord } from '../../../shared/emergency/bulletin'
import { dueNow, phaseOf } from '../../../shared/emergency/plan'
import type { EmergencyZones } from '../../../shared/province/emergency'
import type { RundownItem } from '../../../shared/onair/rundown'
import type { EngineAlert, PlayoutEngine } from '../../audio/playout/engine-types'
import type { EmergencyRequest } from '../../audio/playout/engine'
import type { DaixaDb } from '../../db/database'
import { listEmergencies, markAired, mirrorProgramEmergencies, setSpoken } from '../../db/queries/emergencies'
import type { AiringAudio } from './emergency-audio'

export interface FlowDeps {
  db: DaixaDb
  engine: () => Promise<PlayoutEngine>
  roll: (zones: EmergencyZones) => Promise<Omit<EmergencyRequest, 'item'>>
  audio: (
    record: EmergencyRecord,
    save: (spoken: NonNullable<EmergencyRecord['spoken']>) => Promise<void>,
  ) => Promise<AiringAudio | null>
  countdownMs: () => Promise<number>
  now?: () => number
  tickMs?: number
  onError: (error: unknown) => void
  onAlert: (alert: EngineAlert | { kind: 'emergency-no-audio'; title: string }) => void
}

export interface EmergencyFlow {
  /** the officer stops a bulletin: its airing on air ends now (with its post-roll) */
  stopAiring(id: string): Promise<void>
  airingId(): string | null
  dispose(): void
}

const STOP_NOTE = 'emergency stopped by the officer'

export function airingItem(record: EmergencyRecord, audio: AiringAudio, nowMs: number): RundownItem {
  return {
    id: `emergency-${nowMs}:${record.id}`.slice(0, 200),
    scheduleId: null,
    targetId: record.id.slice(0, 200),
    kind: record.origin === 'province' ? 'program' : 'announcement',
    title: record.title,
    mediaHash: audio.hash,
    relayUrl: null,
    plannedStartMs: nowMs,
    durationMs: audio.durationMs,
    priority: 'emergency',
    source: 'own',
    contentKind: 'notice',
    language: /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(record.language) ? record.language : 'vi',
    category: '',
  }
}

export function startEmergencyFlow(deps: FlowDeps): EmergencyFlow {
  const now = deps.now ?? Date.now
  let airing: { id: string; sessionId: string; engine: PlayoutEngine } | null = null
  let isBusy = false
  let isDisposed = false
  /** audio being made, by bulletin: an airing waits for the reading the countdown started */
  const inflight = new Map<string, Promise<AiringAudio | null>>()
  const save = (id: string) => (spoken: NonNullable<EmergencyRecord['spoken']>) => setSpoken(deps.db, id, spoken)

  function audioFor(record: EmergencyRecord): Promise<AiringAudio | null> {
    const pending = inflight.get(record.id) ?? deps.audio(record, save(record.id))
    inflight.set(record.id, pending)
    void pending.catch(() => null).finally(() => inflight.delete(record.id))
    return pending
  }

  /** Reads the voice's copy ahead, during the countdown (one bulletin at a time, once each). */
  function prepare(records: readonly EmergencyRecord[], countdownMs: number): void {
    if (inflight.size > 0) return
    const next = records.find(
      (r) => phaseOf(r, records, countdownMs).kind !== 'over' && r.spoken === null && r.text !== null,
    )
    if (next) audioFor(next).catch(deps.onError)
  }

  async function air(record: EmergencyRecord): Promise<void> {
    const engine = await deps.engine()
    if (engine.snapshot().isEmergency) return // the officer's "Phát ngay" is on air: after it
    const audio = await audioFor(record)
    const startMs = now()
    await markAired(deps.db, record.id, startMs)
    if (!audio) {
      deps.onAlert({ kind: 'emergency-no-audio', title: record.title })
      return
    }
    const item = airingItem(record, audio, startMs)
    airing = { id: record.id, sessionId: `emergency:${item.id}`, engine }
    try {
      await engine.playNow({ item, ...(await deps.roll(record.zones)) })
    } finally {
      airing = null
    }
  }

  async function tick(): Promise<void> {
    if (isBusy || isDisposed) return
    isBusy = true
    try {
      const records = await listEmergencies(deps.db)
      const countdownMs = await deps.countdownMs()
      prepare(records, countdownMs)
      const due = dueNow(records, now(), countdownMs)
      if (due) await air(due)
    } catch (error) {
      deps.onError(error)
    } finally {
      isBusy = false
    }
  }

  const programs = liveQuery(() => deps.db.programs.where('priority').equals('emergency').toArray()).subscribe({
    next: () => void mirrorProgramEmergencies(deps.db, now()).then(() => tick(), deps.onError),
    error: deps.onError,
  })
  const timer = setInterval(() => void tick(), deps.tickMs ?? 500)
  void tick()

  return {
    async stopAiring(id) {
      const current = airing
      if (current?.id === id) await current.engine.stopSession(current.sessionId, STOP_NOTE)
    },
    airingId: () => airing?.id ?? null,
    dispose() {
      isDisposed = true
      clearInterval(timer)
      programs.unsubscribe()
    },
  }
}
