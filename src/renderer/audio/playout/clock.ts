/**
 * Wall clock ↔ AudioContext clock. Sources are started on the context's clock, which runs on the
 * audio device and is never throttled, even with the window hidden; the rundown is in epoch ms.
 * `AudioContext.getOutputTimestamp()` pairs a context time with the `performance.now()` at which
 * that sample leaves the output (so output latency is accounted for); `performance.timeOrigin`
 * turns that into epoch ms. Before the context runs it answers zeros, and then the context's
 * currentTime paired with performance.now() is the best there is.
 * Reference: https://webaudio.github.io/web-audio-api/#dom-audiocontext-getoutputtimestamp
 */

export interface ClockSample {
  /** AudioContext seconds */
  contextTime: number
  /** epoch ms at which contextTime is heard */
  epochMs: number
}

export interface OutputTimestampSource {
  readonly currentTime: number
  getOutputTimestamp?: () => AudioTimestamp
}

/** One pairing of the two clocks, read now. */
export function readClock(ctx: OutputTimestampSource, perf: Pick<Performance, 'now' | 'timeOrigin'>): ClockSample {
  const stamp = ctx.getOutputTimestamp?.()
  if (stamp && stamp.contextTime !== undefined && stamp.performanceTime !== undefined && stamp.performanceTime > 0) {
    return { contextTime: stamp.contextTime, epochMs: perf.timeOrigin + stamp.performanceTime }
  }
  return { contextTime: ctx.currentTime, epochMs: perf.timeOrigin + perf.now() }
}

/** The context time at which an epoch instant is heard. */
export const contextTimeOf = (sample: ClockSample, epochMs: number): number =>
  sample.contextTime + (epochMs - sample.epochMs) / 1000

/** The epoch instant at which a context time is heard. */
export const epochOf = (sample: ClockSample, contextTime: number): number =>
  sample.epochMs + (contextTime - sample.contextTime) * 1000

/**
 * Output silence: true once the level has stayed below `thresholdRms` for longer than `limitMs`
 * while something should be audible. Fed one level reading at a time (AnalyserNode, ~4 per s).
 */
export interface SilenceTracker {
  feed(rms: number, atMs: number, isExpectingSound: boolean): boolean
  reset(): void
}

export function createSilenceTracker(limitMs: number, thresholdRms = 0.001): SilenceTracker {
  let quietSinceMs: number | null = null
  return {
    feed(rms, atMs, isExpectingSound) {
      if (!isExpectingSound || rms >= thresholdRms) {
        quietSinceMs = null
        return false
      }
      quietSinceMs ??= atMs
      return atMs - quietSinceMs > limitMs
    },
    reset() {
      quietSinceMs = null
    },
  }
}
