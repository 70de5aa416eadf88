/**
 * The non-destructive edit list of an announcement: the original recording is never altered;
 * what the officer did is a list of operations applied, in order, when the audio is rendered.
 *
 * Every position in an operation is in milliseconds of the timeline *as it was when the
 * operation was made* (what the officer saw on the waveform), so the list replays exactly.
 * Example: a 60 s take, cut the cough at the start, then fade in the new start:
 *   [{kind:'delete',startMs:0,endMs:1200}, {kind:'fade',startMs:0,endMs:500,direction:'in'}]
 * renders 58.8 s whose first half second rises from silence.
 *
 * `toTimeline` turns the list into segments of source audio or silence, each with gain ramps in
 * its own time, which the renderer (an ffmpeg filter graph, src/shared/editor/render-graph) plays.
 */
import { z } from 'zod'
import { mediaHashSchema } from '../ids'

/** Longest take the editor accepts: 4 hours. */
export const MAX_EDIT_MS = 4 * 3600_000
const position = z.number().int().min(0).max(MAX_EDIT_MS)
const span = { startMs: position, endMs: position }
const spanRefine = (op: { startMs: number; endMs: number }) => op.endMs > op.startMs

export const editOpSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('delete'), ...span }).refine(spanRefine, 'endMs must be after startMs'),
  /** Trim: keep only this span. */
  z.object({ kind: z.literal('keep'), ...span }).refine(spanRefine, 'endMs must be after startMs'),
  z.object({ kind: z.literal('insert-silence'), atMs: position, durationMs: position.min(1) }),
  z
    .object({ kind: z.literal('fade'), ...span, direction: z.enum(['in', 'out']) })
    .refine(spanRefine, 'endMs must be after startMs'),
  z
    .object({ kind: z.literal('gain'), ...span, db: z.number().min(-60).max(24) })
    .refine(spanRefine, 'endMs must be after startMs'),
])
export type EditOp = z.infer<typeof editOpSchema>

/** Whole-take processing applied after the edits: loudness gain and noise reduction. */
export const processingSchema = z.object({
  /** Gain that brings the edited take to the station's target loudness (from a measurement); 0 = none. */
  normalizeGainDb: z.number().min(-60).max(60),
  isDenoised: z.boolean(),
  /** The station's target when the gain was computed (LUFS integrated); absent = never normalised. */
  targetLufs: z.number().min(-40).max(-5).optional(),
  /** Peaks are limited to this ceiling (dBTP) whenever a normalisation gain applies. */
  ceilingDbtp: z.number().min(-12).max(0).optional(),
})
export type Processing = z.infer<typeof processingSchema>

export const markerSchema = z.object({
  id: z.string().min(1).max(100),
  atMs: position,
  label: z.string().max(100),
})
export type Marker = z.infer<typeof markerSchema>

export const editListSchema = z.object({
  /** The original media the edits apply to. */
  sourceHash: mediaHashSchema,
  sourceDurationMs: position,
  ops: z.array(editOpSchema).max(2000),
  processing: processingSchema,
  markers: z.array(markerSchema).max(500),
})
export type EditList = z.infer<typeof editListSchema>

export const emptyEditList = (sourceHash: string, sourceDurationMs: number): EditList => ({
  sourceHash,
  sourceDurationMs: Math.round(sourceDurationMs),
  ops: [],
  processing: { normalizeGainDb: 0, isDenoised: false },
  markers: [],
})

/** A linear amplitude ramp over a segment's own time: gain goes from `from` to `to`. */
export interface GainRamp {
  startMs: number
  endMs: number
  from: number
  to: number
}

export type Segment =
  | { kind: 'source'; fromMs: number; toMs: number; ramps: GainRamp[] }
  | { kind: 'silence'; durationMs: number; ramps: GainRamp[] }

export const segmentDuration = (s: Segment): number => (s.kind === 'source' ? s.toMs - s.fromMs : s.durationMs)
export const timelineDuration = (segments: readonly Segment[]): number =>
  segments.reduce((sum, s) => sum + segmentDuration(s), 0)

