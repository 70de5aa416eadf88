import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PRE_ROLL_MARGIN_MS } from '../../../../../src/renderer/audio/playout/preroll-timing'
import type { RelayFailure, RelayOpener, RelaySource } from '../../../../../src/renderer/audio/playout/relay-source'
import { type ActOutcome } from '../../../../../src/renderer/audio/playout/roll-runner'
import { describeStep } from '../../../../../src/renderer/audio/playout/roll'
import { createSessionRun, ON_AIR_MARGIN_MS } from '../../../../../src/renderer/audio/playout/session-run'
import type { DeviceAction, RundownSession } from '../../../../../src/shared/onair/rundown'
import { FakeAudioContext } from './fake-audio'
import { fakeSessionHost } from './fake-host'
import { item, session } from './fixtures'

const T0 = 1_800_000_000_000

interface FakeRelay extends RelaySource {
  armed: [number, number][]
  isClosed: boolean
  fail: (reason: RelayFailure, detail: string) => void
}

function rig(opts: { relayFails?: RelayFailure } = {}) {
  const ctx = new FakeAudioContext(T0)
  const acts: { kind: string; atMs: number }[] = []
  const relays: FakeRelay[] = []
  const openRelay: RelayOpener = (_ctx, _output, _item, onProblem) => {
    if (opts.relayFails)
      return Promise.resolve({ isOk: false, reason: opts.relayFails, detail: 'NotAllowedError: denied' })
    const relay: FakeRelay = {
      armed: [],
      isClosed: false,
      arm: (startT, endT) => void relay.armed.push([startT, endT]),
      mute: () => undefined,
      close: () => void (relay.isClosed = true),
      fail: onProblem,
    }
    relays.push(relay)
    return Promise.resolve({ isOk: true, source: relay })
  }
  const now = (): number => ctx.now()
  const { host, rows, alerts } = fakeSessionHost(ctx, {
    openRelay,
    act: (action) => {
      acts.push({ kind: action.kind, atMs: now() })
      return Promise.resolve({ isOk: true as const, value: { kind: action.kind, deviceId: 'd', tookMs: 1 } as never })
    },
  })
  return { ctx, rows, alerts, acts, relays, host }
}

const start = (iso: string | null): number => (iso === null ? Number.NaN : Date.parse(iso))

async function play(r: ReturnType<typeof rig>, s: RundownSession, untilMs: number): Promise<void> {
  const run = createSessionRun(s, r.host)
  const done = run.run()
  await r.ctx.advanceTo(untilMs)
  await done
}

