/** Test helpers for automatic playout: timers moved by hand and an engine that records what it is given. */
import type { RundownSession } from '../../../../../src/shared/onair/rundown'
import type { SchedulerTimers } from '../../../../../src/shared/onair/scheduler'

/** Timers the test moves by hand; the database keeps running on real time. */
export function manualTime(startMs: number) {
  let now = startMs
  let queue: Array<{ at: number; fn: () => void }> = []
  const settle = async () => {
    for (let i = 0; i < 20; i += 1) await new Promise((r) => setTimeout(r, 1))
  }
  const timers: SchedulerTimers = {
    setTimeout: (fn, ms) => {
      const handle = { at: now + ms, fn }
      queue.push(handle)
      return handle
    },
    clearTimeout: (handle) => {
      queue = queue.filter((h) => h !== handle)
    },
  }
  return {
    now: () => now,
    timers,
    settle,
    async advanceTo(target: number) {
      for (let guard = 0; guard < 1000; guard += 1) {
        queue.sort((a, b) => a.at - b.at)
        const next = queue[0]
        if (!next || next.at > target) break
        queue.shift()
        now = Math.max(now, next.at)
        next.fn()
        await settle()
      }
      now = target
    },
  }
}

/** Stands in for the Web Audio engine, which needs a browser: records the sessions handed to it. */
export function recordingEngine() {
  const played: RundownSession[] = []
  return {
    played,
    play: (session: RundownSession) => {
      played.push(session)
      return Promise.resolve()
    },
    on: () => () => undefined,
  }
}
