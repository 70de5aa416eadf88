/**
 * Runs device steps one after another: relay/RF/RDS through `hardware:act` (the host's drivers),
 * DTMF as audio on the master bus (generated PCM, heard before the programme), waits on the
 * audio clock. A step that fails is recorded and the next one runs: a dead relay must not keep
 * the other zones or the audio off the air.
 */
import { generateDtmf } from '../../../shared/audio/dtmf'
import type { ActResult, DeviceAct } from '../../../shared/ipc/hardware'
import type { DeviceAction } from '../../../shared/onair/rundown'
import type { ErrorCode } from '../../../shared/result'
import type { PlayLogActionResult } from '../../db/records'
import { readClock } from './clock'
import { untilContextTime } from './ctx-timer'
import { describeStep } from './roll'

export type ActOutcome = { isOk: true; value: ActResult } | { isOk: false; code: ErrorCode }
export type DeviceActor = (action: DeviceAct) => Promise<ActOutcome>

export interface DtmfTiming {
  /** silence before the first digit so the receivers' squelch opens (default 300 ms) */
  leadInMs: number
  toneMs: number
  pauseMs: number
}

export const DEFAULT_DTMF_TIMING: DtmfTiming = { leadInMs: 300, toneMs: 100, pauseMs: 100 }

export interface RollContext {
  ctx: AudioContext
  /** where DTMF tones go (the master bus, not ducked) */
  output: AudioNode
  act: DeviceActor
  dtmf: DtmfTiming
  now: () => number
  /** told before each step starts (the screen shows it, the e2e tap timestamps against it) */
  onStep?: (step: DeviceAction, phase: PlayLogActionResult['phase']) => void
}

/** Plays a DTMF code now on `output`; resolves when its last sample has been heard. */
export async function playDtmf(rc: RollContext, code: string): Promise<void> {
  const { ctx } = rc
  const pcm = generateDtmf(code, { sampleRate: ctx.sampleRate, ...rc.dtmf })
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

async function runStep(rc: RollContext, step: DeviceAction): Promise<{ isOk: boolean; detail: string }> {
  switch (step.kind) {
    case 'dtmf':
      await playDtmf(rc, step.code)
      return { isOk: true, detail: '' }
    case 'wait':
      await untilContextTime(rc.ctx, rc.output, rc.ctx.currentTime + step.ms / 1000)
      return { isOk: true, detail: '' }
    case 'relay':
    case 'rf':
    case 'rds-ps':
    case 'rds-rt': {
      const outcome = await rc.act(step)
      return outcome.isOk ? { isOk: true, detail: outcome.value.sentText ?? '' } : { isOk: false, detail: outcome.code }
    }
  }
}

export async function runSteps(
  rc: RollContext,
  steps: readonly DeviceAction[],
  phase: PlayLogActionResult['phase'],
): Promise<PlayLogActionResult[]> {
  const results: PlayLogActionResult[] = []
  for (const step of steps) {
    rc.onStep?.(step, phase)
    const at = new Date(rc.now()).toISOString()
    let outcome: { isOk: boolean; detail: string }
    try {
      outcome = await runStep(rc, step)
    } catch (error) {
      outcome = { isOk: false, detail: error instanceof Error ? error.message.slice(0, 200) : 'internal' }
    }
    results.push({ step: describeStep(step), phase, isOk: outcome.isOk, detail: outcome.detail, at })
  }
  return results
}