const clampRamp = (r: GainRamp, a: number, b: number): GainRamp | null => {
  const start = Math.max(r.startMs, a)
  const end = Math.min(r.endMs, b)
  if (end <= start) return null
  const at = (t: number) => r.from + ((r.to - r.from) * (t - r.startMs)) / (r.endMs - r.startMs)
  return { startMs: start - a, endMs: end - a, from: at(start), to: at(end) }
}

/** The part [a, b) of a segment (segment-local ms), with its ramps cut to fit. */
function slice(s: Segment, a: number, b: number): Segment {
  const ramps = s.ramps.flatMap((r) => clampRamp(r, a, b) ?? [])
  return s.kind === 'source'
    ? { kind: 'source', fromMs: s.fromMs + a, toMs: s.fromMs + b, ramps }
    : { kind: 'silence', durationMs: b - a, ramps }
}

/** Splits the timeline at `atMs` so a segment boundary lies there; returns the index of the first segment after it. */
function splitAt(segments: Segment[], atMs: number): number {
  let offset = 0
  for (let i = 0; i < segments.length; i += 1) {
    const s = segments[i] as Segment
    const d = segmentDuration(s)
    if (atMs <= offset) return i
    if (atMs < offset + d) {
      segments.splice(i, 1, slice(s, 0, atMs - offset), slice(s, atMs - offset, d))
      return i + 1
    }
    offset += d
  }
  return segments.length
}

/** Indexes [first, last) of the segments covering [startMs, endMs), after splitting at both ends. */
function cover(segments: Segment[], startMs: number, endMs: number): [number, number] {
  const first = splitAt(segments, startMs)
  const last = splitAt(segments, endMs)
  return [first, last]
}

function addRamp(segments: Segment[], startMs: number, endMs: number, gainAt: (t: number) => number): void {
  const [first, last] = cover(segments, startMs, endMs)
  let offset = timelineDuration(segments.slice(0, first))
  for (let i = first; i < last; i += 1) {
    const s = segments[i] as Segment
    const d = segmentDuration(s)
    s.ramps.push({ startMs: 0, endMs: d, from: gainAt(offset), to: gainAt(offset + d) })
    offset += d
  }
}

function applyOp(segments: Segment[], op: EditOp): void {
  const total = timelineDuration(segments)
  const clamp = (t: number) => Math.min(Math.max(t, 0), total)
  switch (op.kind) {
    case 'delete': {
      const [first, last] = cover(segments, clamp(op.startMs), clamp(op.endMs))
      segments.splice(first, last - first)
      return
    }
    case 'keep': {
      const [first, last] = cover(segments, clamp(op.startMs), clamp(op.endMs))
      segments.splice(last)
      segments.splice(0, first)
      return
    }
    case 'insert-silence': {
      const at = splitAt(segments, clamp(op.atMs))
      segments.splice(at, 0, { kind: 'silence', durationMs: op.durationMs, ramps: [] })
      return
    }
    case 'fade': {
      const a = clamp(op.startMs)
      const b = clamp(op.endMs)
      if (b <= a) return
      const rising = op.direction === 'in'
      addRamp(segments, a, b, (t) => (rising ? (t - a) / (b - a) : (b - t) / (b - a)))
      return
    }
    case 'gain': {
      const g = 10 ** (op.db / 20)
      addRamp(segments, clamp(op.startMs), clamp(op.endMs), () => g)
      return
    }
  }
}

/** Replays the edit list over the source: the segments the renderer plays, in order. */
export function toTimeline(list: Pick<EditList, 'sourceDurationMs' | 'ops'>): Segment[] {
  const segments: Segment[] = [{ kind: 'source', fromMs: 0, toMs: list.sourceDurationMs, ramps: [] }]
  for (const op of list.ops) applyOp(segments, op)
  return segments.filter((s) => segmentDuration(s) > 0)
}

/** Duration of the rendered take in ms. */
export const editedDuration = (list: Pick<EditList, 'sourceDurationMs' | 'ops'>): number =>
  timelineDuration(toTimeline(list))
