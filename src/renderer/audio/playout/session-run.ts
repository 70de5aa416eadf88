/**
 * One session on air: catch-up after a restart, decoding ahead, the pre-roll, the items started on
 * the AudioContext clock (gapless: each source's start time is the previous one's end), RDS
 * radiotext per item, the post-roll, and one as-played row per item. An emergency can interrupt
 * it (the item on air is logged 'interrupted') and resume it afterwards (the rest follows the
 * emergency gaplessly).
 *
 * Relay items (line-in, stream) are opened ahead like decoded audio and gated on the same clock
 * (relay-source.ts); one that fails is logged 'failed' and its slot stays silent. The pre-roll
 * begins early enough for the first item to start at its planned instant (preroll-timing.ts).
 *
 * Sources are scheduled at most LOOKAHEAD_MS ahead: a scheduled but silent node still costs
 * render time each quantum, so 500 items are not all put on the graph at once.
 */
import type { DeviceAction, RundownItem, RundownSession } from '../../../shared/onair/rundown'
import type { PlayLogActionResult } from '../../db/records'
import { contextTimeOf, epochOf, readClock } from './clock'
import { atContextTime, untilContextTime, type Cancel } from './ctx-timer'
import { interruptedRow, playLogRowOf, skippedRow, type LogFacts } from './log-rows'
import { estimateRollMs, preRollStartMs } from './preroll-timing'
import type { RelayFailure, RelaySource } from './relay-source'
import { itemSteps, postRollSteps, preRollSteps, safeSteps, type SafeStep } from './roll'
import { runSteps } from './roll-runner'
import { loadItems, prepareItems, relayNote } from './session-load'
import type { Scheduled, SessionHost, SessionPhase, SessionProgress, SessionRun } from './session-types'
import { planTimeline, shiftRemaining, type PlannedEntry } from './timeline'

export type { PlayoutAlert, SessionHost, SessionPhase, SessionProgress, SessionRun } from './session-types'

export const LOOKAHEAD_MS = 20_000
/**
 * How long after its planned end a session still counts as on air for the host, should it never
 * say it is over (the window closed): then the host switches everything off on its own.
 */
export const ON_AIR_MARGIN_MS = 10 * 60_000
/** time from "ready" to the first sample, so the first source is never scheduled in the past */
const START_MARGIN_MS = 150

