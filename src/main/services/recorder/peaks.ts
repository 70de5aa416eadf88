/**
 * Waveform peaks: the largest absolute sample of each block, 0..1, computed once while
 * recording or importing and stored beside the audio so long files open instantly.
 * Fifty peaks a second is enough for the editor's widest zoom-out and small on disk
 * (90 minutes ≈ 270,000 values).
 */
import type { Peaks } from '../../../shared/ipc/media'

export const PEAKS_PER_SECOND = 50

export interface PeakBuilder {
  /** Feeds 16-bit little-endian mono samples; chunks may split anywhere on a sample boundary. */
  push(pcm: Uint8Array): void
  /** The peaks so far, including a final partial block. */
  result(): Peaks
  readonly sampleCount: number
}

export function samplesPerPeakFor(sampleRate: number): number {
  return Math.max(1, Math.round(sampleRate / PEAKS_PER_SECOND))
}

const round3 = (v: number): number => Math.round(v * 1000) / 1000

export function createPeakBuilder(sampleRate: number): PeakBuilder {
  const samplesPerPeak = samplesPerPeakFor(sampleRate)
  const peaks: number[] = []
  let blockMax = 0
  let inBlock = 0
  let sampleCount = 0
  return {
    push(pcm) {
      const view = new DataView(pcm.buffer, pcm.byteOffset, pcm.byteLength)
      const n = pcm.byteLength >> 1
      for (let i = 0; i < n; i++) {
        const v = Math.abs(view.getInt16(i * 2, true)) / 32768
        if (v > blockMax) blockMax = v
        if (++inBlock === samplesPerPeak) {
          peaks.push(round3(blockMax))
          blockMax = 0
          inBlock = 0
        }
      }
      sampleCount += n
    },
    result() {
      const all = inBlock > 0 ? [...peaks, round3(blockMax)] : peaks.slice()
      return { version: 1, sampleRate, samplesPerPeak, peaks: all }
    },
    get sampleCount() {
      return sampleCount
    },
  }
}
