/**
 * The playout engine: one AudioContext on the output device chosen in settings, a programme bus
 * (ducked by talk-over) and a master bus (DTMF, microphone) into an AnalyserNode that watches for
 * silence, then the output. Sessions play one after another (session-run.ts); "Phát ngay" plays
 * an emergency over whatever is on air and returns to it afterwards.
 *
 *   programme (decoded items, relays) ─┐
 *   microphone ────────────────────────┼─ master ─ analyser ─ destination (setSinkId: the USB interface)
 *   DTMF ──────────────────────────────┘
 */
import type { RundownItem, RundownSession } from '../../../shared/onair/rundown'
import { programmeRamp, type GainRamp } from './ducking'
import type { EngineDeps, EngineSnapshot, PlayoutEngine, PlayoutEvents } from './engine-types'
import { createEmitter } from './events'
import { createRelayOpener } from './relay-source'
import { safeSteps } from './roll'
import { DEFAULT_DTMF_TIMING, type RollContext } from './roll-runner'
import { createSessionRun, type SessionHost, type SessionProgress, type SessionRun } from './session-run'
import { startSilenceWatch } from './silence-watch'
import { openMicrophone, type Microphone } from './talk-over'

type SinkableContext = AudioContext & { setSinkId?: (sinkId: string) => Promise<void> }

export interface EmergencyRequest {
  item: RundownItem
  preRoll: RundownSession['preRoll']
  postRoll: RundownSession['postRoll']
  rds: RundownSession['rds']
}

/** The as-played note of items a stop cut (English, technical, like the other notes). */
const STOP_NOTE = 'stopped by the officer'
const TAKEOVER_NOTE = 'trial stopped: a scheduled session is due'

interface Running {
  run: SessionRun
  session: RundownSession
  isTrial: boolean
  /** settles when the run (post-roll included) is over */
  done: Promise<void>
}

