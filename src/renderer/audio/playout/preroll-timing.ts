/**
 * When a session's pre-roll must begin so that its first item starts at its planned instant
 * (pure: plain numbers, no Web Audio). The pre-roll (relays, RF on, DTMF zone codes, RDS PS) takes
 * time: each DTMF code is audio that must be heard to its end, each device step is a round trip
 * to a serial device. Started at the session's start, it pushed the first item late by that much
 * (or made a joined item join further in). Started `estimatePreRollMs` earlier, the programme
 * begins on time; a pre-roll that still runs over pushes it back (timeline.ts), one that finishes
 * early leaves the first item waiting for its planned instant.
 *
 * After an RF on, the first DTMF code waits for the exciter to reach power (its settle time,
 * DEFAULT_RF_SETTLE_MS unless the exciter says otherwise); a code sent `repeat` times lasts that
 * many times, with REPEAT_GAPS pauses between sendings.
 * Example: relay on, RF on, DTMF `*007#1` (300 ms lead-in, 100/100 ms tones), RDS PS, output
 * latency 70 ms: 3 × 400 + 1500 settle + (50 + 300 + 6 × 200 + 70) = 4320 ms, plus a 500 ms
 * margin → the pre-roll of a 05:30:00 session begins at 05:29:55.180.
 */
import { REPEAT_GAPS } from '../../../shared/audio/dtmf'
import { DEFAULT_RF_SETTLE_MS } from '../../../shared/ipc/hardware-config'
import type { DeviceAction, RundownItem } from '../../../shared/onair/rundown'

export interface RollEstimateOptions {
  /** DTMF timing the engine plays codes with */
  dtmf: { leadInMs: number; toneMs: number; pauseMs: number }
  /** allowance for one relay / RF / RDS step over `hardware:act` (a serial round trip) */
  deviceStepMs?: number
  /** the output latency: a DTMF step waits until its last sample has been heard */
  outputLatencyMs?: number
}

/** How long a relay/RF/RDS step is allowed (9600 baud command + reply + the bridge: ~100 ms typical). */
export const DEVICE_STEP_ALLOWANCE_MS = 400
/** How far ahead of the first sample a DTMF code is started (roll-runner `playDtmf`). */
export const DTMF_START_DELAY_MS = 50
/** Slack on top of the estimate: the engine needs a moment between the pre-roll and the first item. */
export const PRE_ROLL_MARGIN_MS = 500

/**
 * The length of a DTMF code as the roll runner plays it: lead-in, then tone + pause per digit
 * (the tail is one pause); sent `repeat` times with REPEAT_GAPS pauses between sendings.
 */
export function dtmfLengthMs(code: string, dtmf: RollEstimateOptions['dtmf'], repeat = 1): number {
  const once = [...code].length * (dtmf.toneMs + dtmf.pauseMs)
  return dtmf.leadInMs + repeat * once + (repeat - 1) * (REPEAT_GAPS - 1) * dtmf.pauseMs
}

export function estimateStepMs(step: DeviceAction, o: RollEstimateOptions): number {
  switch (step.kind) {
    case 'dtmf':
      return DTMF_START_DELAY_MS + dtmfLengthMs(step.code, o.dtmf, step.repeat) + (o.outputLatencyMs ?? 0)
    case 'wait':
      return step.ms
    case 'relay':
    case 'rf':
    case 'rds-ps':
    case 'rds-rt':
      return o.deviceStepMs ?? DEVICE_STEP_ALLOWANCE_MS
  }
}

/** The estimated duration of a list of steps, run one after another (RF settle before a code included). */
export function estimateRollMs(steps: readonly DeviceAction[], o: RollEstimateOptions): number {
  const rfOn = steps.findIndex((s) => s.kind === 'rf' && s.isOn)
  const needsSettle = rfOn >= 0 && steps.slice(rfOn + 1).some((s) => s.kind === 'dtmf')
  return steps.reduce((sum, step) => sum + estimateStepMs(step, o), needsSettle ? DEFAULT_RF_SETTLE_MS : 0)
}

/**
 * The epoch instant at which to begin the pre-roll: the first item's planned start minus the
 * estimate and a margin; never after the session's own start (the session is booked from then).
 * With no items, the session's start.
 */
export function preRollStartMs(
  session: { startMs: number },
  items: readonly Pick<RundownItem, 'plannedStartMs'>[],
  estimateMs: number,
  marginMs = PRE_ROLL_MARGIN_MS,
): number {
  if (items.length === 0) return session.startMs
  const first = Math.min(...items.map((i) => i.plannedStartMs))
  return Math.min(session.startMs, first - estimateMs - marginMs)
}
