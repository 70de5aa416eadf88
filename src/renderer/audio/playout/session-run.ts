/**
 * One session on air: catch-up after a restart, decoding ahead, the pre-roll, the items started on
 * the AudioContext clock (gapless: each source's start time is the previous one's end), RDS
 * radiotext per item, the post-roll, and one as-played row per item. An emergency can interrupt
 * it (the item on air is logged 'interrupted') and resume it afterwards (the rest follows the
 * emergency gaplessly).
 *
 * Sources are scheduled at most LOOKAHEAD_MS ahead: a scheduled but silent node still costs
 * render time each quantum, so 500 items are not all put on the graph at once.
 */
import type { RundownItem, RundownSession } from '../../../shared/onair/rundown'
import type { NewPlayLogRow } from '../../db/queries/play-log'
import type { PlayLogActionResult } from '../../db/records'
import { contextTimeOf, epochOf, readClock } from './clock'
import { atContextTime, untilContextTime, type Cancel } from './ctx-timer'
import { playLogRowOf, type LogFacts } from './log-rows'
import type { AudioLoader } from './media-loader'
import { itemSteps, postRollSteps, preRollSteps } from './roll'
import { runSteps, type RollContext } from './roll-runner'
import { decideCatchUp, planTimeline, shiftRemaining, type PlannedEntry } from './timeline'

export const LOOKAHEAD_MS = 20_000
/** time from "ready" to the first sample, so the first source is never scheduled in the past */
const START_MARGIN_MS = 150

export type SessionPhase = 'waiting' | 'pre-roll' | 'playing' | 'interrupted' | 'post-roll' | 'done'
export type PlayoutAlert =
  | { kind: 'missing-media'; title: string }
  | { kind: 'device-failed'; step: string; code: string }
  | { kind: 'silence'; seconds: number }
  | { kind: 'missed'; title: string }
  | { kind: 'unsupported'; title: string }

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

interface Scheduled {
  entry: PlannedEntry
  source: AudioBufferSourceNode | null
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
  /** what the run is doing (for the screen and silence detection) */
  progress(): SessionProgress
  isSounding(): boolean
}

