// The audio pipeline, ffmpeg.wasm in Chromium (browser host) beside native ffmpeg, on the same
// generated 10-minute speech-like WAV in one run: import (decode → store with peaks), loudness
// measurement, "Chuẩn hóa âm lượng" (three passes), render + MP3 export. Prints seconds and
// realtime factors, and the ratio wasm/native. Prints figures; never fails on time.
//
//   npm run build:web && npm run bench:audio            (BENCH_AUDIO_MINUTES=10 by default)
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { startHost, withParams } from './bench-host.mjs'
import { SPEECH_LIKE } from '../fixtures/audio/make-corpus.mjs'

const MINUTES = Number(process.env.BENCH_AUDIO_MINUTES ?? 10)
const SECONDS = MINUTES * 60
const work = mkdtempSync(join(tmpdir(), 'daixa-audio-bench-'))
const source = join(work, 'speech-like.wav')

const timed = (fn) => {
  const t = performance.now()
  const value = fn()
  return { value, s: (performance.now() - t) / 1000 }
}
const native = (args) =>
  execFileSync('/usr/bin/ffmpeg', ['-loglevel', 'error', ...args], { stdio: ['ignore', 'ignore', 'inherit'] })
/** Runs a command and returns its log (ffmpeg writes the analysis to stderr). */
const nativeLog = (args) => spawnSync('/usr/bin/ffmpeg', args, { encoding: 'utf8', maxBuffer: 1 << 28 }).stderr

/** The wasm side: import through the UI, then the jobs through the automation hook. */
async function wasmRun(url, dataDir) {
  const browser = await chromium.launch({
    executablePath: process.env.DAIXA_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  })
  try {
    const page = await browser.newPage()
    await page.goto(withParams(url, { automation: '1' }))
    await page.getByRole('menuitem', { name: 'Thư viện' }).click()
    const button = page.getByRole('button', { name: 'Nhập tệp', exact: true })
    await button.waitFor()
    const chooser = page.waitForEvent('filechooser')
    await button.click()
    const t0 = performance.now()
    await (await chooser).setFiles(source)
    await page.getByRole('row').filter({ hasText: 'speech-like' }).waitFor({ timeout: 600_000 })
    const importS = (performance.now() - t0) / 1000
    const wav = readdirSync(join(dataDir, 'media')).find((n) => n.endsWith('.wav'))
    const hash = wav.slice(0, 64)
    const result = await page.evaluate(
      async ({ hash, ms }) => {
        const a = globalThis.daixaAudio
        const list = {
          sourceHash: hash,
          sourceDurationMs: ms,
          ops: [
            { kind: 'delete', startMs: 0, endMs: 700 },
            { kind: 'fade', startMs: 0, endMs: 1000, direction: 'in' },
            { kind: 'fade', startMs: ms - 2700, endMs: ms - 700, direction: 'out' },
          ],
          processing: { normalizeGainDb: 0, isDenoised: false },
          markers: [],
        }
        const format = { kind: 'mp3', bitrateKbps: 96 }
        const target = { targetLufs: -16, ceilingDbtp: -1 }
        const at = () => performance.now()
        let t = at()
        const before = await a.measure(list, { isNormalized: false })
        const measureS = (at() - t) / 1000
        t = at()
        const n = await a.normalize(list, target)
        const normalizeS = (at() - t) / 1000
        const done = { ...list, processing: n.processing }
        t = at()
        const mp3 = await a.render(done, format, { title: 'Bench' })
        const renderS = (at() - t) / 1000
        const segments = a.toTimeline(list)
        return {
          measureS,
          normalizeS,
          renderS,
          mp3Bytes: mp3.byteLength,
          before: before.integratedLufs,
          processing: n.processing,
          args: {
            decode: a.decodeArgs('@IN', '@OUT'),
            measure: a.measureArgs({ input: '@SRC', segments, processing: list.processing, isNormalized: false }),
            trial: a.renderArgs({ input: '@SRC', output: '@TRIAL', segments, processing: n.processing, format }),
            fileMeasure: a.fileMeasureArgs('@TRIAL'),
            render: a.renderArgs({
              input: '@SRC',
              output: '@OUT',
              segments,
              processing: n.processing,
              format,
              tags: { title: 'Bench' },
            }),
          },
        }
      },
      { hash, ms: SECONDS * 1000 },
    )
    return { importS, hash, ...result }
  } finally {
    await browser.close()
  }
}

