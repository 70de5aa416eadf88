/**
 * On air, live sources end to end (browser host, Chromium with a fake microphone and fake output):
 * - a relay of the line-in (the station's FM receiver; here Chromium's fake capture device,
 *   a steady 440 Hz tone) plays for its slot, on time after a pre-roll begun ahead of it;
 * - a relay of an https stream (served by `page.route`, under the app's real CSP) plays, and a
 *   stream that cannot be opened is logged 'failed' with an alert while the next item plays on time;
 * - talk-over ducks the programme bus by 15 dB and restores it;
 * - "Phát ngay" interrupts the relay on air after the emergency's pre-roll, plays the emergency
 *   and returns to the rest of the session.
 * Sessions are queued through the page's `?automation` hook (the schedule books relays in whole
 * minutes, too long for a test); levels come from its AnalyserNode taps on the engine's buses.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '../fixtures'
import { OnAirScreen, type PlayLogRecord } from '../pages/OnAirScreen'
import { RecordScreen } from '../pages/RecordScreen'
import { vi } from '../support/strings'
import { relayItem as relay, relaySession as sessionOf } from '../support/rundown'
import { writeToneWav } from '../support/wav'

/** The fake microphone plays at about −9 dBFS RMS; a closed gate or silence is far below. */
const SOUNDING = 0.05
const QUIET = 0.002

/** Median programme level over [fromMs, toMs] (page clock). */
function programmeLevel(samples: { atMs: number; programme: number }[], fromMs: number, toMs: number): number {
  const inside = samples.filter((s) => s.atMs >= fromMs && s.atMs <= toMs).map((s) => s.programme)
  if (inside.length < 3) throw new Error(`only ${inside.length} level samples in the window`)
  inside.sort((a, b) => a - b)
  return inside[Math.floor(inside.length / 2)] ?? Number.NaN
}

const ms = (iso: string | null): number => (iso === null ? Number.NaN : Date.parse(iso))
const byTitle = (rows: PlayLogRecord[], title: string): PlayLogRecord => {
  const row = rows.find((r) => r.title === title)
  if (!row) throw new Error(`no log row for ${title}`)
  return row
}

test('relays the line-in for its slot, starting on time after a pre-roll begun ahead', async ({ station }) => {
  const onAir = new OnAirScreen(station.page, vi)
  await onAir.openWithAutomation()
  // the officer picks the FM receiver's input (Chromium's fake inputs all play the fake microphone file)
  const inputs = await onAir.audioInputLabels()
  expect(inputs.length).toBeGreaterThan(0)
  await onAir.chooseLineIn(inputs.at(-1) ?? '')
  const saved = JSON.parse(readFileSync(join(station.dataDir, 'settings.json'), 'utf8')) as { lineInDeviceId?: string }
  expect(saved.lineInDeviceId).toMatch(/.+/)
  const t0 = (await onAir.pageNow()) + 4000
  // a DTMF zone code of ~1 s before the first item: the pre-roll must be over by t0
  await onAir.playSession(
    sessionOf('relay-a', [relay('relay-a:1', 'Tiếp sóng VOV1', t0, 5000)], [{ kind: 'dtmf', code: '*007#1' }]),
  )

  await expect(onAir.logRow('Tiếp sóng VOV1')).toContainText(vi('onair.outcome.played'), { timeout: 20_000 })
  const row = byTitle(await onAir.playLogRecords(), 'Tiếp sóng VOV1')
  expect(row.outcome).toBe('played')
  expect(Math.abs(ms(row.actualStart) - t0)).toBeLessThanOrEqual(5)
  expect(ms(row.actualEnd) - ms(row.actualStart)).toBeGreaterThanOrEqual(4998)
  expect(ms(row.actualEnd) - ms(row.actualStart)).toBeLessThanOrEqual(5002)
  const dtmf = (row.deviceActions ?? []).find((a) => a.step === 'dtmf *007#1')
  expect(dtmf?.isOk).toBe(true)
  expect(ms(dtmf?.at ?? null)).toBeLessThan(t0 - 1500)

  // the programme bus: closed before the slot, the receiver's audio during it, closed after
  const levels = await onAir.levels()
  expect(programmeLevel(levels, t0 - 1500, t0 - 300)).toBeLessThan(QUIET)
  expect(programmeLevel(levels, t0 + 500, t0 + 4500)).toBeGreaterThan(SOUNDING)
  await expect.poll(async () => (await onAir.levels()).at(-1)?.atMs ?? 0).toBeGreaterThan(t0 + 6000)
  expect(programmeLevel(await onAir.levels(), t0 + 5400, t0 + 6000)).toBeLessThan(QUIET)
})

