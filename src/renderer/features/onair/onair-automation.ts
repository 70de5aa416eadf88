/**
 * `window.daixaOnAir`, only when the page was opened with `?automation` (the e2e specs): the
 * level of the programme bus (after talk-over ducking) and of the master bus, sampled every 50 ms
 * from AnalyserNode taps, and `play(session)` to queue a rundown session on the app's engine —
 * e.g. a relay of a few seconds, which the schedule (whole minutes) cannot make. The session is
 * checked with the rundown's zod schema. It gives a script nothing the renderer's own code does
 * not already have: same origin, same CSP, same engine.
 */
import { rundownSessionSchema } from '../../../shared/onair/rundown'
import type { PlayoutEngine } from '../../audio/playout/engine-types'

export interface LevelSample {
  atMs: number
  /** RMS of the last 2048 frames */
  programme: number
  master: number
}

export interface OnAirAutomation {
  levels: LevelSample[]
  play?: (session: unknown) => void
}

declare global {
  interface Window {
    daixaOnAir?: OnAirAutomation
  }
}

const SAMPLE_MS = 50
const MAX_SAMPLES = 4000

export const isAutomation = (): boolean => new URLSearchParams(window.location.search).has('automation')

function automation(): OnAirAutomation {
  window.daixaOnAir ??= { levels: [] }
  return window.daixaOnAir
}

function tap(ctx: AudioContext, node: AudioNode): () => number {
  const analyser = ctx.createAnalyser()
  analyser.fftSize = 2048
  node.connect(analyser)
  const samples = new Float32Array(analyser.fftSize)
  return () => {
    analyser.getFloatTimeDomainData(samples)
    let sum = 0
    for (const v of samples) sum += v * v
    return Math.sqrt(sum / samples.length)
  }
}

/** The engine's `onContext` with `?automation`: samples both buses for the page's lifetime. */
export function attachLevelMeter(ctx: AudioContext, master: AudioNode, programme: AudioNode): void {
  if (!isAutomation()) return
  const levels = automation().levels
  const programmeLevel = tap(ctx, programme)
  const masterLevel = tap(ctx, master)
  const timer = setInterval(() => {
    if (ctx.state === 'closed') return clearInterval(timer)
    levels.push({ atMs: Date.now(), programme: programmeLevel(), master: masterLevel() })
    if (levels.length > MAX_SAMPLES) levels.splice(0, levels.length - MAX_SAMPLES)
  }, SAMPLE_MS)
}

/** `play(session)` while the Phát sóng screen is open; returns the function that removes it. */
export function installPlay(engine: () => Promise<PlayoutEngine>, onError: (error: unknown) => void): () => void {
  if (!isAutomation()) return () => undefined
  const target = automation()
  target.play = (raw) => {
    const session = rundownSessionSchema.parse(raw)
    engine()
      .then((started) => started.play(session))
      .catch(onError)
  }
  return () => {
    delete target.play
  }
}
