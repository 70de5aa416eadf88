/**
 * The scheduler: turns the day's rundown into "session due" / "item due" events at the right
 * instants, for the playout engine to act on. It keeps one timer to the next instant (never
 * longer than `maxSleepMs`, so a clock jump, a suspend or a changed rundown is noticed) and on
 * every wake compares the clock with the plan, so a late timer never loses an event.
 *
 * Catch-up (after a restart, a suspend or an emergency): a session in progress is announced late
 * (`lateMs`); its items whose planned end is past are skipped with a reason (unless `isLogged`
 * says they already went out); the current item joins where it would be now (`offsetMs`) or
 * restarts from its beginning, per `catchUp.current`; lateness within `catchUp.toleranceMs` is
 * treated as on time. Sessions that ended before start() are left to the as-played log.
 *
 * Emergency: interrupt(session) announces it at once and holds everything else; items whose end
 * passes meanwhile are skipped ('emergency'). When it ends (at its endMs, or end()) the session
 * in progress is announced again (`isResume`, so its pre-roll runs again after the emergency's
 * post-roll) and the interrupted item joins or restarts per policy.
 */
import type { CatchUpPolicy } from './policy'
import type { RundownItem, RundownSession } from './rundown'
import { addDays, localDateAt, type LocalDate } from './station-time'

export type SkipReason = 'missed' | 'emergency'

export type SchedulerEvent =
  | { type: 'session-due'; session: RundownSession; lateMs: number; isResume: boolean }
  | { type: 'item-due'; session: RundownSession; item: RundownItem; lateMs: number; offsetMs: number }
  | { type: 'item-skipped'; session: RundownSession; item: RundownItem; reason: SkipReason }
  | { type: 'session-end'; session: RundownSession }
  | { type: 'emergency-start'; session: RundownSession; interrupted: RundownItem | null }
  | { type: 'emergency-end'; session: RundownSession; returnTo: RundownSession | null }
  | { type: 'rundown-failed'; date: LocalDate; message: string }

