/**
 * "Dừng": a session stopped by the officer (or a trial that a scheduled session takes over from)
 * cuts the item on air, logs the rest skipped, and still runs its post-roll so the hardware ends
 * off — on the fake audio clock, with the device steps recorded in order.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createSessionRun } from '../../../../../src/renderer/audio/playout/session-run'
import type { DeviceAction } from '../../../../../src/shared/onair/rundown'
import { FakeAudioContext } from './fake-audio'
import { fakeSessionHost } from './fake-host'
import { item, session } from './fixtures'

const T0 = 1_800_000_000_000

function rig(opts: { holdRf?: Promise<void> } = {}) {
  const ctx = new FakeAudioContext(T0)
  const acts: string[] = []
  const { host, rows } = fakeSessionHost(ctx, {
    act: async (action) => {
      acts.push('isOn' in action ? `${action.kind} ${action.isOn ? 'on' : 'off'}` : `${action.kind}`)
      if (action.kind === 'rf' && action.isOn) await opts.holdRf
      return { isOk: true, value: { kind: action.kind, deviceId: 'd', tookMs: 1 } as never }
    },
  })
  return { ctx, rows, acts, host }
}

// relay on, RF on, no DTMF (quick), RDS PS; post-roll: RT cleared, then the pre-roll reversed
const rolled = { preRoll: [session([]).preRoll[0], session([]).preRoll[1]] as DeviceAction[] }
const FIRST = T0 + 5000
const three = () =>
  session([item('a', FIRST, 3000), item('b', FIRST + 3000, 3000), item('c', FIRST + 6000, 3000)], rolled)

describe('audio/playout/session-run stop', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }))
  afterEach(() => vi.useRealTimers())

  it('cuts the item on air, logs the rest skipped, then switches the hardware off', async () => {
    const r = rig()
    const run = createSessionRun(three(), r.host)
    const done = run.run()
    await r.ctx.advanceTo(FIRST + 4000)
    expect(run.progress().current?.item.id).toBe('b')
    run.stop('stopped by the officer')
    await r.ctx.advanceTo(FIRST + 5000)
    await done
    expect(run.progress().phase).toBe('done')
    expect(r.rows.map((row) => [row.itemId, row.outcome, row.note])).toEqual([
      ['a', 'played', ''],
      ['b', 'interrupted', 'stopped by the officer'],
      ['c', 'skipped', 'stopped by the officer'],
    ])
    expect(Date.parse(r.rows[1]?.actualEnd ?? '') - FIRST).toBe(4000)
    // RDS radiotext per started item, then the post-roll: RT cleared, RF off, relay off
    expect(r.acts).toEqual(['relay on', 'rf on', 'rds-ps', 'rds-rt', 'rds-rt', 'rds-rt', 'rf off', 'relay off'])
    // the post-roll's results go on the last row written
    expect(r.rows[2]?.deviceActions?.filter((a) => a.phase === 'post-roll').map((a) => a.step)).toEqual([
      'rds-rt rds1 ""',
      'rf ex off',
      'relay r1#1 off',
    ])
    // the sources already put on the graph for later (b's rest, c) were stopped with it
    const later = r.ctx.started.filter((s) => (s.startAt ?? 0) > 5)
    expect(later.length).toBe(2)
    expect(later.every((s) => s.stopAt === 0)).toBe(true)
  })

  it('stopped while it waits for its time: nothing is switched on or off, every item is skipped', async () => {
    const r = rig()
    const run = createSessionRun(three(), r.host)
    const done = run.run()
    await r.ctx.advanceTo(T0 + 1000)
    run.stop('stopped by the officer')
    await r.ctx.advanceTo(T0 + 1100)
    await done
    expect(r.acts).toEqual([])
    expect(r.rows.map((row) => [row.itemId, row.outcome])).toEqual([
      ['a', 'skipped'],
      ['b', 'skipped'],
      ['c', 'skipped'],
    ])
  })

  it('stopped during its pre-roll: the pre-roll finishes, nothing plays, the post-roll runs', async () => {
    let releaseRf: () => void = () => undefined
    const r = rig({ holdRf: new Promise<void>((resolve) => (releaseRf = resolve)) })
    const run = createSessionRun(three(), r.host)
    const done = run.run()
    for (let n = 0; n < 2000 && run.progress().phase !== 'pre-roll'; n++) await r.ctx.advanceTo(r.ctx.now() + 5)
    expect(run.progress().phase).toBe('pre-roll')
    run.stop('stopped by the officer')
    releaseRf()
    await r.ctx.advanceTo(FIRST + 1000)
    await done
    expect(r.ctx.started).toEqual([])
    expect(r.acts).toEqual(['relay on', 'rf on', 'rds-ps', 'rds-rt', 'rf off', 'relay off'])
    expect(r.rows.map((row) => row.outcome)).toEqual(['skipped', 'skipped', 'skipped'])
  })

  it('a second stop, or a stop after the end, changes nothing', async () => {
    const r = rig()
    const run = createSessionRun(session([item('a', FIRST, 1000)], rolled), r.host)
    const done = run.run()
    await r.ctx.advanceTo(FIRST + 2000)
    await done
    run.stop('late')
    run.stop('later')
    expect(r.rows.map((row) => [row.itemId, row.outcome, row.note])).toEqual([['a', 'played', '']])
  })
})
