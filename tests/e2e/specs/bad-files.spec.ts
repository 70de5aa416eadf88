/**
 * After a run of bad files, the audio engine still works (seen: from the 15th damaged import on,
 * every import and export failed with "memory access out of bounds" until the page was reloaded).
 * One page: the whole corpus of tests/fixtures/audio/make-corpus.mjs, its five bad files three
 * times over (15 refusals), through the app's own import; then a good file through the drop
 * zone's file chooser as the officer does, and exports of it (normalised, MP3 and WAV) whose
 * loudness native ffmpeg measures on the encoded files.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { expect, test } from '../fixtures'
import { ImportScreen } from '../pages/ImportScreen'
import { LibraryScreen } from '../pages/LibraryScreen'
import { lufsOf } from '../support/loudness'
import { vi } from '../support/strings'
import { makeCorpus, SPEECH_LIKE } from '../../fixtures/audio/make-corpus.mjs'
// The type of window.daixaAudio (the page's automation hook).
import type {} from '../../../src/renderer/audio/ffmpeg/automation'

let work = ''
test.beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'daixa-bad-files-e2e-'))
})
test.afterEach(() => rmSync(work, { recursive: true, force: true }))

interface Outcome {
  name: string
  /** 'ok' or the decode failure reason the app gave. */
  result: string
  durationMs: number
}

test('imports the whole bad-file corpus, then good files import and export fine in the same page', async ({
  station,
}, testInfo) => {
  test.setTimeout(240_000)
  const corpus = makeCorpus(join(work, 'corpus'))
  const bad = corpus.filter((c) => c.expect !== 'ok')
  // The corpus once, then its bad files twice more: 15 refusals in a row in one page.
  const run = [...corpus, ...bad, ...bad].map((c) => ({
    name: c.name,
    base64: readFileSync(c.path).toString('base64'),
  }))
  const importer = new ImportScreen(station.page, vi)
  await importer.openWithAutomation(station.page.url())

  const outcomes = await station.page.evaluate(async (files): Promise<Outcome[]> => {
    const audio = window.daixaAudio
    if (!audio) throw new Error('automation hook missing')
    const out: Outcome[] = []
    for (const f of files) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))
      try {
        const a = await audio.importFile(new File([bytes], f.name))
        out.push({ name: f.name, result: 'ok', durationMs: a.durationMs })
      } catch (error) {
        out.push({
          name: f.name,
          result: error instanceof audio.DecodeError ? error.reason : String(error),
          durationMs: 0,
        })
      }
    }
    return out
  }, run)

  const expected = [...corpus, ...bad, ...bad]
  expect(outcomes.map((o) => [o.name, o.result])).toEqual(expected.map((c) => [c.name, c.expect]))
  for (const [i, o] of outcomes.entries()) {
    const seconds = expected[i]?.seconds
    if (seconds !== undefined) expect(Math.abs(o.durationMs - seconds * 1000)).toBeLessThan(60)
  }
  const stats = await station.page.evaluate(() => window.daixaAudio?.engineStats())
  testInfo.annotations.push({ type: 'engine', description: JSON.stringify(stats) })
  // Every refusal threw its instance away: the 15 bad files never shared a core.
  expect(stats?.resets).toBeGreaterThanOrEqual(bad.length * 3)

  // A good file through the drop zone's file chooser, as the officer does.
  const source = join(work, 'Thông báo sau lỗi.wav')
  execFileSync('/usr/bin/ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-t', '6', '-i', SPEECH_LIKE],
    ...['-af', 'volume=-10dB', '-ac', '2', '-ar', '48000', source],
  ])
  await importer.importFile(source)
  await expect(new LibraryScreen(station.page, vi).row('Thông báo sau lỗi')).toBeVisible({ timeout: 60_000 })
  const hash = await station.page.evaluate(async () => {
    const rows = await new Promise<Array<{ title: string; mediaHash: string }>>((resolve, reject) => {
      const open = indexedDB.open('daixa')
      open.onerror = () => reject(new Error('no database'))
      open.onsuccess = () => {
        const request = open.result.transaction('announcements').objectStore('announcements').getAll()
        request.onsuccess = () => resolve(request.result as Array<{ title: string; mediaHash: string }>)
      }
    })
    return rows.find((r) => r.title === 'Thông báo sau lỗi')?.mediaHash ?? ''
  })
  expect(hash).toMatch(/^[0-9a-f]{64}$/)

  // Normalise and export it, MP3 and WAV, in the same page.
  const exported = await station.page.evaluate(async (sourceHash) => {
    const audio = window.daixaAudio
    if (!audio) throw new Error('automation hook missing')
    const list = {
      sourceHash,
      sourceDurationMs: 6000,
      ops: [{ kind: 'keep' as const, startMs: 300, endMs: 5700 }],
      processing: { normalizeGainDb: 0, isDenoised: false },
      markers: [],
    }
    const n = await audio.normalize(list, { targetLufs: -16, ceilingDbtp: -1 })
    const done = { ...list, processing: n.processing }
    const mp3 = await audio.render(done, { kind: 'mp3', bitrateKbps: 96 }, { title: 'Sau lỗi' })
    const wav = await audio.render(done, { kind: 'wav' })
    return { mp3: Array.from(mp3), wav: Array.from(wav) }
  }, hash)
  const mp3 = join(work, 'export.mp3')
  const wav = join(work, 'export.wav')
  writeFileSync(mp3, Buffer.from(exported.mp3))
  writeFileSync(wav, Buffer.from(exported.wav))
  const figures = { mp3: lufsOf(mp3), wav: lufsOf(wav) }
  testInfo.annotations.push({
    type: 'loudness',
    description: `${basename(mp3)} ${figures.mp3} LUFS, ${figures.wav} LUFS`,
  })
  expect(Math.abs(figures.mp3 - -16)).toBeLessThanOrEqual(0.5)
  expect(Math.abs(figures.wav - -16)).toBeLessThanOrEqual(0.5)
})