export function createSessionRun(session: RundownSession, host: SessionHost): SessionRun {
  const { ctx } = host
  const buffers = new Map<string, AudioBuffer>()
  let pending: PlannedEntry[] = []
  const live: Scheduled[] = []
  let refill: Cancel | null = null
  let phase: SessionPhase = 'waiting'
  let preRollActions: PlayLogActionResult[] = []
  let heldLast: Omit<LogFacts, 'sessionId'> | null = null
  let finish: () => void = () => undefined
  const finished = new Promise<void>((resolve) => (finish = resolve))

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

  function alertFailures(results: readonly PlayLogActionResult[]): void {
    for (const r of results) if (!r.isOk) host.alert({ kind: 'device-failed', step: r.step, code: r.detail })
  }

  /** Catch-up after a restart, and items that cannot play: logged now, left out of the plan. */
  async function prepare(): Promise<{ items: RundownItem[]; offsets: Map<string, number> }> {
    const logged = await host.isLogged(session.items.map((i) => i.id))
    const items: RundownItem[] = []
    const offsets = new Map<string, number>()
    const nowMs = host.now()
    for (const item of session.items) {
      const decision = decideCatchUp(item, {
        nowMs,
        toleranceMs: host.catchUpToleranceMs,
        isLogged: logged.has(item.id),
      })
      if (decision.kind === 'done') continue
      if (decision.kind === 'missed') {
        host.alert({ kind: 'missed', title: item.title })
        await log({
          item,
          outcome: 'skipped',
          actualStartMs: null,
          actualEndMs: null,
          note: `missed: ${decision.lateMs} ms late`,
        })
        continue
      }
      if (decision.kind === 'join') offsets.set(item.id, decision.offsetMs)
      items.push(item)
    }
    return { items, offsets }
  }

  /** Decodes every item ahead; a missing file is logged 'skipped' with an alert. */
  async function load(items: RundownItem[]): Promise<RundownItem[]> {
    const playable: RundownItem[] = []
    for (const item of items) {
      if (item.kind === 'silence') {
        playable.push(item)
        continue
      }
      if (item.kind === 'relay') {
        host.alert({ kind: 'unsupported', title: item.title })
        await log({
          item,
          outcome: 'failed',
          actualStartMs: null,
          actualEndMs: null,
          note: 'relay sources are not supported yet',
        })
        continue
      }
      const buffer = await host.loadAudio(ctx, item)
      if (!buffer) {
        host.alert({ kind: 'missing-media', title: item.title })
        await log({
          item,
          outcome: 'skipped',
          actualStartMs: null,
          actualEndMs: null,
          note: `missing media ${item.mediaHash ?? ''}`,
        })
        continue
      }
      buffers.set(item.id, buffer)
      playable.push(item)
    }
    return playable
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
    const s: Scheduled = { entry, source, cancels: [], actualStartMs: null, actions: [] }
    s.cancels.push(atContextTime(ctx, host.master, startT, () => void started(s, startT)))
    s.cancels.push(atContextTime(ctx, host.master, endT, () => void ended(s, endT)))
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

  async function started(s: Scheduled, startT: number): Promise<void> {
    s.actualStartMs = Math.round(epochOf(readClock(ctx, performance), startT))
    scheduleAhead()
    report()
    s.actions = await runSteps(host.roll, itemSteps(session, s.entry.item), 'item')
    alertFailures(s.actions)
  }

  async function ended(s: Scheduled, endT: number): Promise<void> {
    const at = live.indexOf(s)
    if (at < 0) return
    live.splice(at, 1)
    s.source?.disconnect()
    const endMs = Math.round(epochOf(readClock(ctx, performance), endT))
    const facts = {
      item: s.entry.item,
      outcome: 'played' as const,
      actualStartMs: s.actualStartMs,
      actualEndMs: endMs,
      deviceActions: s.actions,
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

  return {
    async run() {
      const { items, offsets } = await prepare()
      const playable = await load(items)
      if (playable.length === 0) return setPhase('done')
      if (session.startMs > host.now()) {
        report()
        await untilContextTime(ctx, host.master, contextTimeOf(readClock(ctx, performance), session.startMs))
      }
      setPhase('pre-roll')
      preRollActions = await runSteps(host.roll, preRollSteps(session), 'pre-roll')
      alertFailures(preRollActions)
      const lengthsMs = new Map([...buffers].map(([id, b]) => [id, Math.round(b.duration * 1000)]))
      pending = planTimeline(playable, { notBeforeMs: host.now() + START_MARGIN_MS, lengthsMs, offsetsMs: offsets })
      setPhase('playing')
      scheduleAhead()
      await finished
      if (host.hasPostRoll !== false) {
        setPhase('post-roll')
        const post = await runSteps(host.roll, postRollSteps(session), 'post-roll')
        alertFailures(post)
        if (heldLast) heldLast = { ...heldLast, deviceActions: [...(heldLast.deviceActions ?? []), ...post] }
      }
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
        if (s.actualStartMs === null) pending.unshift(s.entry)
        else
          void log({
            item: s.entry.item,
            outcome: 'interrupted',
            actualStartMs: s.actualStartMs,
            actualEndMs: nowMs,
            deviceActions: s.actions,
          })
      }
      pending.sort((a, b) => a.startMs - b.startMs)
      setPhase('interrupted')
    },
    resume() {
      if (pending.length === 0) return finish()
      pending = shiftRemaining(pending, Number.NEGATIVE_INFINITY, host.now() + START_MARGIN_MS)
      setPhase('playing')
      scheduleAhead()
    },
    progress,
    isSounding: () => phase === 'playing' && (current()?.source ?? null) !== null,
  }
}
