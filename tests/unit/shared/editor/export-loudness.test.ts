/**
 * Exports land on the station's loudness, measured on the ENCODED file: the app's own procedures
 * (render-jobs.ts, bulletin-render.ts: normalise → render the rendition → encode each format with
 * its own correction) run here on native ffmpeg with the same arguments, over a varied set —
 * peaky speech, a quiet tone, a loud tone, a clipped source, and a bulletin joining a clipped file,
 * a speech take and a quiet notice. Each encoded file is measured again by an independent ebur128
 * run (not the procedure's own reading) and must be within ±0.5 LU of −16 LUFS; the procedure's
 * own reading must be within its ±0.3 LU tolerance.
 */
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SPEECH_LIKE } from '../../../fixtures/audio/make-corpus.mjs'
import type { BulletinPart } from '../../../../src/shared/editor/bulletin'
import { renderBulletinMaster } from '../../../../src/shared/editor/bulletin-render'
import { editedDuration, emptyEditList, type EditList } from '../../../../src/shared/editor/edit-list'
import { encodeExport, normalizeList, renderListWav } from '../../../../src/shared/editor/render-jobs'
import { nativeRunner, type NativeRunner } from '../../helpers/native-runner'
import { tempDirs } from '../../helpers/temp-dir'

const run = promisify(execFile)
const dirs = tempDirs('daixa-loudness-')
const TARGET = { targetLufs: -16, ceilingDbtp: -1 }
const HASH = 'c'.repeat(64)
let dir = ''
let runner: NativeRunner

/** A mono 44.1 kHz 16-bit WAV from a lavfi source and filters (the store's format). */
async function source(name: string, lavfi: string, seconds: number, filters = 'anull'): Promise<string> {
  await run('/usr/bin/ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-t', String(seconds), '-i', lavfi],
    ...['-af', filters, '-ac', '1', '-ar', '44100', '-c:a', 'pcm_s16le', '-bitexact', join(dir, name)],
  ])
  return name
}

/** Integrated loudness and true peak of a file, by a separate ebur128 run. */
async function loudnessOf(name: string): Promise<{ lufs: number; peak: number }> {
  const { stderr } = await run('/usr/bin/ffmpeg', [
    ...['-hide_banner', '-nostdin', '-i', join(dir, name)],
    ...['-af', 'ebur128=peak=true', '-f', 'null', '-'],
  ])
  const summary = stderr.slice(stderr.lastIndexOf('Summary:'))
  return {
    lufs: Number(/I:\s+(-?[\d.]+) LUFS/.exec(summary)?.[1]),
    peak: Number(/Peak:\s+(-?[\d.]+) dBFS/.exec(summary)?.[1]),
  }
}

const trimmed = (seconds: number): EditList => ({
  ...emptyEditList(HASH, seconds * 1000),
  ops: [
    { kind: 'keep', startMs: 200, endMs: seconds * 1000 - 300 },
    { kind: 'fade', startMs: 0, endMs: 400, direction: 'in' },
  ],
})

/** Normalise, render the rendition, export MP3 and WAV; answers the measured exports. */
async function exportsOf(input: string, seconds: number, label: string) {
  const list = trimmed(seconds)
  const normalized = await normalizeList({ runner, input, list }, TARGET)
  const rendition = `${label}-rendition.wav`
  const job = { runner, input, list: { ...list, processing: normalized.processing } }
  const master = await renderListWav(job, rendition)
  const durationMs = editedDuration(list)
  const mp3 = `${label}.mp3`
  const wav = `${label}.wav`
  const common = { runner, input: rendition, target: TARGET, durationMs }
  const mp3Loop = await encodeExport({ ...common, output: mp3, format: { kind: 'mp3', bitrateKbps: 96 } })
  const wavLoop = await encodeExport({ ...common, output: wav, format: { kind: 'wav' } })
  return { master, mp3Loop, wavLoop, mp3: await loudnessOf(mp3), wav: await loudnessOf(wav) }
}

const within = (lufs: number, tolerance: number) =>
  expect(Math.abs(lufs - TARGET.targetLufs)).toBeLessThanOrEqual(tolerance)

beforeAll(async () => {
  dir = await dirs.make()
  runner = nativeRunner(dir)
}, 30_000)
afterAll(() => dirs.cleanup())

