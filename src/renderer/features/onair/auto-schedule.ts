/**
 * Automatic mode: the scheduler (src/shared/onair/scheduler) reads the day's rundown from the
 * local database and, when a session is due, hands it to the playout engine — so the station
 * comes alive at 05:30 by itself, with no internet and after a restart (the engine joins a
 * session in progress within the catch-up tolerance and skips what the log already has).
 * Schedule edits re-plan at once: a Dexie liveQuery watches the schedule tables.
 */
import { liveQuery } from 'dexie'
import { createScheduler, type SchedulerEvent, type SchedulerTimers } from '../../../shared/onair/scheduler'
import type { PlayoutEngine } from '../../audio/playout/engine-types'
import type { DaixaDb } from '../../db/database'
import { isBroadcast, listPlayLogBetween, localDayRange } from '../../db/queries/play-log'
import { loadPolicy, rundownForDay } from '../../db/queries/schedule'
import { SESSION_MAP_KEY } from '../../db/queries/session-map'

/**
 * Sessions are handed to the engine this early: media is decoded and relays opened before the
 * first item, and the pre-roll can begin ahead of the session's start (preroll-timing.ts) — up to
 * ~45 s of device steps and DTMF codes (e.g. 20 zones' codes) still let the first item start on time.
 */
export const SESSION_LEAD_MS = 60_000

export interface AutoScheduleOptions {
  db: DaixaDb
  engine: Pick<PlayoutEngine, 'play' | 'on'>
  now?: () => number
  timers?: SchedulerTimers
  onEvent?: (event: SchedulerEvent) => void
  onError?: (error: unknown) => void
}

const browserTimers: SchedulerTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/** A cheap fingerprint of everything a rundown depends on; a change re-plans the day. */
async function scheduleFingerprint(db: DaixaDb): Promise<string> {
  const [sessions, rules, schedules, settings, sessionMap, station, bulletins, announcements] = await Promise.all([
    db.sessions.toArray(),
    db.scheduleRules.toArray(),
    db.schedules.toArray(),
    db.settings.get('onair.policy'),
    db.settings.get(SESSION_MAP_KEY),
    db.station.get('station'),
    // a "newest bulletin" slot changes when one is made or rendered (plan-day.ts)
    db.bulletins.toArray(),
    db.announcements.toCollection().primaryKeys(),
  ])
  return JSON.stringify([
    bulletins.map((b) => [b.id, b.updatedAt, b.renderedHash]),
    announcements,
    sessions,
    rules.map((r) => [r.id, r.updatedAt]),
    schedules.map((s) => [s.id, s.updatedAt]),
    settings,
    sessionMap,
    station?.sessions,
  ])
}

/** Starts automatic playout; resolves with the function that stops it. */
export async function startAutoSchedule(options: AutoScheduleOptions): Promise<() => void> {
  const { db, engine } = options
  const now = options.now ?? Date.now
  const day = localDayRange(new Date(now()))
  const today = await listPlayLogBetween(db, day.fromIso, day.toIso)
  const logged = new Set(today.filter(isBroadcast).map((row) => row.itemId))
  const policy = await loadPolicy(db)
  const scheduler = createScheduler({
    clock: { now },
    timers: options.timers ?? browserTimers,
    rundown: (date) => rundownForDay(db, date),
    catchUp: policy.catchUp,
    leadMs: SESSION_LEAD_MS,
    isLogged: (itemId) => logged.has(itemId),
  })
  const offLogged = engine.on('logged', (row) => isBroadcast(row) && logged.add(row.itemId))
  const offEvents = scheduler.on((event) => {
    if (event.type === 'session-due') engine.play(event.session).catch((error: unknown) => options.onError?.(error))
    options.onEvent?.(event)
  })
  let lastPrint: string | null = null
  const watch = liveQuery(() => scheduleFingerprint(db)).subscribe({
    next: (print) => {
      if (lastPrint !== null && print !== lastPrint) scheduler.refresh().catch((e: unknown) => options.onError?.(e))
      lastPrint = print
    },
    error: (error: unknown) => options.onError?.(error),
  })
  scheduler.start()
  return () => {
    watch.unsubscribe()
    offEvents()
    offLogged()
    scheduler.stop()
  }
}
