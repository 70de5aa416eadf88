import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { editedDuration, toTimeline, type EditOp } from '../../../../src/shared/editor/edit-list'
import { msToSamples, renderArgs } from '../../../../src/shared/editor/render-graph'
import { tempDirs } from '../../helpers/temp-dir'
import { ffmpeg, tone, writeWav } from './native-ffmpeg'

const SOURCE_MS = 3000
const dirs = tempDirs('daixa-render-prop-')
let dir = ''
let input = ''

beforeAll(async () => {
  dir = await dirs.make()
  input = join(dir, 'tone.wav')
  await writeWav(input, 44_100, [tone(SOURCE_MS / 1000, 0.4, 330)])
})
afterAll(() => dirs.cleanup())

const span = fc
  .tuple(fc.integer({ min: 0, max: SOURCE_MS }), fc.integer({ min: 1, max: 1500 }))
  .map(([startMs, length]) => ({ startMs, endMs: startMs + length }))
const op: fc.Arbitrary<EditOp> = fc.oneof(
  span.map((s) => ({ kind: 'delete' as const, ...s })),
  span.map((s) => ({ kind: 'keep' as const, ...s })),
  fc
    .record({ atMs: fc.integer({ min: 0, max: SOURCE_MS }), durationMs: fc.integer({ min: 1, max: 800 }) })
    .map((r) => ({ kind: 'insert-silence' as const, ...r })),
  fc
    .tuple(span, fc.constantFrom('in' as const, 'out' as const))
    .map(([s, direction]) => ({ kind: 'fade' as const, ...s, direction })),
  fc.tuple(span, fc.double({ min: -30, max: 12, noNaN: true })).map(([s, db]) => ({ kind: 'gain' as const, ...s, db })),
)

const samplesOf = async (path: string): Promise<number> => ((await readFile(path)).byteLength - 44) / 2

describe('shared/editor/render-graph (property)', () => {
  it('renders the edited duration, identically twice, when the edit list is random', async () => {
    let run = 0
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), fc.boolean(), async (ops, isDenoised) => {
        const list = { sourceDurationMs: SOURCE_MS, ops }
        const segments = toTimeline(list)
        fc.pre(segments.length > 0)
        run += 1
        const render = async (name: string) => {
          const output = join(dir, `${run}-${name}.wav`)
          await ffmpeg(
            renderArgs({
              input,
              output,
              segments,
              processing: { normalizeGainDb: 3, isDenoised },
              format: { kind: 'wav' },
            }),
          )
          return output
        }
        const [a, b] = [await render('a'), await render('b')]
        const expected = msToSamples(editedDuration(list))
        expect(Math.abs((await samplesOf(a)) - expected)).toBeLessThanOrEqual(segments.length)
        expect(Buffer.compare(await readFile(a), await readFile(b))).toBe(0)
      }),
      { numRuns: 12, seed: 20261123 },
    )
  }, 120_000)
})
