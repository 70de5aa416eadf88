/**
 * The bulletin graph run by the real ffmpeg on generated tones of different rates and layouts:
 * the rendered length is the model's duration.
 */
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bulletinDuration, type BulletinPart, type Joint } from '../../../../src/shared/editor/bulletin'
import { bulletinGraph, bulletinRenderArgs, samplesOf } from '../../../../src/shared/editor/bulletin-graph'
import { ffprobe } from '../../helpers/ffprobe'
import { tempDirs } from '../../helpers/temp-dir'

const run = promisify(execFile)
const dirs = tempDirs('daixa-bulletin-')
let dir = ''

/** A tone file: `seconds` long at `rate` Hz with `channels`. */
async function tone(name: string, seconds: number, rate: number, channels: number, freq: number): Promise<string> {
  const path = join(dir, name)
  const layout = channels === 1 ? 'mono' : 'stereo'
  await run('/usr/bin/ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi'],
    ...['-i', `sine=frequency=${freq}:sample_rate=${rate}:duration=${seconds}`],
    ...['-af', `aformat=channel_layouts=${layout}`, path],
  ])
  return path
}

const part = (durationMs: number, joint: Joint): Pick<BulletinPart, 'durationMs' | 'joint'> => ({ durationMs, joint })

async function render(inputs: string[], parts: Pick<BulletinPart, 'durationMs' | 'joint'>[], out: string) {
  const format = out.endsWith('.mp3') ? ({ kind: 'mp3', bitrateKbps: 96 } as const) : ({ kind: 'wav' } as const)
  const args = bulletinRenderArgs({ inputs, parts, output: join(dir, out), format, title: 'Bản tin' })
  await run('/usr/bin/ffmpeg', ['-loglevel', 'error', ...args], { timeout: 60_000 })
  return ffprobe(join(dir, out))
}

beforeAll(async () => {
  dir = await dirs.make()
}, 30_000)
afterAll(() => dirs.cleanup())

describe('bulletin-graph', () => {
  it('refuses a bulletin with no parts or a missing input', () => {
    expect(() => bulletinGraph([])).toThrow(/at least one part/)
    expect(() =>
      bulletinRenderArgs({
        inputs: [],
        parts: [part(1000, { kind: 'gap', ms: 0 })],
        output: 'o.wav',
        format: { kind: 'wav' },
      }),
    ).toThrow(/one input per part/)
  })

  it('uses concat for gaps and acrossfade for crossfades', () => {
    const graph = bulletinGraph([
      part(5000, { kind: 'gap', ms: 0 }),
      part(10_000, { kind: 'gap', ms: 500 }),
      part(4000, { kind: 'crossfade', ms: 1000 }),
    ])
    expect(graph).toContain(`atrim=end_sample=${samplesOf(500)}`)
    expect(graph).toContain('[p0][z1][p1]concat=n=3:v=0:a=1[c2]')
    expect(graph).toContain(`[c2][p2]acrossfade=ns=${samplesOf(1000)}`)
    expect(graph.endsWith('[x2]anull[out]')).toBe(true)
  })

  it('renders jingle + two announcements + outro with gaps and crossfades to the summed length (WAV)', async () => {
    const inputs = [
      await tone('intro.wav', 3, 44_100, 2, 660),
      await tone('a1.wav', 6.5, 22_050, 1, 440),
      await tone('a2.wav', 4.25, 48_000, 1, 330),
      await tone('outro.wav', 2.5, 44_100, 1, 880),
    ]
    const parts = [
      part(3000, { kind: 'gap', ms: 0 }),
      part(6500, { kind: 'gap', ms: 700 }),
      part(4250, { kind: 'crossfade', ms: 800 }),
      part(2500, { kind: 'gap', ms: 1000 }),
    ]
    const probe = await render(inputs, parts, 'bulletin.wav')
    const expected = bulletinDuration(parts as BulletinPart[]) / 1000
    expect(probe).toMatchObject({ sampleRate: 44_100, channels: 1, codec: 'pcm_s16le' })
    // WAV: exact to the sample (the brief's bound is 50 ms).
    expect(Math.abs(probe.durationSeconds - expected)).toBeLessThan(0.001)
  }, 60_000)

  it('renders crossfades only, and MP3, to the summed length within 50 ms', async () => {
    const inputs = [await tone('b1.wav', 4, 44_100, 1, 500), await tone('b2.wav', 5, 16_000, 1, 600)]
    const parts = [part(4000, { kind: 'gap', ms: 0 }), part(5000, { kind: 'crossfade', ms: 1500 })]
    const probe = await render(
      [...inputs, inputs[0] as string],
      [...parts, part(4000, { kind: 'crossfade', ms: 500 })],
      'x.mp3',
    )
    const expected = (4000 + 5000 - 1500 + 4000 - 500) / 1000
    expect(probe.codec).toBe('mp3')
    // The container length adds the encoder delay and last-frame padding (< 2 × 26 ms); the
    // decoded audio (gapless, by the LAME tag) is the sum to the sample.
    expect(probe.durationSeconds - expected).toBeGreaterThanOrEqual(0)
    expect(probe.durationSeconds - expected).toBeLessThan(0.053)
    const { stdout } = await run('/usr/bin/ffmpeg', ['-v', 'error', '-i', join(dir, 'x.mp3'), '-f', 's16le', '-'], {
      encoding: 'buffer',
      maxBuffer: 16 * 1024 * 1024,
    })
    expect(Math.abs(stdout.byteLength / 2 / 44_100 - expected)).toBeLessThan(0.001)
  }, 60_000)

  it('pads a part whose file is shorter than its stored duration and cuts one that is longer', async () => {
    const inputs = [await tone('short.wav', 1, 44_100, 1, 500), await tone('long.wav', 3, 44_100, 1, 600)]
    const parts = [part(1500, { kind: 'gap', ms: 0 }), part(2000, { kind: 'gap', ms: 250 })]
    const probe = await render(inputs, parts, 'pad.wav')
    expect(Math.abs(probe.durationSeconds - 3.75)).toBeLessThan(0.001)
  }, 60_000)
})
