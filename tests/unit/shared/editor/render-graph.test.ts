import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { editedDuration, emptyEditList, toTimeline, type EditOp } from '../../../../src/shared/editor/edit-list'
import {
  gainFilters,
  measureArgs,
  msToSamples,
  num,
  renderArgs,
  timelineGraph,
} from '../../../../src/shared/editor/render-graph'
import { ffprobe } from '../../helpers/ffprobe'
import { tempDirs } from '../../helpers/temp-dir'
import { db, ffmpeg, readWavSamples, rms, tone, writeWav } from './native-ffmpeg'

const dirs = tempDirs('daixa-render-')
let dir = ''
let input = ''
const SR = 44_100
const plain = { normalizeGainDb: 0, isDenoised: false }

async function renderWav(ops: EditOp[], name: string, sourceDurationMs = 10_000): Promise<Float32Array> {
  const output = join(dir, `${name}.wav`)
  const args = renderArgs({
    input,
    output,
    segments: toTimeline({ sourceDurationMs, ops }),
    processing: plain,
    format: { kind: 'wav' },
  })
  await ffmpeg(args)
  return readWavSamples(output)
}

beforeAll(async () => {
  dir = await dirs.make()
  input = join(dir, 'tone.wav')
  // 10 s of 440 Hz at half scale.
  await writeWav(input, SR, [tone(10, 0.5)])
})
afterAll(() => dirs.cleanup())