describe('audio/playout/session-run (fake audio clock)', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }))
  afterEach(() => vi.useRealTimers())

  it('begins the pre-roll ahead so the first item starts at its planned instant', async () => {
    const r = rig()
    const first = T0 + 10_000
    // relay on, RF on, (1.5 s RF settle), *007#1 (1.5 s of tones), RDS PS: 3 × 400 + 1500 + 50 + 1500 + 40 ms
    await play(r, session([item('a', first, 2000), item('b', first + 2000, 1000)]), first + 4000)
    const estimate = 3 * 400 + 1500 + 50 + 1500 + 40
    expect(r.acts[0]?.kind).toBe('relay')
    expect(Math.abs((r.acts[0]?.atMs ?? 0) - (first - estimate - PRE_ROLL_MARGIN_MS))).toBeLessThanOrEqual(5)
    expect(r.rows.map((row) => [row.itemId, row.outcome, start(row.actualStart) - first])).toEqual([
      ['a', 'played', 0],
      ['b', 'played', 2000],
    ])
    expect(r.alerts).toEqual([])
  })

  it('logs an item for its length on the audio clock, whatever the output timestamp jitters meanwhile', async () => {
    const r = rig()
    const first = T0 + 5000
    const run = createSessionRun(session([item('a', first, 3000)], { preRoll: [], rds: null }), r.host)
    const done = run.run()
    await r.ctx.advanceTo(first + 1000)
    // the output's reported latency jumps by 100 ms between the item's start and its end
    r.ctx.outputJitterMs = 100
    await r.ctx.advanceTo(first + 4000)
    await done
    const row = r.rows[0]
    expect(start(row?.actualStart ?? null) - first).toBe(0)
    expect(start(row?.actualEnd ?? null) - start(row?.actualStart ?? null)).toBe(3000)
  })

  it('plays a relay item for its planned duration through a gate armed on the context clock, then releases it', async () => {
    const r = rig()
    const first = T0 + 5000
    const relayItem = item('vov', first, 3000, { kind: 'relay', mediaHash: null, title: 'Tiếp sóng VOV1' })
    await play(r, session([relayItem], { preRoll: [], rds: null }), first + 4000)
    expect(r.relays).toHaveLength(1)
    expect(r.relays[0]?.armed.map(([a, b]) => [Math.round(a * 1000), Math.round(b * 1000)])).toEqual([[5000, 8000]])
    expect(r.relays[0]?.isClosed).toBe(true)
    // a released source reporting its own ending is not a failure
    r.relays[0]?.fail('capture-ended', 'track ended')
    expect(r.alerts).toEqual([])
    const row = r.rows[0]
    expect([row?.outcome, start(row?.actualStart ?? null) - first, start(row?.actualEnd ?? null) - first]).toEqual([
      'played',
      0,
      3000,
    ])
  })

  it('logs a relay that cannot open as failed with an alert, and plays the next item on time', async () => {
    const r = rig({ relayFails: 'permission' })
    const first = T0 + 5000
    const relayItem = item('vov', first, 3000, { kind: 'relay', mediaHash: null, title: 'Tiếp sóng VOV1' })
    await play(r, session([relayItem, item('b', first + 3000, 1000)], { preRoll: [], rds: null }), first + 5000)
    expect(r.alerts).toEqual([{ kind: 'relay-failed', title: 'Tiếp sóng VOV1', reason: 'permission' }])
    expect(
      r.rows.map((row) => [row.itemId, row.outcome, row.actualStart === null ? null : start(row.actualStart) - first]),
    ).toEqual([
      ['vov', 'failed', null],
      ['b', 'played', 3000],
    ])
    expect(r.rows[0]?.note).toBe('relay permission: NotAllowedError: denied; the slot was left silent')
  })

  it('logs a relay that stalls while on air as failed with an alert, keeping its slot', async () => {
    const r = rig()
    const first = T0 + 5000
    const relayItem = item('vov', first, 3000, { kind: 'relay', mediaHash: null, title: 'Luồng VOV1' })
    const run = createSessionRun(
      session([relayItem, item('b', first + 3000, 1000)], { preRoll: [], rds: null }),
      r.host,
    )
    const done = run.run()
    await r.ctx.advanceTo(first + 1000)
    expect(run.isSounding()).toBe(true)
    r.relays[0]?.fail('stream-stalled', 'buffering for more than 10000 ms')
    expect(run.isSounding()).toBe(false)
    await r.ctx.advanceTo(first + 5000)
    await done
    expect(r.alerts).toEqual([{ kind: 'relay-failed', title: 'Luồng VOV1', reason: 'stream-stalled' }])
    expect(r.rows.map((row) => [row.itemId, row.outcome, start(row.actualEnd) - first])).toEqual([
      ['vov', 'failed', 3000],
      ['b', 'played', 4000],
    ])
    expect(r.rows[0]?.note).toContain('stream-stalled')
  })

  it('releases a relay interrupted on air and logs it interrupted', async () => {
    const r = rig()
    const first = T0 + 5000
    const relayItem = item('vov', first, 10_000, { kind: 'relay', mediaHash: null })
    const run = createSessionRun(session([relayItem], { preRoll: [], rds: null }), r.host)
    const done = run.run()
    await r.ctx.advanceTo(first + 2000)
    run.interrupt()
    await r.ctx.advanceTo(first + 2100)
    run.resume()
    await r.ctx.advanceTo(first + 2200)
    await done
    expect(r.relays[0]?.isClosed).toBe(true)
    expect(r.rows.map((row) => [row.itemId, row.outcome, start(row.actualEnd) - first])).toEqual([
      ['vov', 'interrupted', 2000],
    ])
  })

  it('tells the host it is on air before the pre-roll and hands it the safe state after the post-roll', async () => {
    const r = rig()
    const calls: string[] = []
    r.host.roll = {
      ...r.host.roll,
      station: {
        begin: (id, untilMs) => Promise.resolve(void calls.push(`begin ${id} ${untilMs - T0}`)),
        end: (id, safe) => Promise.resolve(void calls.push(`end ${id} ${safe.map(describeStep).join(', ')}`)),
      },
      act: (action) => {
        calls.push(`act ${action.kind}`)
        return Promise.resolve({ isOk: true, value: { kind: action.kind, deviceId: 'd', tookMs: 1 } })
      },
    }
    const first = T0 + 10_000
    await play(r, session([item('a', first, 2000)], { postRoll: [{ kind: 'dtmf', code: '*007#0' }] }), first + 5000)
    expect(calls).toEqual([
      `begin sang ${10_000 + 2000 + ON_AIR_MARGIN_MS}`,
      'act relay',
      'act rf',
      'act rds-ps',
      'act rds-rt',
      // post-roll: RT cleared, the zone code, then the offs the zone code does not replace
      'act rds-rt',
      'act rf',
      'act relay',
      'end sang rds-rt rds1 "", rf ex off, relay r1#1 off',
    ])
  })

  it('waits for the exciter to reach power after RF on before the zone code, and alerts failures with the step', async () => {
    const r = rig()
    const stepsAt: [string, number][] = []
    r.host.roll = {
      ...r.host.roll,
      onStep: (step: DeviceAction) => void stepsAt.push([step.kind, r.ctx.now()]),
      act: (action): Promise<ActOutcome> =>
        Promise.resolve(
          action.kind === 'relay'
            ? { isOk: false, code: 'disconnected' }
            : {
                isOk: true,
                value: {
                  kind: action.kind,
                  deviceId: 'd',
                  tookMs: 1,
                  ...(action.kind === 'rf' ? { settleMs: 1500 } : {}),
                },
              },
        ),
    }
    const first = T0 + 10_000
    await play(r, session([item('a', first, 1000)]), first + 4000)
    const at = (kind: string) => stepsAt.find(([k]) => k === kind)?.[1] ?? Number.NaN
    const rdsPs = stepsAt.find(([k]) => k === 'rds-ps')?.[1] ?? Number.NaN
    // the code starts only once the carrier has had its 1.5 s, and lasts its 1.5 s before the PS
    expect(rdsPs - at('rf')).toBeGreaterThanOrEqual(1500 + 1500)
    expect(r.alerts[0]).toMatchObject({
      kind: 'device-failed',
      code: 'disconnected',
      action: { kind: 'relay', deviceId: 'r1', channel: 1, isOn: true },
    })
  })
})
