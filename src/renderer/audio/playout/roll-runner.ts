/**
 * Runs device steps one after another: relay/RF/RDS through `hardware:act` (the host's drivers),
 * DTMF as audio on the master bus (generated PCM, heard before the programme), waits on the
 * audio clock. A step that fails is recorded and the next one runs: a dead relay must not keep
 * the other zones or the audio off the air.
 * After RF on, a DTMF code waits until the exciter's settle time is over (`settleMs` in the act's
 * answer, 1.5 s by default): receivers must hear the codes at full carrier. A code is sent
 * `repeat` times (the zone's setting).
 */
import { generateDtmfRepeated } from '../../../shared/audio/dtmf'
import type { ActResult, DeviceAct } from '../../../shared/ipc/hardware'
import type { DeviceAction } from '../../../shared/onair/rundown'
import type { ErrorCode } from '../../../shared/result'
import type { PlayLogActionResult } from '../../db/records'
import { readClock } from './clock'
import { untilContextTime } from './ctx-timer'
import { describeStep, type SafeStep } from './roll'

export type ActOutcome = { isOk: true; value: ActResult } | { isOk: false; code: ErrorCode }
export type DeviceActor = (action: DeviceAct) => Promise<ActOutcome>

export interface DtmfTiming {
  /** silence before the first digit so the receivers' squelch opens (default 300 ms) */
  leadInMs: number
  toneMs: number
  pauseMs: number
}

export const DEFAULT_DTMF_TIMING: DtmfTiming = { leadInMs: 300, toneMs: 100, pauseMs: 100 }

/** What the host must know of sessions on air to keep the station safe (`hardware:onair`). */
export interface StationLink {
  begin(sessionId: string, untilMs: number): Promise<void>
  end(sessionId: string, safe: readonly SafeStep[]): Promise<void>
}

export interface RollContext {
  ctx: AudioContext
  /** where DTMF tones go (the master bus, not ducked) */
  output: AudioNode
  act: DeviceActor
  dtmf: DtmfTiming
  now: () => number
  /** told before each step starts (the screen shows it, the e2e tap timestamps against it) */
  onStep?: (step: DeviceAction, phase: PlayLogActionResult['phase']) => void
  /** the host's safety side; absent in tests that only look at steps */
  station?: StationLink
}

/** Plays a DTMF code now on `output`, `repeat` times; resolves when its last sample has been heard. */
export async function playDtmf(rc: RollContext, code: string, repeat = 1): Promise<void> {
  const { ctx } = rc
  const pcm = generateDtmfRepeated(code, repeat, { sampleRate: ctx.sampleRate, ...rc.dtmf })
  const buffer = ctx.createBuffer(1, pcm.length, ctx.sampleRate)
  buffer.getChannelData(0).set(pcm)
  const source = ctx.createBufferSource()
  source.buffer = buffer
  source.connect(rc.output)
  const at = ctx.currentTime + 0.05
  source.start(at)
  // rendered is not yet heard: wait out the output latency too, so the next step (RDS, the
  // programme) comes after the last tone has left the speakers
  const latency = Math.max(0, ctx.currentTime - readClock(ctx, performance).contextTime)
  await untilContextTime(ctx, rc.output, at + buffer.duration + latency)
  source.disconnect()
}

interface StepOutcome {
  isOk: boolean
  detail: string
  /** RF on: the exciter's settle time */
  settleMs?: number
}

async function runStep(rc: RollContext, step: DeviceAction, settleUntil: number): Promise<StepOutcome> {
  switch (step.kind) {
    case 'dtmf':
      if (settleUntil > rc.ctx.currentTime) await untilContextTime(rc.ctx, rc.output, settleUntil)
      await playDtmf(rc, step.code, step.repeat)
      return { isOk: true, detail: '' }
    case 'wait':
      await untilContextTime(rc.ctx, rc.output, rc.ctx.currentTime + step.ms / 1000)
      return { isOk: true, detail: '' }
    case 'relay':
    case 'rf':
    case 'rds-ps':
    case 'rds-rt': {
      const outcome = await rc.act(step)
      if (!outcome.isOk) return { isOk: false, detail: outcome.code }
      const { sentText, settleMs } = outcome.value
      return { isOk: true, detail: sentText ?? '', ...(settleMs !== undefined ? { settleMs } : {}) }
    }
  }
}

export async function runSteps(
  rc: RollContext,
  steps: readonly DeviceAction[],
  phase: PlayLogActionResult['phase'],
): Promise<PlayLogActionResult[]> {
  const results: PlayLogActionResult[] = []
  /** context time until which the carrier is still coming up after an RF on */
  let settleUntil = 0
  for (const step of steps) {
    rc.onStep?.(step, phase)
    const at = new Date(rc.now()).toISOString()
    let outcome: StepOutcome
    try {
      outcome = await runStep(rc, step, settleUntil)
    } catch (error) {
      outcome = { isOk: false, detail: error instanceof Error ? error.message.slice(0, 200) : 'internal' }
    }
    if (outcome.settleMs) settleUntil = rc.ctx.currentTime + outcome.settleMs / 1000
    results.push({ step: describeStep(step), phase, isOk: outcome.isOk, detail: outcome.detail, at })
  }
  return results
}
