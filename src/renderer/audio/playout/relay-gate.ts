/**
 * The gate of a relay source (line-in or stream) as pure numbers: the source runs into a GainNode
 * that is 0 before the item's start, 1 from start to end and 0 after, on the AudioContext clock
 * (so a relay starts and ends to the render quantum, like a decoded item). Short linear ramps at
 * both edges avoid clicks: a live signal cut mid-waveform would click on every receiver.
 * The ramp lies inside the item's slot, so the gate never overlaps the neighbouring items.
 */

export const GATE_RAMP_MS = 10

export type GateEvent = { kind: 'set'; value: number; time: number } | { kind: 'ramp'; value: number; time: number }

/** The automation of the gate for an item heard from `startT` to `endT` (context seconds), applied at `nowT`. */
export function gateEvents(nowT: number, startT: number, endT: number, rampMs = GATE_RAMP_MS): GateEvent[] {
  const from = Math.max(startT, nowT)
  if (endT <= from) return [{ kind: 'set', value: 0, time: nowT }]
  const ramp = Math.min(rampMs / 1000, (endT - from) / 2)
  return [
    { kind: 'set', value: 0, time: nowT },
    { kind: 'set', value: 0, time: from },
    { kind: 'ramp', value: 1, time: from + ramp },
    { kind: 'set', value: 1, time: endT - ramp },
    { kind: 'ramp', value: 0, time: endT },
  ]
}

/** Closing the gate now (an interrupt, a failure): a ramp down from wherever it is. */
export function closeEvents(nowT: number, currentValue: number, rampMs = GATE_RAMP_MS): GateEvent[] {
  return [
    { kind: 'set', value: currentValue, time: nowT },
    { kind: 'ramp', value: 0, time: nowT + rampMs / 1000 },
  ]
}

/** Applies gate events to an AudioParam, replacing what was scheduled from `nowT` on. */
export function applyGate(param: AudioParam, nowT: number, events: readonly GateEvent[]): void {
  param.cancelScheduledValues(nowT)
  for (const e of events) {
    if (e.kind === 'set') param.setValueAtTime(e.value, e.time)
    else param.linearRampToValueAtTime(e.value, e.time)
  }
}