function nativeRun(args, storedWav) {
  const sub = (list, map) => list.map((v) => map[v] ?? v)
  const decoded = join(work, 'native-decoded.wav')
  const trial = join(work, 'native-trial.mp3')
  const out = join(work, 'native-out.mp3')
  const importS = timed(() => native(sub(args.decode, { '@IN': source, '@OUT': decoded }))).s
  const measureS = timed(() => nativeLog(sub(args.measure, { '@SRC': storedWav }))).s
  const normalizeS =
    measureS +
    timed(() => native(sub(args.trial, { '@SRC': storedWav, '@TRIAL': trial }))).s +
    timed(() => nativeLog(sub(args.fileMeasure, { '@TRIAL': trial }))).s
  const renderS = timed(() => native(sub(args.render, { '@SRC': storedWav, '@OUT': out }))).s
  const log = nativeLog([
    '-hide_banner',
    '-nostdin',
    '-i',
    out,
    '-af',
    'ebur128=peak=true:framelog=verbose',
    '-f',
    'null',
    '-',
  ])
  const lufs = /I:\s+(-?[\d.]+) LUFS/.exec(log.slice(log.lastIndexOf('Summary:')))?.[1]
  return { importS, measureS, normalizeS, renderS, exportLufs: lufs, mp3Bytes: statSync(out).size }
}

async function main() {
  native([
    ...['-hide_banner', '-y', '-f', 'lavfi', '-t', String(SECONDS), '-i', SPEECH_LIKE],
    ...['-af', 'volume=-6dB', '-ac', '1', '-ar', '44100', '-c:a', 'pcm_s16le', source],
  ])
  console.log(
    `bench:audio  ${MINUTES}-min speech-like WAV (${(statSync(source).size / 1048576).toFixed(1)} MB), ffmpeg.wasm (single-thread core) in Chromium vs native ffmpeg`,
  )
  const dataDir = join(work, 'data')
  const { host, url } = await startHost(dataDir)
  let wasm
  try {
    wasm = await wasmRun(url, dataDir)
  } finally {
    host.kill()
  }
  const stored = join(dataDir, 'media', `${wasm.hash}.wav`)
  const nat = nativeRun(wasm.args, stored)
  const row = (name, w, n) => {
    const rt = (s) => (SECONDS / s).toFixed(1).padStart(7)
    console.log(
      `${name.padEnd(34)} ${w.toFixed(2).padStart(8)} ${rt(w)}×  ${n.toFixed(2).padStart(8)} ${rt(n)}×  ${(n / w).toFixed(2).padStart(6)}`,
    )
  }
  console.log(
    `${'step'.padEnd(34)} ${'wasm s'.padStart(8)} ${'RT'.padStart(8)}  ${'native s'.padStart(8)} ${'RT'.padStart(8)}  ${'w/n RT'.padStart(6)}`,
  )
  row('import (decode + store + peaks)', wasm.importS, nat.importS)
  row('measure loudness (ebur128)', wasm.measureS, nat.measureS)
  row('normalise (3 passes)', wasm.normalizeS, nat.normalizeS)
  row('render + MP3 96k export', wasm.renderS, nat.renderS)
  row('normalise + export (b)', wasm.normalizeS + wasm.renderS, nat.normalizeS + nat.renderS)
  console.log(
    `take ${wasm.before} LUFS → gain ${wasm.processing.normalizeGainDb} dB; export measured by native ebur128: ${nat.exportLufs} LUFS`,
  )
  console.log(
    `MP3 bytes: wasm ${wasm.mp3Bytes}, native ${nat.mp3Bytes}${wasm.mp3Bytes === nat.mp3Bytes ? ' (same size)' : ''}`,
  )
  console.log('native import is the decode alone (no bridge, no peaks); wasm import includes loading the core.')
}

try {
  await main()
} finally {
  rmSync(work, { recursive: true, force: true })
}
