/**
 * Reading what aired from a capture of the engine's output (output-tap.ts): where a steady tone
 * (the fake microphone's 440 Hz take) starts and stops, and a stretch written as a WAV for native
 * ffmpeg to measure.
 */
import { writeFileSync } from 'node:fs'
import { floatToPcm16, pcm16Wav } from '../../../scripts/lib/wav.mjs'
import type { Capture } from './output-tap'

/** Below this the output is silence (a 16-bit quantisation step is 3e-5). */
const SILENT = 1e-3

/**
 * Where a steady tone of `hz` is heard, from the first sound at or after `fromFrame` (context
 * frames): its start is the first sample above silence (a fade-in from zero crosses it within a
 * few ms), its end the first period that is no longer that sine at its level — the next item
 * begins, or silence. A pure sine obeys x[n+1] + x[n−1] = 2·cos(ω)·x[n]; anything else leaves a
 * residual. Precision: one period (2.3 ms at 440 Hz).
 */
export function toneSpan(capture: Capture, hz: number, fromFrame: number): { startFrame: number; endFrame: number } {
  const x = capture.samples
  const sr = capture.sampleRate
  let i = Math.max(0, fromFrame - capture.firstFrame)
  while (i < x.length && Math.abs(x[i] ?? 0) < SILENT) i++
  if (i >= x.length) throw new Error('aired audio: nothing heard')
  const start = i
  const period = Math.ceil(sr / hz) + 1
  const twoCos = 2 * Math.cos((2 * Math.PI * hz) / sr)
  const peakOf = (from: number): number => {
    let peak = 0
    for (let n = from; n < from + period && n < x.length; n++) peak = Math.max(peak, Math.abs(x[n] ?? 0))
    return peak
  }
  // the tone's level, once any fade-in is over
  const level = peakOf(start + Math.round(sr * 0.9))
  const isTone = (from: number): boolean => {
    let residual = 0
    for (let n = from; n < from + period; n++) {
      residual = Math.max(residual, Math.abs((x[n + 1] ?? 0) + (x[n - 1] ?? 0) - twoCos * (x[n] ?? 0)))
    }
    const peak = peakOf(from)
    return peak >= 0.8 * level && peak <= 1.2 * level && residual <= 0.02 * level
  }
  // the end: the first of ten periods in a row (23 ms at 440 Hz) that are not the tone. Shorter
  // holes are the fake microphone's capture dropping a few ms under load, recorded into the take.
  const HOLD = 10
  let at = start + Math.round(sr * 0.6)
  for (let misses = 0; misses < HOLD && at + period + 1 < x.length; at += period) {
    misses = isTone(at) ? 0 : misses + 1
  }
  at -= HOLD * period
  return { startFrame: capture.firstFrame + start, endFrame: capture.firstFrame + at }
}

/** The frame heard at an epoch instant (the inverse of `capture.heardAt`). */
export function frameAt(capture: Capture, epochMs: number): number {
  const zero = capture.heardAt(0)
  return Math.round(((epochMs - zero) / 1000) * capture.sampleRate)
}

/** Writes frames [fromFrame, toFrame) of the capture as a mono 16-bit WAV. */
export function writeCaptureWav(path: string, capture: Capture, fromFrame: number, toFrame: number): void {
  const from = Math.max(0, fromFrame - capture.firstFrame)
  const to = Math.min(capture.samples.length, toFrame - capture.firstFrame)
  writeFileSync(path, pcm16Wav(floatToPcm16(capture.samples.subarray(from, to)), capture.sampleRate))
}