test('relays an https stream; streams that cannot open or that stop are logged failed and the rest plays on time', async ({
  station,
}) => {
  const page = station.page
  // the "station's stream": 12 s of 660 Hz at −9 dBFS, long enough to outlast its 3 s slot
  const wavPath = join(station.dataDir, 'e2e-stream.wav')
  writeToneWav(wavPath, { frequency: 660, seconds: 12, sampleRate: 44_100, amplitude: 0.5 })
  // a stream that stops: 3 s of tone, started 2 s ahead of its 3 s slot, so it ends 1 s into it
  const shortPath = join(station.dataDir, 'e2e-short.wav')
  writeToneWav(shortPath, { frequency: 660, seconds: 3, sampleRate: 44_100, amplitude: 0.5 })
  const bodies: Record<string, Buffer> = { 'vov1.wav': readFileSync(wavPath), 'short.wav': readFileSync(shortPath) }
  await page.route('https://stream.daixa.test/**', (route) => {
    const body = bodies[route.request().url().split('/').at(-1) ?? '']
    return body
      ? route.fulfill({
          status: 200,
          body,
          headers: { 'content-type': 'audio/wav', 'access-control-allow-origin': '*' },
        })
      : route.fulfill({ status: 404, body: 'no such stream' })
  })
  const onAir = new OnAirScreen(page, vi)
  await onAir.openWithAutomation()
  const t0 = (await onAir.pageNow()) + 4000
  await onAir.playSession(
    sessionOf('relay-s', [
      relay('relay-s:1', 'Luồng hỏng', t0, 2000, 'https://stream.daixa.test/missing.mp3'),
      relay('relay-s:2', 'Luồng VOV1', t0 + 2000, 3000, 'https://stream.daixa.test/vov1.wav'),
      relay('relay-s:3', 'Luồng ngắt', t0 + 5000, 3000, 'https://stream.daixa.test/short.wav'),
    ]),
  )

  await expect(onAir.logRow('Luồng ngắt')).toContainText(vi('onair.outcome.failed'), { timeout: 25_000 })
  await expect(onAir.logRow('Luồng VOV1')).toContainText(vi('onair.outcome.played'))
  await expect(onAir.logRow('Luồng hỏng')).toContainText(vi('onair.outcome.failed'))
  await expect(onAir.alerts().filter({ hasText: 'Luồng hỏng' })).toContainText(vi('onair.relayErrors.stream-failed'))
  const rows = await onAir.playLogRecords()
  expect(byTitle(rows, 'Luồng hỏng').note).toContain('the slot was left silent')
  const played = byTitle(rows, 'Luồng VOV1')
  expect(Math.abs(ms(played.actualStart) - (t0 + 2000))).toBeLessThanOrEqual(5)
  expect(ms(played.actualEnd) - ms(played.actualStart)).toBeGreaterThanOrEqual(2998)
  const levels = await onAir.levels()
  expect(programmeLevel(levels, t0 + 200, t0 + 1800)).toBeLessThan(QUIET)
  expect(programmeLevel(levels, t0 + 2500, t0 + 4500)).toBeGreaterThan(SOUNDING)
  // the stream that stopped: it played into its slot, then the slot went silent, noted and alerted
  const stopped = byTitle(rows, 'Luồng ngắt')
  expect(stopped.note).toContain('stream-stalled')
  expect(ms(stopped.actualEnd) - ms(stopped.actualStart)).toBeGreaterThanOrEqual(2998)
  await expect(onAir.alerts().filter({ hasText: 'Luồng ngắt' })).toContainText(vi('onair.relayErrors.stream-stalled'))
  expect(programmeLevel(levels, t0 + 5200, t0 + 5800)).toBeGreaterThan(SOUNDING)
  expect(programmeLevel(levels, t0 + 6500, t0 + 7800)).toBeLessThan(QUIET)
})