describe('shared/editor/render-graph', () => {
  it('writes numbers as plain decimals when they are tiny or negative', () => {
    expect(num(0.5)).toBe('0.5')
    expect(num(1e-7)).toBe('0')
    expect(num(-2.25)).toBe('-2.25')
    expect(num(3)).toBe('3')
  })

  it('uses volume for a constant gain and aeval for a ramp when a segment has ramps', () => {
    expect(gainFilters([], 1000)).toBe('')
    expect(gainFilters([{ startMs: 0, endMs: 1000, from: 0.5, to: 0.5 }], 1000)).toBe(',volume=0.5')
    expect(gainFilters([{ startMs: 0, endMs: 1000, from: 0, to: 1 }], 1000)).toContain('aeval=')
  })

  it('refuses to build a graph when the edit list leaves nothing', () => {
    expect(() => timelineGraph([])).toThrow(/nothing to render/)
  })

  it('renders exactly the edited duration when cuts, a trim and silence are applied', async () => {
    const ops: EditOp[] = [
      { kind: 'delete', startMs: 1000, endMs: 2333 },
      { kind: 'keep', startMs: 101, endMs: 7777 },
      { kind: 'insert-silence', atMs: 3000, durationMs: 1234 },
      { kind: 'delete', startMs: 500, endMs: 501 },
    ]
    const samples = await renderWav(ops, 'cuts')
    const expected = msToSamples(editedDuration({ sourceDurationMs: 10_000, ops }))
    // Within a sample per segment boundary (a few ms would pass the brief; this is far tighter).
    expect(Math.abs(samples.length - expected)).toBeLessThanOrEqual(4)
    const probed = await ffprobe(join(dir, 'cuts.wav'))
    expect(probed.sampleRate).toBe(SR)
    expect(probed.channels).toBe(1)
    // The inserted silence is digital silence.
    const at = msToSamples(3000)
    expect(rms(samples, at + 100, at + msToSamples(1234) - 100)).toBe(0)
    expect(rms(samples, 0, at - 100)).toBeCloseTo(0.5 / Math.SQRT2, 2)
  })

  it('attenuates by the given decibels when a gain op covers a span', async () => {
    const samples = await renderWav([{ kind: 'gain', startMs: 2000, endMs: 6000, db: -6 }], 'gain')
    const before = rms(samples, msToSamples(500), msToSamples(1500))
    const inside = rms(samples, msToSamples(2500), msToSamples(5500))
    const after = rms(samples, msToSamples(6500), msToSamples(9500))
    expect(db(inside / before)).toBeCloseTo(-6, 1)
    expect(db(after / before)).toBeCloseTo(0, 1)
  })

  it('rises linearly from silence when a fade-in is applied, and falls when a fade-out is', async () => {
    const samples = await renderWav(
      [
        { kind: 'fade', startMs: 0, endMs: 2000, direction: 'in' },
        { kind: 'fade', startMs: 8000, endMs: 10_000, direction: 'out' },
      ],
      'fades',
    )
    const full = 0.5 / Math.SQRT2
    // RMS over a window centred at a quarter / three quarters of the fade ≈ that fraction of full.
    expect(rms(samples, msToSamples(400), msToSamples(600)) / full).toBeCloseTo(0.25, 1)
    expect(rms(samples, msToSamples(1400), msToSamples(1600)) / full).toBeCloseTo(0.75, 1)
    expect(rms(samples, msToSamples(5000), msToSamples(6000)) / full).toBeCloseTo(1, 2)
    expect(rms(samples, msToSamples(9400), msToSamples(9600)) / full).toBeCloseTo(0.25, 1)
    expect(Math.abs(samples[0] ?? 1)).toBeLessThan(0.001)
    expect(rms(samples, samples.length - 20, samples.length)).toBeLessThan(0.005)
  })

  it('writes a mono 44.1 kHz CBR MP3 with ID3v2 tags when MP3 is asked for', async () => {
    const output = join(dir, 'tagged.mp3')
    const list = emptyEditList('a'.repeat(64), 10_000)
    await ffmpeg(
      renderArgs({
        input,
        output,
        segments: toTimeline(list),
        processing: list.processing,
        format: { kind: 'mp3', bitrateKbps: 96 },
        tags: { title: 'Thông báo tiêm chủng', station: 'Đài xã Tân Hòa', date: '2026-11-23', language: 'vie' },
      }),
    )
    const { stdout } = await promisify(execFile)('/usr/bin/ffprobe', [
      ...['-v', 'error', '-show_entries', 'format=bit_rate:format_tags:stream=sample_rate,channels,codec_name'],
      ...['-of', 'json', output],
    ])
    const info = JSON.parse(stdout) as {
      format: { bit_rate: string; tags: Record<string, string> }
      streams: Array<{ sample_rate: string; channels: number; codec_name: string }>
    }
    expect(info.streams[0]).toMatchObject({ sample_rate: '44100', channels: 1, codec_name: 'mp3' })
    expect(info.format.tags).toMatchObject({ title: 'Thông báo tiêm chủng', artist: 'Đài xã Tân Hòa', language: 'vie' })
    expect(info.format.tags.date ?? info.format.tags.TYER ?? '').toContain('2026')
    const header = await readFile(output)
    expect(header.toString('latin1', 0, 3)).toBe('ID3')
    expect(header[3]).toBe(3)
  })

  it('produces identical bytes when the same edit list is rendered twice', async () => {
    const ops: EditOp[] = [
      { kind: 'fade', startMs: 0, endMs: 700, direction: 'in' },
      { kind: 'delete', startMs: 3000, endMs: 4000 },
    ]
    const args = (name: string) =>
      renderArgs({
        input,
        output: join(dir, name),
        segments: toTimeline({ sourceDurationMs: 10_000, ops }),
        processing: { normalizeGainDb: 4, isDenoised: true, ceilingDbtp: -1 },
        format: { kind: 'mp3', bitrateKbps: 64 },
        tags: { title: 'x' },
      })
    await ffmpeg(args('a.mp3'))
    await ffmpeg(args('b.mp3'))
    expect(Buffer.compare(await readFile(join(dir, 'a.mp3')), await readFile(join(dir, 'b.mp3')))).toBe(0)
  })

  it('prints an ebur128 summary and silences when measuring', async () => {
    const log = await ffmpeg(
      measureArgs({
        input,
        segments: toTimeline({
          sourceDurationMs: 10_000,
          ops: [{ kind: 'insert-silence', atMs: 0, durationMs: 2000 }],
        }),
        processing: plain,
        isNormalized: false,
      }),
    )
    expect(log).toContain('Summary:')
    expect(log).toMatch(/silence_start: 0/)
  })
})
