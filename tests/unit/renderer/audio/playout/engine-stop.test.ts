/**
 * The engine's stops (fake audio clock, a stand-in AudioContext): "Dừng phát" ends the session on
 * air with its post-roll; a scheduled session queued while a trial plays ends the trial (its rows
 * marked, the hardware switched off) and then plays, its rows not marked.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPlayoutEngine } from '../../../../../src/renderer/audio/playout/engine'
import type { NewPlayLogRow } from '../../../../../src/renderer/db/queries/play-log'
import { FakeAudioContext, fakeBuffer, flush } from './fake-audio'
import { item, session } from './fixtures'

const T0 = 1_800_000_000_000

class EngineContext extends FakeAudioContext {
  readonly destination = this.createGain()
  createAnalyser() {
    return Object.assign(this.createGain(), { fftSize: 2048, getFloatTimeDomainData: () => undefined })
  }
  resume = () => Promise.resolve()
  close = () => Promise.resolve()
}

function rig() {
  const ctx = new EngineContext(T0)
  vi.stubGlobal('AudioContext', function AudioContext() {
    return ctx
  })
  const rows: NewPlayLogRow[] = []
  const acts: string[] = []
  const engine = createPlayoutEngine({
    loadAudio: (_c, i) => Promise.resolve(fakeBuffer(i.durationMs)),
    act: (action) => {
      acts.push(`${action.kind}${'isOn' in action ? (action.isOn ? ' on' : ' off') : ''}`)
      return Promise.resolve({ isOk: true, value: { kind: action.kind, deviceId: 'd', tookMs: 1 } as never })
    },
    writeLog: (row) => {
      rows.push(row)
      return Promise.resolve()
    },
    isLogged: () => Promise.resolve(new Set()),
    now: () => ctx.now(),
    silenceLimitMs: 60_000,
  })
  return { ctx, rows, acts, engine }
}

const rolled = { preRoll: session([]).preRoll.slice(0, 2), rds: null }

describe('audio/playout/engine stops', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }))
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('"Dừng phát" cuts the session on air and switches the hardware off', async () => {
    const r = rig()
    await r.engine.start()
    const first = T0 + 2000
    void r.engine.play(session([item('a', first, 5000), item('b', first + 5000, 5000)], rolled))
    await r.ctx.advanceTo(first + 1000)
    expect(r.engine.snapshot()).toMatchObject({ isTrial: false, progress: { phase: 'playing' } })
    const stopped = r.engine.stopSession()
    await r.ctx.advanceTo(first + 1500)
    await stopped
    expect(r.rows.map((row) => [row.itemId, row.outcome, row.note, row.isTrial])).toEqual([
      ['a', 'interrupted', 'stopped by the officer', undefined],
      ['b', 'skipped', 'stopped by the officer', undefined],
    ])
    expect(r.acts).toEqual(['relay on', 'rf on', 'rf off', 'relay off'])
    await r.engine.stop()
  })

  it('a scheduled session due during a trial ends the trial, then plays', async () => {
    const r = rig()
    await r.engine.start()
    const first = T0 + 2000
    void r.engine.play(session([item('t1', first, 5000), item('t2', first + 5000, 5000)], rolled), {
      isTrial: true,
    })
    await r.ctx.advanceTo(first + 1000)
    expect(r.engine.snapshot().isTrial).toBe(true)
    const real = r.engine.play(session([item('s1', first + 4000, 1000)], { ...rolled, sessionId: 'chieu' }))
    await r.ctx.advanceTo(first + 8000)
    await flush()
    await real
    expect(r.rows.map((row) => [row.itemId, row.outcome, row.isTrial === true])).toEqual([
      ['t1', 'interrupted', true],
      ['t2', 'skipped', true],
      ['s1', 'played', false],
    ])
    expect(r.rows[0]?.note).toBe('trial stopped: a scheduled session is due')
    // the trial's post-roll before the session's pre-roll: the hardware was off in between
    expect(r.acts).toEqual(['relay on', 'rf on', 'rf off', 'relay off', 'relay on', 'rf on', 'rf off', 'relay off'])
    expect(r.engine.snapshot().isTrial).toBe(false)
    await r.engine.stop()
  })
})
