import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { buildEmergencySession } from '../../../../src/shared/onair/emergency'
import type { Placement } from '../../../../src/shared/onair/placement'
import { buildRundown } from '../../../../src/shared/onair/plan-day'
import { defaultPolicy, type CatchUpPolicy } from '../../../../src/shared/onair/policy'
import { createScheduler, type Scheduler, type SchedulerEvent } from '../../../../src/shared/onair/scheduler'
import { defaultSessions } from '../../../../src/shared/onair/session'
import { instantOf, localDateAt } from '../../../../src/shared/onair/station-time'
import { MIN, ann, entry, libraryOf, once, ruled, sources } from './fixtures'

const MON = '2026-11-23'
const DAY_MS = 86_400_000
const lib = libraryOf(entry('a', 2), entry('b', 3), entry('c', 3), entry('d', 1), entry('e', 5), entry('u', 1))

type Seen = SchedulerEvent & { at: number }

let scheduler: Scheduler | null = null
beforeEach(() => vi.useFakeTimers())
afterEach(() => {
  scheduler?.stop()
  scheduler = null
  vi.useRealTimers()
})

function run(
  placements: Placement[],
  startAt: number,
  options: { catchUp?: CatchUpPolicy; leadMs?: number; isLogged?: (id: string) => boolean } = {},
) {
  vi.setSystemTime(startAt)
  const seen: Seen[] = []
  scheduler = createScheduler({
    clock: { now: () => Date.now() },
    timers: {
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    },
    rundown: (date) => buildRundown(date, sources(placements, lib)),
    catchUp: options.catchUp ?? defaultPolicy().catchUp,
    leadMs: options.leadMs ?? 0,
    isLogged: options.isLogged,
  })
  scheduler.on((e) => seen.push({ ...e, at: Date.now() }))
  scheduler.start()
  return seen
}

const brief = (e: Seen): string => {
  switch (e.type) {
    case 'session-due':
      return `due ${e.session.sessionId}${e.isResume ? ' resume' : ''}`
    case 'item-due':
      return `item ${e.item.targetId} +${e.offsetMs / 1000}s`
    case 'item-skipped':
      return `skip ${e.item.targetId} ${e.reason}`
    case 'session-end':
      return `end ${e.session.sessionId}`
    case 'emergency-start':
      return `emergency over ${e.interrupted?.targetId ?? '-'}`
    case 'emergency-end':
      return `return to ${e.returnTo?.sessionId ?? '-'}`
    case 'rundown-failed':
      return `failed ${e.date}`
  }
}

const sang = (min: number): number => instantOf(MON, '05:30') + min * MIN
const morning = (): Placement[] => [
  once('sang', MON, ann('a')),
  once('sang', MON, ann('b')),
  once('sang', MON, ann('c')),
]