describe('exports measured on the encoded file', () => {
  const cases: Array<{ label: string; lavfi: string; filters?: string }> = [
    // Quiet speech with loud 4 ms bursts every 0.7 s: a high crest factor, the limiter works hard.
    {
      label: 'peaky-speech',
      lavfi: SPEECH_LIKE,
      filters: "volume=-14dB,aeval='val(0)+0.95*sin(2*PI*2500*t)*lt(mod(t,0.7),0.004)':c=same",
    },
    { label: 'quiet-tone', lavfi: 'sine=f=440:r=44100', filters: 'volume=-34dB' },
    { label: 'loud-tone', lavfi: 'sine=f=1000:r=44100', filters: 'volume=-1dB' },
    // Speech pushed 30 dB into the 16-bit ceiling: hard-clipped, about −1 LUFS.
    { label: 'clipped', lavfi: SPEECH_LIKE, filters: 'volume=30dB' },
  ]
  for (const c of cases) {
    it(`lands ${c.label} on −16 LUFS (±0.5) in MP3 and in WAV, each with its own correction`, async () => {
      const input = await source(`${c.label}-src.wav`, c.lavfi, 8, c.filters)
      const got = await exportsOf(input, 8, c.label)
      within(got.mp3.lufs, 0.5)
      within(got.wav.lufs, 0.5)
      // The procedure's own readings, on the files it wrote.
      within(got.master?.measurement.integratedLufs ?? NaN, 0.3)
      within(got.mp3Loop?.measurement.integratedLufs ?? NaN, 0.3)
      within(got.wavLoop?.measurement.integratedLufs ?? NaN, 0.3)
      expect(got.wav.peak).toBeLessThanOrEqual(-0.9)
      console.info(
        `${c.label}: rendition ${got.master?.measurement.integratedLufs} LUFS in ${got.master?.passes} pass(es); ` +
          `MP3 ${got.mp3.lufs} LUFS / ${got.mp3.peak} dBTP (gain ${got.mp3Loop?.gainDb} dB, ${got.mp3Loop?.passes}); ` +
          `WAV ${got.wav.lufs} LUFS / ${got.wav.peak} dBTP (gain ${got.wavLoop?.gainDb} dB, ${got.wavLoop?.passes})`,
      )
    }, 120_000)
  }

  it('normalises a bulletin of a clipped file, a speech take and a quiet notice as a whole', async () => {
    const clipped = await source('b-clipped.wav', SPEECH_LIKE, 5, 'volume=30dB')
    const speech = await source('b-speech.wav', SPEECH_LIKE, 6, 'volume=-6dB')
    const notice = await source('b-notice.wav', SPEECH_LIKE, 5, 'volume=-16dB')
    const part = (id: string, durationMs: number, joint: BulletinPart['joint']): BulletinPart => ({
      ...{ id, kind: 'announcement', source: { type: 'jingle', name: id }, title: id, mediaHash: HASH },
      ...{ durationMs, joint },
    })
    const parts = [
      part('a', 5000, { kind: 'gap', ms: 0 }),
      part('b', 6000, { kind: 'gap', ms: 500 }),
      part('c', 5000, { kind: 'crossfade', ms: 800 }),
    ]
    const master = await renderBulletinMaster({
      runner,
      inputs: [clipped, speech, notice],
      parts,
      output: 'bulletin.wav',
      target: TARGET,
    })
    within(master.measurement.integratedLufs, 0.3)
    const durationMs = 5000 + 500 + 6000 - 800 + 5000
    const common = { runner, input: 'bulletin.wav', target: TARGET, durationMs }
    await encodeExport({ ...common, output: 'bulletin-out.mp3', format: { kind: 'mp3', bitrateKbps: 96 } })
    await encodeExport({ ...common, output: 'bulletin-out.wav', format: { kind: 'wav' } })
    const mp3 = await loudnessOf('bulletin-out.mp3')
    const wav = await loudnessOf('bulletin-out.wav')
    within(mp3.lufs, 0.5)
    within(wav.lufs, 0.5)
    expect(wav.peak).toBeLessThanOrEqual(-0.9)
    console.info(`bulletin: MP3 ${mp3.lufs} LUFS / ${mp3.peak} dBTP; WAV ${wav.lufs} LUFS / ${wav.peak} dBTP`)
  }, 120_000)
})
