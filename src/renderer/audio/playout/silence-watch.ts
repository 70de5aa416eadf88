/**
 * Output silence detection: reads the master bus level from an AnalyserNode four times a second
 * and calls `onSilence` once per episode when the output has stayed quiet for longer than
 * `limitMs` while an item should be sounding (a dead file, a muted bus, a broken decoder).
 * A hidden window's timers may slow to once a second; that only delays the alert.
 */
import { createSilenceTracker } from './clock'

export interface SilenceWatchOptions {
  analyser: AnalyserNode
  limitMs: number
  isExpectingSound: () => boolean
  now: () => number
  onSilence: (seconds: number) => void
  thresholdRms?: number
}

export function startSilenceWatch(o: SilenceWatchOptions): () => void {
  const tracker = createSilenceTracker(o.limitMs, o.thresholdRms)
  const samples = new Float32Array(o.analyser.fftSize)
  let quietSince: number | null = null
  let isReported = false
  const timer = setInterval(() => {
    o.analyser.getFloatTimeDomainData(samples)
    let sum = 0
    for (const v of samples) sum += v * v
    const rms = Math.sqrt(sum / samples.length)
    const at = o.now()
    const isSilent = tracker.feed(rms, at, o.isExpectingSound())
    if (!isSilent) {
      quietSince = null
      isReported = false
      return
    }
    quietSince ??= at - o.limitMs
    if (!isReported) {
      isReported = true
      o.onSilence(Math.round((at - quietSince) / 1000))
    }
  }, 250)
  return () => clearInterval(timer)
}
