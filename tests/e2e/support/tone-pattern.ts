/**
 * A fake microphone that says where it is in time: a tone stepping through 20 pitches, half a
 * second each (400, 450 … 1350 Hz), 10 s long and looped by Chromium. In a recording, every half
 * second must follow the previous one; audio lost or written twice shows as a step skipped, repeated
 * or cut short. Together with the length of the take (which rules out whole 10 s loops missing),
 * this proves a take holds everything the microphone gave.
 */
import { writeFileSync } from 'node:fs'
import { pcm16Wav } from '../../../scripts/lib/wav.mjs'
import { dominantFrequency } from './wav'

export const PATTERN = { stepS: 0.5, steps: 20, baseHz: 400, stepHz: 50 } as const
export function writePatternWav(path: string, sampleRate = 48_000): void {
  const perStep = Math.round(PATTERN.stepS * sampleRate)
  const samples = new Int16Array(perStep * PATTERN.steps)
  let phase = 0
  for (let i = 0; i < samples.length; i++) {
    const hz = PATTERN.baseHz + PATTERN.stepHz * Math.floor(i / perStep)
    phase += (2 * Math.PI * hz) / sampleRate
    samples[i] = Math.round(0.5 * 32767 * Math.sin(phase))
  }
  writeFileSync(path, pcm16Wav(samples, sampleRate))
}

/** The step whose pitch this stretch holds (-1: none, e.g. a stretch across a join). */
function stepOf(samples: Float32Array, sampleRate: number): number {
  const hz = dominantFrequency(samples, sampleRate)
  const step = Math.round((hz - PATTERN.baseHz) / PATTERN.stepHz)
  const isClose = Math.abs(hz - (PATTERN.baseHz + step * PATTERN.stepHz)) < 10
  return step >= 0 && step < PATTERN.steps && isClose ? step : -1
}

const WINDOW_S = 0.025
const HOP_S = 0.005
/** Shorter runs are the joins between steps, not steps. */
const MIN_RUN_S = 0.05
/**
 * How far the joins may move from the grid. The recorder moves audio in 100 ms blocks, so anything
 * it loses or doubles moves them by 100 ms or more; Chromium's fake capture itself may drop a few
 * ms under heavy load (seen: 82 ms on a 2-core machine at load 10), which is not the app's doing.
 */
const TOLERANCE_S = 0.09

interface Run {
  step: number
  /** Where the run's first window starts and its last window ends (s). */
  from: number
  to: number
}

/**
 * The steps heard, as runs of short windows that agree (joins between steps left out). A step
 * interrupted in place (a capture glitch under load: a few ms of silence, the time still there) is
 * one run; audio missing or doubled changes how long the step lasts.
 */
function runsOf(samples: Float32Array, sampleRate: number): Run[] {
  const win = Math.round(WINDOW_S * sampleRate)
  const hop = Math.round(HOP_S * sampleRate)
  const runs: Run[] = []
  for (let at = 0; at + win <= samples.length; at += hop) {
    const step = stepOf(samples.subarray(at, at + win), sampleRate)
    const last = runs[runs.length - 1]
    if (last && last.step === step) last.to = (at + win) / sampleRate
    else runs.push({ step, from: at / sampleRate, to: (at + win) / sampleRate })
  }
  const merged: Run[] = []
  for (const run of runs.filter((r) => r.step >= 0 && r.to - r.from >= MIN_RUN_S)) {
    const last = merged[merged.length - 1]
    if (last && last.step === run.step) last.to = run.to
    else merged.push({ ...run })
  }
  return merged
}

/**
 * Where the pattern breaks in a recording: each step must be followed by the next, and the joins
 * between steps must keep to one half-second grid. Audio missing or doubled moves every join after
 * it off the grid; a capture glitch in place moves at most the one join it touches.
 */
export function patternBreaks(samples: Float32Array, sampleRate: number): string[] {
  const runs = runsOf(samples, sampleRate)
  if (runs.length < 3) return ['the pattern was not heard']
  const breaks: string[] = []
  runs.forEach((run, i) => {
    const next = runs[i + 1]
    if (next && next.step !== (run.step + 1) % PATTERN.steps) {
      breaks.push(`${run.to.toFixed(2)} s: step ${run.step} → ${next.step}`)
    }
  })
  // Join i lies between run i and run i+1, i half-seconds after join 0 when nothing is missing.
  const joins = runs.slice(1).map((run, i) => ((runs[i]?.to ?? run.from) + run.from) / 2)
  const offsets = joins.map((t, i) => t - i * PATTERN.stepS)
  const reference = [...offsets].sort((a, b) => a - b)[Math.floor(offsets.length / 2)] ?? 0
  const isOff = (i: number): boolean => Math.abs((offsets[i] ?? reference) - reference) > TOLERANCE_S
  offsets.forEach((offset, i) => {
    // Off the grid here and at the next join (a shift, not one glitch), and not already reported.
    if (isOff(i) && isOff(i + 1) && !isOff(i - 1)) {
      breaks.push(`${(joins[i] ?? 0).toFixed(2)} s: the audio is ${((offset - reference) * 1000).toFixed(0)} ms off`)
    }
  })
  return breaks
}