describe('scheduler', () => {
  it('fires every session and item on time over a simulated week of rules', async () => {
    const placements = [
      ruled('sang', MON, 'FREQ=DAILY', ann('a')),
      ruled('sang', MON, 'FREQ=DAILY', ann('b')),
      ruled('trua', MON, 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', ann('c')),
      ruled('chieu', MON, 'FREQ=WEEKLY;BYDAY=SU', {
        kind: 'relay',
        title: 'VOV1',
        url: null,
        durationMs: 20 * MIN,
        source: 'relay-national-radio',
      }),
      ruled('chieu', MON, 'FREQ=DAILY;INTERVAL=3;COUNT=2', ann('d')),
      ruled('trua', MON, 'FREQ=DAILY;UNTIL=20261125', ann('u')),
      once('chieu', '2026-11-26', ann('e'), { priority: 'priority', order: 99 }),
    ]
    const seen = run(placements, instantOf(MON, '00:00'), { leadMs: 10_000 })
    await vi.advanceTimersByTimeAsync(7 * DAY_MS)
    const items = seen.filter((e) => e.type === 'item-due')
    expect(items).toHaveLength(7 * 2 + 5 + 1 + 2 + 3 + 1)
    expect(items.every((e) => e.at === e.item.plannedStartMs && e.lateMs === 0 && e.offsetMs === 0)).toBe(true)
    const dues = seen.filter((e) => e.type === 'session-due')
    expect(dues.every((e) => e.at === e.session.startMs - 10_000 && !e.isResume)).toBe(true)
    expect(dues).toHaveLength(7 + 5 + 3)
    expect(seen.filter((e) => e.type === 'session-end')).toHaveLength(15)
    expect(seen.some((e) => e.type === 'item-skipped')).toBe(false)
    const chieuDays = seen
      .filter((e) => e.type === 'item-due' && e.session.sessionId === 'chieu')
      .map((e) => localDateAt(e.at))
    expect(chieuDays).toEqual([MON, '2026-11-26', '2026-11-26', '2026-11-29'])
    const thursday = seen.filter(
      (e) => e.type === 'item-due' && localDateAt(e.at) === '2026-11-26' && e.session.sessionId === 'chieu',
    )
    expect(thursday.map(brief)).toEqual(['item e +0s', 'item d +0s'])
    const truaU = seen.filter((e) => e.type === 'item-due' && e.item.targetId === 'u').map((e) => localDateAt(e.at))
    expect(truaU).toEqual([MON, '2026-11-24', '2026-11-25'])
    const firstMorning = seen.filter((e) => localDateAt(e.at) === MON && e.at < instantOf(MON, '06:10')).map(brief)
    expect(firstMorning).toEqual(['due sang', 'item a +0s', 'item b +0s', 'end sang'])
  })

  it('skips what is past and joins the current item when restarted in the middle of a session', async () => {
    const seen = run(morning(), sang(4))
    await vi.advanceTimersByTimeAsync(60 * MIN)
    expect(seen.map(brief)).toEqual(['due sang', 'skip a missed', 'item b +120s', 'item c +0s', 'end sang'])
    expect(seen[0]).toMatchObject({ lateMs: 4 * MIN })
    expect(seen[3]?.at).toBe(sang(5))
  })

  it('restarts the current item from its beginning when the policy says restart', async () => {
    const seen = run(morning(), sang(4), { catchUp: { toleranceMs: 5000, current: 'restart' } })
    await vi.advanceTimersByTimeAsync(MIN)
    expect(seen.map(brief).slice(0, 3)).toEqual(['due sang', 'skip a missed', 'item b +0s'])
  })

  it('does not skip again what the as-played log already has after a restart', async () => {
    const seen = run(morning(), sang(4), {
      isLogged: (id) => id.startsWith(morning()[0]!.id.slice(0, 0)) && id.includes('@'),
    })
    await vi.advanceTimersByTimeAsync(MIN)
    expect(seen.map(brief).slice(0, 2)).toEqual(['due sang', 'item b +120s'])
  })

  it('plays from the start when lateness is within the tolerance', async () => {
    const seen = run(morning(), sang(0) + 3000)
    await vi.advanceTimersByTimeAsync(MIN)
    expect(seen.map(brief)).toEqual(['due sang', 'item a +0s'])
    expect(seen[1]).toMatchObject({ lateMs: 3000, offsetMs: 0 })
  })

  it('leaves sessions that ended before the start to the as-played log', async () => {
    const seen = run(morning(), sang(30))
    await vi.advanceTimersByTimeAsync(10 * MIN)
    expect(seen).toEqual([])
  })

  it('interrupts for an emergency, holds the schedule and returns to the session after it', async () => {
    const seen = run(morning(), sang(0))
    await vi.advanceTimersByTimeAsync(MIN)
    const emergency = buildEmergencySession({
      nowMs: Date.now(),
      sessions: defaultSessions(),
      content: emergencyContent(3 * MIN),
    })
    scheduler?.interrupt(emergency)
    await vi.advanceTimersByTimeAsync(10 * MIN)
    expect(seen.map(brief)).toEqual([
      'due sang',
      'item a +0s',
      'emergency over a',
      'return to sang',
      'due sang resume',
      'item b +120s',
      'item c +0s',
      'end sang',
    ])
    expect(seen[3]?.at).toBe(sang(4))
  })

  it('returns to the interrupted item when the emergency is ended early', async () => {
    const seen = run(morning(), sang(0))
    await vi.advanceTimersByTimeAsync(MIN)
    const handle = scheduler?.interrupt(
      buildEmergencySession({ nowMs: Date.now(), sessions: defaultSessions(), content: emergencyContent(10 * MIN) }),
    )
    await vi.advanceTimersByTimeAsync(30_000)
    handle?.end()
    await vi.advanceTimersByTimeAsync(MIN)
    expect(seen.map(brief).slice(2)).toEqual([
      'emergency over a',
      'return to sang',
      'due sang resume',
      'item a +90s',
      'item b +0s',
    ])
  })

  it('skips items whose whole slot passes during an emergency', async () => {
    const seen = run(morning(), sang(0))
    await vi.advanceTimersByTimeAsync(MIN)
    scheduler?.interrupt(
      buildEmergencySession({ nowMs: Date.now(), sessions: defaultSessions(), content: emergencyContent(5 * MIN) }),
    )
    await vi.advanceTimersByTimeAsync(10 * MIN)
    expect(seen.map(brief).slice(2)).toEqual([
      'emergency over a',
      'skip b emergency',
      'return to sang',
      'due sang resume',
      'item c +60s',
      'end sang',
    ])
  })

  it('picks up a changed rundown on refresh and stops firing after stop', async () => {
    const placements: Placement[] = [once('trua', MON, ann('a'))]
    const seen = run(placements, instantOf(MON, '10:00'))
    placements.push(once('trua', MON, ann('e')))
    await scheduler?.refresh()
    await vi.advanceTimersByTimeAsync(62 * MIN)
    expect(seen.map(brief)).toEqual(['due trua', 'item a +0s', 'item e +0s'])
    scheduler?.stop()
    await vi.advanceTimersByTimeAsync(DAY_MS)
    expect(seen).toHaveLength(3)
  })

  it('reports a rundown that cannot be read and keeps running', async () => {
    vi.setSystemTime(sang(-60))
    const seen: SchedulerEvent[] = []
    scheduler = createScheduler({
      clock: { now: () => Date.now() },
      timers: {
        setTimeout: (fn, ms) => setTimeout(fn, ms),
        clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      },
      rundown: () => Promise.reject(new Error('database closed')),
      catchUp: defaultPolicy().catchUp,
    })
    const off = scheduler.on((e) => seen.push(e))
    scheduler.start()
    await vi.advanceTimersByTimeAsync(1000)
    expect(seen.map((e) => e.type)).toContain('rundown-failed')
    off()
    const count = seen.length
    await vi.advanceTimersByTimeAsync(5 * MIN)
    expect(seen).toHaveLength(count)
  })
})

function emergencyContent(durationMs: number) {
  return {
    targetId: 'storm',
    kind: 'announcement' as const,
    title: 'Cảnh báo bão',
    mediaHash: 'e'.repeat(64),
    relayUrl: null,
    durationMs,
    source: 'own' as const,
    contentKind: 'notice' as const,
    language: 'vi',
    category: '',
  }
}
