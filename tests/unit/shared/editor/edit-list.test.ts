import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  editedDuration,
  editListSchema,
  editOpSchema,
  emptyEditList,
  toTimeline,
  type EditOp,
} from '../../../../src/shared/editor/edit-list'

const hash = 'a'.repeat(64)
const run = (ops: EditOp[], sourceDurationMs = 60_000) => toTimeline({ sourceDurationMs, ops })

describe('shared/editor/edit-list', () => {
  it('plays the whole source when there are no edits', () => {
    expect(run([])).toEqual([{ kind: 'source', fromMs: 0, toMs: 60_000, ramps: [] }])
  })

  it('cuts a span and joins what is left when a delete is applied', () => {
    expect(run([{ kind: 'delete', startMs: 10_000, endMs: 12_500 }])).toEqual([
      { kind: 'source', fromMs: 0, toMs: 10_000, ramps: [] },
      { kind: 'source', fromMs: 12_500, toMs: 60_000, ramps: [] },
    ])
  })

  it('reads later positions on the edited timeline when edits follow each other', () => {
    // delete the first second, then the span 0–1 s of what remains = source 1–2 s
    const segments = run([
      { kind: 'delete', startMs: 0, endMs: 1000 },
      { kind: 'delete', startMs: 0, endMs: 1000 },
    ])
    expect(segments).toEqual([{ kind: 'source', fromMs: 2000, toMs: 60_000, ramps: [] }])
  })

  it('keeps only the selection when trimmed', () => {
    expect(run([{ kind: 'keep', startMs: 1500, endMs: 41_500 }])).toEqual([
      { kind: 'source', fromMs: 1500, toMs: 41_500, ramps: [] },
    ])
  })

  it('inserts silence at a point, shifting what follows', () => {
    const segments = run([{ kind: 'insert-silence', atMs: 30_000, durationMs: 2000 }])
    expect(segments.map((s) => s.kind)).toEqual(['source', 'silence', 'source'])
    expect(
      editedDuration({ sourceDurationMs: 60_000, ops: [{ kind: 'insert-silence', atMs: 30_000, durationMs: 2000 }] }),
    ).toBe(62_000)
  })

  it('adds a rising ramp when faded in, and cuts the ramp when part of the fade is later deleted', () => {
    const faded = run([{ kind: 'fade', startMs: 0, endMs: 1000, direction: 'in' }])
    expect(faded[0]).toEqual({
      kind: 'source',
      fromMs: 0,
      toMs: 1000,
      ramps: [{ startMs: 0, endMs: 1000, from: 0, to: 1 }],
    })
    const cut = run([
      { kind: 'fade', startMs: 0, endMs: 1000, direction: 'in' },
      { kind: 'delete', startMs: 0, endMs: 500 },
    ])
    expect(cut[0]).toEqual({
      kind: 'source',
      fromMs: 500,
      toMs: 1000,
      ramps: [{ startMs: 0, endMs: 500, from: 0.5, to: 1 }],
    })
  })

  it('applies a fade out across a joint with a continuous ramp', () => {
    const segments = run([
      { kind: 'delete', startMs: 59_000, endMs: 59_500 }, // source 59.0–59.5 gone, length 59.5 s
      { kind: 'fade', startMs: 58_500, endMs: 59_500, direction: 'out' },
    ])
    const tail = segments.slice(-2)
    expect(tail).toEqual([
      { kind: 'source', fromMs: 58_500, toMs: 59_000, ramps: [{ startMs: 0, endMs: 500, from: 1, to: 0.5 }] },
      { kind: 'source', fromMs: 59_500, toMs: 60_000, ramps: [{ startMs: 0, endMs: 500, from: 0.5, to: 0 }] },
    ])
  })

  it('turns a gain in dB into a constant amplitude ramp', () => {
    const [, mid] = run([{ kind: 'gain', startMs: 1000, endMs: 2000, db: -6 }])
    expect(mid?.ramps[0]?.from).toBeCloseTo(0.5012, 4)
    expect(mid?.ramps[0]?.to).toBeCloseTo(0.5012, 4)
  })

  it('clamps spans that run past the end instead of inventing audio', () => {
    expect(editedDuration({ sourceDurationMs: 10_000, ops: [{ kind: 'delete', startMs: 9000, endMs: 20_000 }] })).toBe(
      9000,
    )
  })

  it('refuses an operation whose end is before its start', () => {
    expect(editOpSchema.safeParse({ kind: 'delete', startMs: 5, endMs: 5 }).success).toBe(false)
    expect(editOpSchema.safeParse({ kind: 'gain', startMs: 0, endMs: 5, db: 90 }).success).toBe(false)
  })

  it('accepts a fresh list for a source', () => {
    expect(editListSchema.parse(emptyEditList(hash, 1234.4))).toMatchObject({ sourceDurationMs: 1234, ops: [] })
  })

  it('keeps the duration equal to source minus deleted plus inserted for any sequence of cuts and inserts', () => {
    const op = fc.oneof(
      fc
        .tuple(fc.integer({ min: 0, max: 70_000 }), fc.integer({ min: 1, max: 20_000 }))
        .map(([s, d]): EditOp => ({ kind: 'delete', startMs: s, endMs: s + d })),
      fc
        .tuple(fc.integer({ min: 0, max: 70_000 }), fc.integer({ min: 1, max: 5000 }))
        .map(([at, d]): EditOp => ({ kind: 'insert-silence', atMs: at, durationMs: d })),
    )
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        let expected = 60_000
        for (const o of ops) {
          if (o.kind === 'delete') expected -= Math.max(0, Math.min(o.endMs, expected) - Math.min(o.startMs, expected))
          if (o.kind === 'insert-silence') expected += o.durationMs
        }
        const segments = run(ops)
        expect(editedDuration({ sourceDurationMs: 60_000, ops })).toBe(expected)
        for (const s of segments) if (s.kind === 'source') expect(s.toMs).toBeGreaterThan(s.fromMs)
      }),
      { numRuns: 300 },
    )
  })
})
