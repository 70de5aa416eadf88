import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { toTimeline, type EditOp, type Processing } from '../../../../src/shared/editor/edit-list'
import {
  correctedGain,
  DEFAULT_LOUDNESS,
  gainToTarget,
  loudnessWarnings,
  parseMeasurement,
  parseSilences,
} from '../../../../src/shared/editor/loudness'
import { fileMeasureArgs, measureArgs, renderArgs } from '../../../../src/shared/editor/render-graph'
import { SPEECH_LIKE } from '../../../fixtures/audio/make-corpus.mjs'
import { tempDirs } from '../../helpers/temp-dir'
import { ffmpeg } from './native-ffmpeg'

const dirs = tempDirs('daixa-loudness-')
let dir = ''
let take = ''
const DURATION_MS = 20_000
// 2 s of silence, speech-like sound, 2.5 s of silence at the end.
const ops: EditOp[] = []

beforeAll(async () => {
  dir = await dirs.make()
  take = join(dir, 'take.wav')
  await ffmpeg([
    ...['-hide_banner', '-y', '-f', 'lavfi', '-t', '15.5', '-i', SPEECH_LIKE],
    ...['-af', 'volume=-14dB,adelay=2000,apad=whole_dur=20', '-ac', '1', '-ar', '44100', '-c:a', 'pcm_s16le', take],
  ])
})
afterAll(() => dirs.cleanup())

const measure = async (processing: Processing, isNormalized: boolean, input = take) =>
  parseMeasurement(
    await ffmpeg(
      measureArgs({ input, segments: toTimeline({ sourceDurationMs: DURATION_MS, ops }), processing, isNormalized }),
    ),
    DURATION_MS,
  )

describe('shared/editor/loudness', () => {
  it('reads the last ebur128 summary and silences when the log has them', () => {
    const log = [
      '[silencedetect @ 0x1] silence_start: 0',
      '[silencedetect @ 0x1] silence_end: 1.5 | silence_duration: 1.5',
      '[silencedetect @ 0x1] silence_start: 8.2',
      '[Parsed_ebur128_1 @ 0x2] Summary:',
      '  Integrated loudness:',
      '    I:         -23.4 LUFS',
      '    Threshold: -33.4 LUFS',
      '  Loudness range:',
      '    LRA:         5.2 LU',
      '  True peak:',
      '    Peak:       -3.1 dBFS',
    ].join('\n')
    expect(parseMeasurement(log, 10_000)).toEqual({
      integratedLufs: -23.4,
      loudnessRangeLu: 5.2,
      truePeakDbtp: -3.1,
      durationMs: 10_000,
      leadingSilenceMs: 1500,
      trailingSilenceMs: 1800,
    })
    expect(parseSilences('silence_end: 3 | silence_duration: 3')).toEqual([])
  })

  it('reports a silent take and no gain when ebur128 measured nothing', () => {
    const m = parseMeasurement('Summary:\n I: -70.0 LUFS\n LRA: 0.0 LU\n Peak: -inf dBFS\n', 5000)
    expect(m.truePeakDbtp).toBe(-200)
    expect(gainToTarget(m, DEFAULT_LOUDNESS)).toBe(0)
    expect(loudnessWarnings(m, DEFAULT_LOUDNESS)).toEqual([{ kind: 'silent' }])
  })

  it('throws when the log has no summary', () => {
    expect(() => parseMeasurement('Error opening input', 1000)).toThrow(/no ebur128 summary/)
  })

  it('warns of a quiet take and long silences with the trims to offer when measured for real', async () => {
    const m = await measure({ normalizeGainDb: 0, isDenoised: false }, false)
    expect(m.integratedLufs).toBeLessThan(-24)
    expect(m.leadingSilenceMs).toBeGreaterThan(1900)
    expect(m.trailingSilenceMs).toBeGreaterThan(2300)
    const kinds = loudnessWarnings(m, DEFAULT_LOUDNESS).map((w) => w.kind)
    expect(kinds).toEqual(['too-quiet', 'silence-start', 'silence-end'])
    const start = loudnessWarnings(m, DEFAULT_LOUDNESS).find((w) => w.kind === 'silence-start')
    expect(start && 'trim' in start ? start.trim : null).toEqual({
      kind: 'delete',
      startMs: 0,
      endMs: m.leadingSilenceMs - 250,
    })
  })

  it('brings the exported MP3 within 0.5 LU of the target with peaks under the ceiling when normalised', async () => {
    const target = DEFAULT_LOUDNESS
    const first = await measure({ normalizeGainDb: 0, isDenoised: false }, false)
    const gain = gainToTarget(first, target)
    const processing: Processing = { normalizeGainDb: gain, isDenoised: false, ceilingDbtp: target.ceilingDbtp }
    // Second pass on the encoded MP3, as the app does: encoding takes a little loudness off.
    const render = (p: Processing, output: string) =>
      ffmpeg(
        renderArgs({
          input: take,
          output,
          segments: toTimeline({ sourceDurationMs: DURATION_MS, ops }),
          processing: p,
          format: { kind: 'mp3', bitrateKbps: 128 },
        }),
      )
    const trial = join(dir, 'trial.mp3')
    await render(processing, trial)
    const second = parseMeasurement(await ffmpeg(fileMeasureArgs(trial)), DURATION_MS)
    const final: Processing = { ...processing, normalizeGainDb: correctedGain(gain, second, target) }
    const mp3 = join(dir, 'normalised.mp3')
    await render(final, mp3)
    const log = await ffmpeg([
      '-hide_banner',
      '-nostdin',
      '-i',
      mp3,
      '-af',
      'ebur128=peak=true:framelog=verbose',
      '-f',
      'null',
      '-',
    ])
    const exported = parseMeasurement(log, DURATION_MS)
    console.log(
      `loudness: take ${first.integratedLufs} LUFS, gain ${gain} → ${final.normalizeGainDb} dB, export ${exported.integratedLufs} LUFS, ${exported.truePeakDbtp} dBTP`,
    )
    expect(Math.abs(exported.integratedLufs - target.targetLufs)).toBeLessThanOrEqual(0.5)
    expect(exported.truePeakDbtp).toBeLessThanOrEqual(target.ceilingDbtp + 0.5)
  })
})