test('talk-over ducks the programme by 15 dB and restores it', async ({ station }) => {
  const onAir = new OnAirScreen(station.page, vi)
  await onAir.openWithAutomation()
  const t0 = (await onAir.pageNow()) + 2500
  await onAir.playSession(sessionOf('relay-t', [relay('relay-t:1', 'Tiếp sóng có nói chen', t0, 9000)]))
  await expect
    .poll(async () => (await onAir.levels()).at(-1)?.programme ?? 0, { timeout: 10_000 })
    .toBeGreaterThan(SOUNDING)
  await station.page.waitForTimeout(1000)

  const onAt = await onAir.pageNow()
  await onAir.talkOverButton().click()
  await expect(onAir.talkOverStopButton()).toBeVisible()
  await station.page.waitForTimeout(1500)
  const offAt = await onAir.pageNow()
  await onAir.talkOverStopButton().click()
  await expect(onAir.talkOverButton()).toBeVisible()
  await station.page.waitForTimeout(1500)

  const levels = await onAir.levels()
  const before = programmeLevel(levels, onAt - 900, onAt - 100)
  const ducked = programmeLevel(levels, offAt - 800, offAt - 100)
  const after = programmeLevel(levels, offAt + 700, offAt + 1400)
  // −15 dB = ×0.178 (the click's round trip blurs the edges, the windows stay clear of them)
  expect(ducked / before).toBeGreaterThan(0.14)
  expect(ducked / before).toBeLessThan(0.22)
  expect(after / before).toBeGreaterThan(0.9)
  expect(after / before).toBeLessThan(1.1)
  await expect(onAir.logRow('Tiếp sóng có nói chen')).toContainText(vi('onair.outcome.played'), { timeout: 15_000 })
})

test('"Phát ngay" interrupts the relay on air after its pre-roll, plays the emergency and returns', async ({
  station,
}) => {
  const page = station.page
  const record = new RecordScreen(page, vi)
  await record.start('Bão khẩn')
  await record.waitElapsed(2)
  await record.stop()
  await page.getByRole('heading', { name: vi('library.title') }).waitFor()

  const onAir = new OnAirScreen(page, vi)
  await onAir.openWithAutomation()
  await onAir.dtmfOn().fill('*009#1')
  await onAir.chooseEmergency('Bão khẩn')
  const t0 = (await onAir.pageNow()) + 2500
  await onAir.playSession(
    sessionOf('relay-e', [
      relay('relay-e:1', 'Tiếp sóng trước', t0, 12_000),
      relay('relay-e:2', 'Tiếp sóng sau', t0 + 16_000, 3000),
    ]),
  )
  await expect
    .poll(async () => (await onAir.levels()).at(-1)?.programme ?? 0, { timeout: 10_000 })
    .toBeGreaterThan(SOUNDING)

  const pressedAt = await onAir.confirmPlayNow()
  await expect(onAir.logRow('Tiếp sóng sau')).toContainText(vi('onair.outcome.played'), { timeout: 30_000 })

  const rows = await onAir.playLogRecords()
  const before = byTitle(rows, 'Tiếp sóng trước')
  const emergency = byTitle(rows, 'Bão khẩn')
  const after = byTitle(rows, 'Tiếp sóng sau')
  expect(ms(before.actualStart) - t0).toBeLessThanOrEqual(5)
  expect([before.outcome, emergency.outcome, after.outcome]).toEqual(['interrupted', 'played', 'played'])
  // the relay stayed on air during the emergency's pre-roll (the zone code, ~1.5 s), then stopped
  expect(ms(before.actualEnd) - pressedAt).toBeGreaterThan(1500)
  expect(ms(emergency.actualStart)).toBeGreaterThanOrEqual(ms(before.actualEnd))
  expect(ms(emergency.actualStart) - ms(before.actualEnd)).toBeLessThan(1000)
  // the rest of the session returned at its planned time
  expect(Math.abs(ms(after.actualStart) - (t0 + 16_000))).toBeLessThanOrEqual(5)
  await expect(onAir.logRow('Tiếp sóng trước')).toContainText(vi('onair.outcome.interrupted'))
  await expect(onAir.logRow('Bão khẩn')).toContainText(vi('onair.outcome.played'))
})
