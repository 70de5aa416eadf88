/**
 * Talk-over ducking as pure numbers: when the officer speaks over the programme, the programme
 * bus ramps down to `duckDb` (default −15 dB) and the microphone up; when they stop, both ramp
 * back. Linear gain ramps of `rampMs` (default 300 ms: fast enough not to talk over the first
 * word, slow enough not to click). A ramp that starts mid-way (the officer toggles quickly)
 * starts from the gain the bus has at that moment, so the level never jumps.
 */

export interface DuckOptions {
  duckDb?: number
  rampMs?: number
}

export interface GainRamp {
  /** AudioContext seconds */
  startTime: number
  endTime: number
  from: number
  to: number
}

export const DEFAULT_DUCK_DB = -15
export const DEFAULT_RAMP_MS = 300

export const dbToGain = (db: number): number => 10 ** (db / 20)

/** The gain of a ramp at time t (before: from, after: to, linear in between). */
export function gainAt(ramp: GainRamp, t: number): number {
  if (t <= ramp.startTime) return ramp.from
  if (t >= ramp.endTime) return ramp.to
  return ramp.from + ((ramp.to - ramp.from) * (t - ramp.startTime)) / (ramp.endTime - ramp.startTime)
}

/**
 * The programme bus ramp for talk-over on/off at context time `now`, given the ramp in effect
 * (null: the bus is at full gain). The ramp's length scales with the distance still to go.
 */
export function programmeRamp(
  isTalking: boolean,
  now: number,
  current: GainRamp | null,
  o: DuckOptions = {},
): GainRamp {
  const low = dbToGain(o.duckDb ?? DEFAULT_DUCK_DB)
  const rampS = (o.rampMs ?? DEFAULT_RAMP_MS) / 1000
  const from = current ? gainAt(current, now) : 1
  const to = isTalking ? low : 1
  const share = Math.abs(to - from) / (1 - low)
  return { startTime: now, endTime: now + rampS * Math.min(1, share), from, to }
}

/** The microphone's ramp: the mirror image, 0 → 1 when talking starts. */
export function microphoneRamp(isTalking: boolean, now: number, o: DuckOptions = {}): GainRamp {
  const rampS = (o.rampMs ?? DEFAULT_RAMP_MS) / 1000
  return isTalking
    ? { startTime: now, endTime: now + rampS, from: 0, to: 1 }
    : { startTime: now, endTime: now + rampS, from: 1, to: 0 }
}