export function createSessionRun(session: RundownSession, host: SessionHost): SessionRun {
  const { ctx } = host
  let buffers = new Map<string, AudioBuffer>()
  let relays = new Map<string, RelaySource>()
  const relayProblems = new Map<string, string>()
  const released = new Set<string>()
  let pending: PlannedEntry[] = []
  const live: Scheduled[] = []
  let refill: Cancel | null = null
  let phase: SessionPhase = 'waiting'
  let preRollActions: PlayLogActionResult[] = []
  let heldLast: Omit<LogFacts, 'sessionId'> | null = null
  let finish: () => void = () => undefined
  const finished = new Promise<void>((resolve) => (finish = resolve))
  let stopNote: string | null = null
  let wake: () => void = () => undefined
  const stopped = new Promise<void>((resolve) => (wake = resolve))
  const safe: SafeStep[] = safeSteps(session)
  const station = host.roll.station

  const current = (): Scheduled | undefined => live.find((s) => s.actualStartMs !== null)
  const progress = (): SessionProgress => {
    const now = current()
    const upcoming = live.find((s) => s.actualStartMs === null)?.entry ?? pending[0] ?? null
    return { sessionId: session.sessionId, label: session.label, phase, current: now?.entry ?? null, next: upcoming }
  }
  const report = (): void => host.onProgress(progress())
  const setPhase = (next: SessionPhase): void => {
    phase = next
    report()
  }

  /** The pre-roll's results go on the first row written after it (the session's first item). */
  const log = async (facts: Omit<LogFacts, 'sessionId'>): Promise<void> => {
    const deviceActions = [...preRollActions, ...(facts.deviceActions ?? [])]
    preRollActions = []
    await host.writeLog(playLogRowOf({ ...facts, sessionId: session.sessionId, deviceActions }))
  }

  /** Runs steps and alerts each failure with the step itself (the screen names the device). */
  async function runAndAlert(
    steps: readonly DeviceAction[],
    phase: PlayLogActionResult['phase'],
  ): Promise<PlayLogActionResult[]> {
    const results = await runSteps(host.roll, steps, phase)
    results.forEach((r, i) => {
      const action = steps[i]
      if (!r.isOk) host.alert({ kind: 'device-failed', step: r.step, code: r.detail, ...(action ? { action } : {}) })
    })
    return results
  }

  /** Tells the host the session is on air until a little after it should end (a failure is the host's to report). */
  function holdOnAir(endMs: number): Promise<void> {
    const untilMs = Math.max(endMs, host.now()) + ON_AIR_MARGIN_MS
    return station?.begin(session.sessionId, untilMs).catch(() => undefined) ?? Promise.resolve()
  }

  /** A relay that fails once open (stall, unplugged): alerted now, noted on its row when it ends. */
  function relayProblem(item: RundownItem, reason: RelayFailure, detail: string): void {
    // a source being released may still report its own ending: that is not a failure
    if (relayProblems.has(item.id) || released.has(item.id)) return
    relayProblems.set(item.id, relayNote(reason, detail))
    host.alert({ kind: 'relay-failed', title: item.title, reason })
  }

  function scheduleOne(entry: PlannedEntry): void {
    const clock = readClock(ctx, performance)
    const startT = contextTimeOf(clock, entry.startMs)
    const endT = contextTimeOf(clock, entry.endMs)
    const buffer = buffers.get(entry.item.id)
    let source: AudioBufferSourceNode | null = null
    if (buffer) {
      source = ctx.createBufferSource()
      source.buffer = buffer
      source.connect(host.programme)
      source.start(Math.max(startT, ctx.currentTime), entry.offsetMs / 1000)
    }
    const relay = relays.get(entry.item.id) ?? null
    relay?.arm(startT, endT)
    const s: Scheduled = { entry, source, relay, cancels: [], actualStartMs: null, actions: [] }
    s.cancels.push(atContextTime(ctx, host.master, startT, () => void started(s, startT)))
    s.cancels.push(atContextTime(ctx, host.master, endT, () => void ended(s, startT, endT)))
    live.push(s)
  }

  function scheduleAhead(): void {
    refill?.()
    refill = null
    const horizon = host.now() + LOOKAHEAD_MS
    while (pending[0] && (pending[0].startMs <= horizon || live.length === 0))
      scheduleOne(pending.shift() as PlannedEntry)
    const nextUp = pending[0]
    if (nextUp) {
      const at = contextTimeOf(readClock(ctx, performance), nextUp.startMs - LOOKAHEAD_MS / 2)
      refill = atContextTime(ctx, host.master, at, scheduleAhead)
    }
  }

  function release(s: Scheduled): void {
    released.add(s.entry.item.id)
    s.relay?.close()
    relays.delete(s.entry.item.id)
  }

  function closeRelays(): void {
    for (const [id, relay] of relays) {
      released.add(id)
      relay.close()
    }
    relays.clear()
  }

  /** Waits until the pre-roll must begin for the first item to start at its planned instant. */
  async function untilPreRoll(items: readonly RundownItem[]): Promise<void> {
    const outputLatencyMs = Math.round(((ctx.outputLatency || ctx.baseLatency) ?? 0) * 1000)
    const estimateMs = estimateRollMs(preRollSteps(session), { dtmf: host.roll.dtmf, outputLatencyMs })
    const beginMs = preRollStartMs(session, items, estimateMs)
    if (beginMs <= host.now()) return
    report()
    await Promise.race([
      untilContextTime(ctx, host.master, contextTimeOf(readClock(ctx, performance), beginMs)),
      stopped,
    ])
  }

  /** Logs what a stop left unplayed; the last row is held for the post-roll's results. */
  async function logStopped(rows: Omit<LogFacts, 'sessionId'>[]): Promise<void> {
    const last = rows.pop()
    for (const facts of rows) await log(facts)
    if (last) heldLast = last
  }

  /** Stops every scheduled source; the item on air is 'interrupted', the rest 'skipped'. */
  function cutAll(note: string): Omit<LogFacts, 'sessionId'>[] {
    refill?.()
    const nowMs = host.now()
    const rows: Omit<LogFacts, 'sessionId'>[] = []
    for (const s of live.splice(0)) {
      for (const cancel of s.cancels) cancel()
      s.source?.stop()
      s.source?.disconnect()
      release(s)
      rows.push(
        s.actualStartMs === null
          ? skippedRow(s.entry.item, note)
          : { ...interruptedRow({ ...s, actualStartMs: s.actualStartMs }, nowMs), note },
      )
    }
    for (const entry of pending.splice(0)) rows.push(skippedRow(entry.item, note))
    return rows
  }

  async function started(s: Scheduled, startT: number): Promise<void> {
    s.actualStartMs = Math.round(epochOf(readClock(ctx, performance), startT))
    scheduleAhead()
    report()
    s.actions = await runAndAlert(itemSteps(session, s.entry.item), 'item')
  }

  async function ended(s: Scheduled, startT: number, endT: number): Promise<void> {
    const at = live.indexOf(s)
    if (at < 0) return
    live.splice(at, 1)
    s.source?.disconnect()
    release(s)
    // The length on the audio clock (what aired, sample-exact), not a second reading of the
    // output timestamp, which jitters by up to ~100 ms on a loaded machine (officer-week.spec).
    const endMs =
      s.actualStartMs === null
        ? Math.round(epochOf(readClock(ctx, performance), endT))
        : s.actualStartMs + Math.round((endT - startT) * 1000)
    const problem = relayProblems.get(s.entry.item.id)
    const facts: Omit<LogFacts, 'sessionId'> = {
      item: s.entry.item,
      outcome: problem === undefined ? 'played' : 'failed',
      actualStartMs: s.actualStartMs,
      actualEndMs: endMs,
      deviceActions: s.actions,
      ...(problem === undefined ? {} : { note: problem }),
    }
    const isLast = live.length === 0 && pending.length === 0
    if (isLast) {
      heldLast = facts
      finish()
    } else {
      report()
      await log(facts)
    }
  }

  /** The items on the audio clock, until the last one ends (or a stop cuts them). */
  async function playAll(playable: RundownItem[], offsetsMs: ReadonlyMap<string, number>): Promise<void> {
    const lengthsMs = new Map([...buffers].map(([id, b]) => [id, Math.round(b.duration * 1000)]))
    pending = planTimeline(playable, { notBeforeMs: host.now() + START_MARGIN_MS, lengthsMs, offsetsMs })
    setPhase('playing')
    scheduleAhead()
    await finished
  }

  /** From the pre-roll to the post-roll; the host is told the session is over whatever happens. */
  async function onAir(playable: readonly RundownItem[], offsets: ReadonlyMap<string, number>): Promise<void> {
    const endsMs = Math.max(session.endMs, ...playable.map((i) => i.plannedStartMs + i.durationMs))
    // a session stopped before its pre-roll switched nothing on: it has nothing to switch off
    const hasPreRoll = stopNote === null
    if (hasPreRoll) await holdOnAir(endsMs)
    try {
      if (hasPreRoll) {
        setPhase('pre-roll')
        preRollActions = await runAndAlert(preRollSteps(session), 'pre-roll')
      }
      const note = stopNote
      if (note === null) await playAll([...playable], offsets)
      else await logStopped(playable.map((item) => skippedRow(item, note)))
      closeRelays()
      if (hasPreRoll && host.hasPostRoll !== false) {
        setPhase('post-roll')
        const post = await runAndAlert(postRollSteps(session), 'post-roll')
        if (heldLast) heldLast = { ...heldLast, deviceActions: [...(heldLast.deviceActions ?? []), ...post] }
      }
    } finally {
      // an emergency inside a session leaves the safe state to the session it interrupted
      if (hasPreRoll)
        await station?.end(session.sessionId, host.hasPostRoll !== false ? safe : []).catch(() => undefined)
    }
  }

  return {
    async run() {
      const { items, offsets } = await prepareItems(session, host, log)
      const loaded = await loadItems(items, host, log, relayProblem)
      ;({ buffers, relays } = loaded)
      const { playable } = loaded
      if (playable.length === 0) return setPhase('done')
      await untilPreRoll(playable)
      await onAir(playable, offsets)
      if (heldLast) await log(heldLast)
      setPhase('done')
    },
    interrupt() {
      refill?.()
      const nowMs = host.now()
      for (const s of live.splice(0)) {
        for (const cancel of s.cancels) cancel()
        s.source?.stop()
        s.source?.disconnect()
        if (s.actualStartMs === null) {
          s.relay?.mute()
          pending.unshift(s.entry)
          continue
        }
        release(s)
        void log(interruptedRow({ ...s, actualStartMs: s.actualStartMs }, nowMs))
      }
      pending.sort((a, b) => a.startMs - b.startMs)
      setPhase('interrupted')
    },
    stop(note) {
      if (stopNote !== null || phase === 'post-roll' || phase === 'done') return
      stopNote = note
      wake()
      if (phase !== 'playing' && phase !== 'interrupted') return
      void logStopped(cutAll(note)).finally(finish)
    },
    resume() {
      if (stopNote !== null) return
      if (pending.length === 0) return finish()
      pending = shiftRemaining(pending, Number.NEGATIVE_INFINITY, host.now() + START_MARGIN_MS)
      void holdOnAir(pending.at(-1)?.endMs ?? host.now())
      setPhase('playing')
      scheduleAhead()
    },
    addSafe(steps) {
      for (const step of steps) if (!safe.some((s) => JSON.stringify(s) === JSON.stringify(step))) safe.push(step)
    },
    progress,
    isSounding: () => {
      const on = current()
      if (phase !== 'playing' || !on) return false
      return on.source !== null || (on.relay !== null && !relayProblems.has(on.entry.item.id))
    },
  }
}