export interface SchedulerTimers {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export interface SchedulerOptions {
  clock: { now(): number }
  /** The runtime's timers (src/shared declares no globals): `{ setTimeout, clearTimeout }`. */
  timers: SchedulerTimers
  /** The rundown of one station day (may read a database). */
  rundown: (date: LocalDate) => readonly RundownSession[] | Promise<readonly RundownSession[]>
  catchUp: CatchUpPolicy
  /** "Session due" comes this early, so the pre-roll is done when the first item is due. */
  leadMs?: number
  maxSleepMs?: number
  /** Whether the as-played log already has an outcome for an item (not skipped again after a restart). */
  isLogged?: (itemId: string) => boolean
}

export interface EmergencyHandle {
  end(): void
}

export interface Scheduler {
  start(): void
  stop(): void
  on(listener: (event: SchedulerEvent) => void): () => void
  /** Reloads the rundown (after the officer changes the schedule) and re-plans the wake-up. */
  refresh(): Promise<void>
  interrupt(session: RundownSession): EmergencyHandle
}

const sessionEnd = (s: RundownSession): number =>
  Math.max(s.endMs, ...s.items.map((i) => i.plannedStartMs + i.durationMs))

export function createScheduler(options: SchedulerOptions): Scheduler {
  const timers = options.timers
  const leadMs = options.leadMs ?? 0
  const maxSleepMs = options.maxSleepMs ?? 60_000
  const listeners = new Set<(event: SchedulerEvent) => void>()
  const days = new Map<LocalDate, readonly RundownSession[]>()
  const fired = new Set<string>()
  let timer: unknown = null
  let isRunning = false
  let startedAt = 0
  let emergency: { session: RundownSession; endMs: number } | null = null
  let current: { session: RundownSession; item: RundownItem } | null = null
  let resumeSessionId: string | null = null

  const emit = (event: SchedulerEvent): void => {
    for (const listener of [...listeners]) listener(event)
  }

  async function load(date: LocalDate, isForced: boolean): Promise<void> {
    if (days.has(date) && !isForced) return
    try {
      days.set(date, await options.rundown(date))
    } catch (error) {
      emit({ type: 'rundown-failed', date, message: error instanceof Error ? error.message : String(error) })
    }
  }

  async function loadAround(now: number, isForced = false): Promise<void> {
    const today = localDateAt(now)
    for (const date of [...days.keys()]) if (date < addDays(today, -1)) days.delete(date)
    for (const date of [addDays(today, -1), today, addDays(today, 1)]) await load(date, isForced)
  }

  const sessions = (): RundownSession[] =>
    [...days.values()].flat().sort((a, b) => a.startMs - b.startMs || a.sessionId.localeCompare(b.sessionId))

  const key = (s: RundownSession, what: string): string => `${s.sessionId}@${s.startMs}:${what}`

  function processSession(s: RundownSession, now: number): void {
    const end = sessionEnd(s)
    const dueKey = key(s, 'due')
    if (!fired.has(dueKey)) {
      if (now < s.startMs - leadMs) return
      if (end <= startedAt) return ignore(s)
      if (now >= end) return skipAll(s, now, dueKey)
      fired.add(dueKey)
      const isResume = resumeSessionId === s.sessionId
      if (isResume) resumeSessionId = null
      emit({ type: 'session-due', session: s, lateMs: Math.max(0, now - (s.startMs - leadMs)), isResume })
    }
    for (const item of s.items) processItem(s, item, now)
    if (now >= end && !fired.has(key(s, 'end'))) {
      fired.add(key(s, 'end'))
      if (current?.session === s) current = null
      emit({ type: 'session-end', session: s })
    }
  }

  /** A session that ended before start(): what happened to it is in the as-played log, not here. */
  function ignore(s: RundownSession): void {
    for (const what of ['due', 'end']) fired.add(key(s, what))
    for (const item of s.items) fired.add(`item:${item.id}`)
  }

  /** A whole session passed while the scheduler was running but could not play (suspend, clock jump). */
  function skipAll(s: RundownSession, now: number, dueKey: string): void {
    fired.add(dueKey)
    fired.add(key(s, 'end'))
    for (const item of s.items) processItem(s, item, now)
  }

  function processItem(s: RundownSession, item: RundownItem, now: number): void {
    const itemKey = `item:${item.id}`
    if (fired.has(itemKey) || now < item.plannedStartMs) return
    fired.add(itemKey)
    const lateMs = now - item.plannedStartMs
    if (lateMs <= options.catchUp.toleranceMs) return due(s, item, lateMs, 0)
    if (now >= item.plannedStartMs + item.durationMs) {
      if (!options.isLogged?.(item.id)) emit({ type: 'item-skipped', session: s, item, reason: 'missed' })
      return
    }
    due(s, item, lateMs, options.catchUp.current === 'join' ? lateMs : 0)
  }

  function due(session: RundownSession, item: RundownItem, lateMs: number, offsetMs: number): void {
    current = { session, item }
    emit({ type: 'item-due', session, item, lateMs, offsetMs })
  }

  /** During an emergency nothing starts; what ends meanwhile is skipped for that reason. */
  function holdDuringEmergency(now: number): void {
    for (const s of sessions()) {
      for (const item of s.items) {
        const itemKey = `item:${item.id}`
        if (fired.has(itemKey) || now < item.plannedStartMs + item.durationMs) continue
        fired.add(itemKey)
        if (item.plannedStartMs >= startedAt) emit({ type: 'item-skipped', session: s, item, reason: 'emergency' })
      }
    }
  }

  function endEmergency(): void {
    if (!emergency) return
    const { session } = emergency
    emergency = null
    const now = options.clock.now()
    const returnTo = sessions().find((s) => s.startMs - leadMs <= now && now < sessionEnd(s)) ?? null
    if (returnTo && fired.has(key(returnTo, 'due'))) {
      fired.delete(key(returnTo, 'due'))
      resumeSessionId = returnTo.sessionId
    }
    if (current && now < current.item.plannedStartMs + current.item.durationMs) fired.delete(`item:${current.item.id}`)
    emit({ type: 'emergency-end', session, returnTo })
    void tick()
  }

  function run(now: number): number {
    if (emergency && now >= emergency.endMs) endEmergency()
    if (emergency) {
      holdDuringEmergency(now)
      return emergency.endMs
    }
    for (const s of sessions()) processSession(s, now)
    return nextInstant(now)
  }

  function nextInstant(now: number): number {
    let next = now + maxSleepMs
    for (const s of sessions()) {
      for (const at of [s.startMs - leadMs, sessionEnd(s), ...s.items.map((i) => i.plannedStartMs)]) {
        if (at > now && at < next) next = at
      }
    }
    return next
  }

  function arm(at: number, now: number): void {
    if (timer !== null) timers.clearTimeout(timer)
    timer = timers.setTimeout(
      () => {
        timer = null
        void tick()
      },
      Math.max(0, Math.min(at, now + maxSleepMs) - now),
    )
  }

  let ticking: Promise<void> | null = null
  function tick(isForced = false): Promise<void> {
    if (!isRunning) return Promise.resolve()
    const previous = ticking ?? Promise.resolve()
    ticking = previous.then(async () => {
      if (!isRunning) return
      await loadAround(options.clock.now(), isForced)
      if (!isRunning) return
      const now = options.clock.now()
      arm(run(now), now)
    })
    return ticking
  }

  return {
    start() {
      if (isRunning) return
      isRunning = true
      startedAt = options.clock.now()
      void tick()
    },
    stop() {
      isRunning = false
      if (timer !== null) timers.clearTimeout(timer)
      timer = null
    },
    on(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    refresh: () => tick(true),
    interrupt(session) {
      const interrupted =
        current && options.clock.now() < current.item.plannedStartMs + current.item.durationMs ? current.item : null
      emergency = { session, endMs: sessionEnd(session) }
      emit({ type: 'emergency-start', session, interrupted })
      void tick()
      return { end: () => (emergency?.session === session ? endEmergency() : undefined) }
    },
  }
}
