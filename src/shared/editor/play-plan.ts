/**
 * The preview's playback plan: the edited timeline from the playhead onwards, cut into chunks of
 * at most `chunkMs`, each either a span of source audio or silence, with its gain ramps in the
 * chunk's own time. The player fetches and schedules one chunk at a time (Web Audio), so a
 * 90-minute take starts playing after one small read, without decoding the whole file.
 */
import { segmentDuration, type GainRamp, type Segment } from './edit-list'

export interface PlayChunk {
  /** Position on the edited timeline where the chunk starts. */
  atMs: number
  durationMs: number
  /** Source span to play, or null for silence. */
  source: { fromMs: number; toMs: number } | null
  ramps: GainRamp[]
}

/** The part [a, b) of a ramp list, shifted to start at a; ramps outside are dropped. */
export function clipRamps(ramps: readonly GainRamp[], a: number, b: number): GainRamp[] {
  return ramps.flatMap((r) => {
    const start = Math.max(r.startMs, a)
    const end = Math.min(r.endMs, b)
    if (end <= start) return []
    const span = r.endMs - r.startMs
    const at = (t: number) => (span <= 0 ? r.to : r.from + ((r.to - r.from) * (t - r.startMs)) / span)
    return [{ startMs: start - a, endMs: end - a, from: at(start), to: at(end) }]
  })
}

export function planPlayback(segments: readonly Segment[], fromMs: number, chunkMs = 10_000): PlayChunk[] {
  const chunks: PlayChunk[] = []
  let segStart = 0
  for (const s of segments) {
    const d = segmentDuration(s)
    let local = Math.max(0, fromMs - segStart)
    while (local < d) {
      const end = Math.min(d, local + chunkMs)
      chunks.push({
        atMs: segStart + local,
        durationMs: end - local,
        source: s.kind === 'source' ? { fromMs: s.fromMs + local, toMs: s.fromMs + end } : null,
        ramps: clipRamps(s.ramps, local, end),
      })
      local = end
    }
    segStart += d
  }
  return chunks
}
