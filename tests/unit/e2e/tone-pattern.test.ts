/** The e2e suite's time-telling microphone: its check must see a lost or doubled block, and only that. */
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { patternBreaks, writePatternWav } from '../../e2e/support/tone-pattern'
import { readWav } from '../../e2e/support/wav'
import { tempDirs } from '../helpers/temp-dir'

const dirs = tempDirs()
afterAll(() => dirs.cleanup())

const RATE = 44_100
/** 24 s of the looped pattern as Chromium plays it, starting 1.37 s into the file. */
async function heard(): Promise<Float32Array> {
  const path = join(await dirs.make(), 'pattern.wav')
  writePatternWav(path, RATE)
  const { samples } = readWav(path)
  const out = new Float32Array(24 * RATE)
  const start = Math.round(1.37 * RATE)
  for (let i = 0; i < out.length; i++) out[i] = samples[(start + i) % samples.length] ?? 0
  return out
}
const cut = (a: Float32Array, atS: number, lengthS: number): Float32Array => {
  const [from, n] = [Math.round(atS * RATE), Math.round(lengthS * RATE)]
  return Float32Array.from([...a.subarray(0, from), ...a.subarray(from + n)])
}
const doubled = (a: Float32Array, atS: number, lengthS: number): Float32Array => {
  const [from, n] = [Math.round(atS * RATE), Math.round(lengthS * RATE)]
  return Float32Array.from([...a.subarray(0, from + n), ...a.subarray(from)])
}

describe('tone-pattern', () => {
  it('finds no break in the looped pattern, nor in one with a 10 ms dropout in place', async () => {
    const clean = await heard()
    expect(patternBreaks(clean, RATE)).toEqual([])
    const glitched = clean.slice()
    glitched.fill(0, Math.round(11.2 * RATE), Math.round(11.21 * RATE))
    expect(patternBreaks(glitched, RATE)).toEqual([])
  })

  it('finds a 100 ms block missing or written twice, wherever it falls', async () => {
    const clean = await heard()
    for (const at of [3.1, 12.25, 20.6]) {
      expect(patternBreaks(cut(clean, at, 0.1), RATE), `cut at ${at} s`).not.toEqual([])
      expect(patternBreaks(doubled(clean, at, 0.1), RATE), `doubled at ${at} s`).not.toEqual([])
    }
    expect(patternBreaks(cut(clean, 8, 2.3), RATE)).not.toEqual([])
  })
})