export function createPlayoutEngine(deps: EngineDeps): PlayoutEngine {
  const events = createEmitter<PlayoutEvents>()
  const now = deps.now ?? Date.now
  let ctx: SinkableContext | null = null
  let programme: GainNode | null = null
  let master: GainNode | null = null
  let ramp: GainRamp | null = null
  let microphone: Microphone | null = null
  let stopWatch: (() => void) | null = null
  let active: Running | null = null
  let emergency: SessionRun | null = null
  let queue: Promise<void> = Promise.resolve()
  /** queued sessions the officer stopped before their turn */
  const cancelled = new Set<string>()
  let progress: SessionProgress | null = null
  const openRelay = deps.openRelay ?? createRelayOpener({ lineInId: deps.lineInId ?? (() => null) })

  const snapshot = (): EngineSnapshot => ({
    isRunning: ctx !== null,
    progress: (emergency ?? active?.run)?.progress() ?? progress,
    isTalkingOver: microphone !== null,
    isEmergency: emergency !== null,
    isTrial: active?.isTrial === true && emergency === null,
  })
  const changed = (): void => events.emit('state', snapshot())

  function graph(): { ctx: SinkableContext; programme: GainNode; master: GainNode } {
    if (!ctx || !programme || !master) throw new Error('playout: the engine is not started')
    return { ctx, programme, master }
  }

  function hostFor(g: ReturnType<typeof graph>, hasPostRoll: boolean, isTrial = false): SessionHost {
    const roll: RollContext = {
      ctx: g.ctx,
      output: g.master,
      act: deps.act,
      dtmf: deps.dtmf ?? DEFAULT_DTMF_TIMING,
      now,
    }
    if (deps.onStep) roll.onStep = deps.onStep
    if (deps.station) roll.station = deps.station
    return {
      ctx: g.ctx,
      programme: g.programme,
      master: g.master,
      loadAudio: deps.loadAudio,
      openRelay,
      roll,
      writeLog: async (row) => {
        // a trial's rows say so: never a broadcast, never sent to the province, never in a report
        const logged = isTrial ? { ...row, isTrial: true } : row
        await deps.writeLog(logged)
        events.emit('logged', logged)
      },
      isLogged: deps.isLogged,
      now,
      catchUpToleranceMs: deps.catchUpToleranceMs ?? 10_000,
      alert: (alert) => events.emit('alert', alert),
      onProgress: (p) => {
        progress = p
        changed()
      },
      hasPostRoll,
    }
  }

  /** Stops whatever plays (emergency and session) and waits for their post-rolls. */
  async function stopRunning(note: string): Promise<void> {
    const current = active
    emergency?.stop(note)
    current?.run.stop(note)
    await current?.done.catch(() => undefined)
  }

  function duck(isDucked: boolean): void {
    const g = graph()
    const t = g.ctx.currentTime
    ramp = programmeRamp(isDucked, t, ramp, deps.duck)
    g.programme.gain.cancelScheduledValues(t)
    g.programme.gain.setValueAtTime(ramp.from, ramp.startTime)
    g.programme.gain.linearRampToValueAtTime(ramp.to, ramp.endTime)
  }

  return {
    async start() {
      if (ctx) return
      const created: SinkableContext = new AudioContext({ latencyHint: 'playback' })
      if (deps.sinkId)
        await created.setSinkId?.(deps.sinkId).catch(() => events.emit('alert', { kind: 'sink-missing' }))
      await created.resume()
      programme = created.createGain()
      master = created.createGain()
      const analyser = created.createAnalyser()
      analyser.fftSize = 2048
      programme.connect(master)
      master.connect(analyser)
      analyser.connect(created.destination)
      ctx = created
      stopWatch = startSilenceWatch({
        analyser,
        limitMs: deps.silenceLimitMs ?? 5000,
        isExpectingSound: () => (emergency ?? active?.run)?.isSounding() ?? false,
        now,
        onSilence: (seconds) => events.emit('alert', { kind: 'silence', seconds }),
      })
      deps.onContext?.(created, master, programme)
      changed()
    },
    async stop() {
      // the session on air ends with its post-roll (hardware off) before the context goes
      await stopRunning(STOP_NOTE)
      stopWatch?.()
      microphone?.close()
      microphone = null
      await ctx?.close()
      ctx = null
      changed()
    },
    play(session, options = {}) {
      const isTrial = options.isTrial === true
      // a trial never delays the real broadcast: a scheduled session due now ends it
      if (!isTrial && active?.isTrial) active.run.stop(TAKEOVER_NOTE)
      const run = (): Promise<void> => {
        if (cancelled.delete(session.sessionId)) return Promise.resolve()
        const g = graph()
        const sessionRun = createSessionRun(session, hostFor(g, true, isTrial))
        const done = sessionRun.run().finally(() => {
          if (active === current) active = null
          changed()
        })
        const current: Running = { run: sessionRun, isTrial, session, done }
        active = current
        changed()
        return done
      }
      queue = queue.then(run, run)
      return queue
    },
    async stopSession(sessionId, note = STOP_NOTE) {
      const current = active
      if (emergency && (sessionId === undefined || emergency.progress().sessionId === sessionId)) emergency.stop(note)
      if (current && (sessionId === undefined || current.session.sessionId === sessionId)) {
        current.run.stop(note)
        await current.done.catch(() => undefined)
      } else if (sessionId !== undefined) cancelled.add(sessionId)
    },
    async playNow(request) {
      const g = graph()
      if (emergency) throw new Error('playout: an emergency is already on air')
      const interrupted = active?.run ?? null
      const item = { ...request.item, plannedStartMs: now(), priority: 'emergency' as const }
      const session: RundownSession = {
        sessionId: `emergency:${item.id}`,
        label: item.title,
        startMs: now(),
        endMs: now() + item.durationMs,
        preRoll: request.preRoll,
        postRoll: request.postRoll,
        rds: request.rds,
        items: [item],
      }
      const run = createSessionRun(session, hostFor(g, interrupted === null))
      // what the emergency switches on stays wanted off after the session it interrupts
      interrupted?.addSafe(safeSteps(session))
      emergency = run
      if (interrupted) duck(true)
      const off = watchPhase(
        run,
        () => interrupted?.interrupt(),
        () => interrupted && duck(false),
      )
      try {
        await run.run()
      } finally {
        off()
        emergency = null
        interrupted?.resume()
        changed()
      }
    },
    async setTalkOver(isOn) {
      const g = graph()
      if (isOn === (microphone !== null)) return
      if (isOn) {
        microphone = await openMicrophone(g.ctx, g.master, deps.microphoneId ?? null, deps.duck)
        duck(true)
      } else {
        microphone?.close()
        microphone = null
        duck(false)
      }
      changed()
    },
    snapshot,
    on: events.on,
  }

  /** When the emergency's pre-roll is done: interrupt the programme and restore its level. */
  function watchPhase(run: SessionRun, interrupt: () => void, unduck: () => void): () => void {
    let isDone = false
    return events.on('state', () => {
      if (isDone || run.progress().phase !== 'playing') return
      isDone = true
      interrupt()
      if (!microphone) unduck()
    })
  }
}
