/**
 * On air, end to end: the browser host with Chromium (no sound card: Chromium's fake audio
 * output), three simulated devices on socat serial pairs (LCUS relay board, FM exciter, PIRA
 * ASCII RDS encoder), three announcements recorded from the fake microphone, two of them placed
 * in tomorrow's morning session whose settings switch the devices. A trial of that session plays
 * exactly those two in order; the devices' journals and the audio that left the engine must tell
 * the same story: relay on → RF on → DTMF zone-on code → RDS PS → radiotext per item → RT cleared →
 * DTMF zone-off code → RF off → relay off, and the as-played log must match — as a trial, never
 * "played", with nothing for the province. A second trial stopped mid-item must end the same way.
 *
 * The DTMF evidence (audio, so no simulator sees it): an init script wraps `AudioContext` so that
 * the engine's `ctx.destination` is a pass-through gain feeding the real output *and* an
 * AudioWorklet that copies every rendered frame with its frame number (exact context time).
 * Each copy also takes `getOutputTimestamp()`, which pairs a context time with the moment it is
 * heard, so every frame gets an epoch-ms "heard at". The simulators stamp their journals with
 * Date.now() in this test process, on the same machine clock. The frames are decoded here with
 * the app's Goertzel decoder in 128-frame steps; a digit's time is the frame where the decoder
 * completes it (≈ 50–80 ms into the tone). The checks are therefore conservative: the first
 * digit completes after RF was switched on, and the last digit completes before the PS arrives.
 * The wrapper changes nothing the engine does: it only inserts a unity-gain node. CSP is bypassed
 * for this spec only, because the app's policy (rightly) refuses a blob: worklet module.
 */
import { createDtmfDecoder } from '../../../src/shared/audio/goertzel'
import { createExciterSimulator } from '../../../src/main/devices/exciter/simulator'
import { createRdsAsciiSimulator } from '../../../src/main/devices/rds-ascii/simulator'
import { createLcusSimulator } from '../../../src/main/devices/relay-lcus/simulator'
import { createSimRecorder, type SimRecorder } from '../../../src/main/devices/sim/recorder'
import type { DeviceSimulator } from '../../../src/main/devices/sim/simulator-core'
import { createSerialTransport } from '../../../src/main/devices/transport/serial-transport'
import { startSocatPair, type SocatPair } from '../../support/serial-pair'
import { expect, test as base } from '../fixtures'
import { OnAirScreen } from '../pages/OnAirScreen'
import { RecordScreen } from '../pages/RecordScreen'
import { writeHardwareJson } from '../support/hardware-seed'
import { armTap, chunkSamples, heardAtMs, installTap, readTap, type TapChunk } from '../support/output-tap'
import { ScheduleScreen, stationDate } from '../pages/ScheduleScreen'
import { vi } from '../support/strings'

const IDS = {
  relay: '0195f0a0-0000-7000-8000-000000000001',
  exciter: '0195f0a0-0000-7000-8000-000000000002',
  rds: '0195f0a0-0000-7000-8000-000000000003',
}

interface Rig {
  recorder: SimRecorder
  pairs: { relay: SocatPair; exciter: SocatPair; rds: SocatPair }
}

const test = base.extend<{ rig: Rig }>({
  // Playwright reads a fixture's dependencies from an object pattern: none here
  // eslint-disable-next-line no-empty-pattern
  rig: async ({}, use) => {
    const recorder = createSimRecorder()
    const [relay, exciter, rds] = await Promise.all([startSocatPair(), startSocatPair(), startSocatPair()])
    const sims: DeviceSimulator[] = [
      createLcusSimulator({ transport: createSerialTransport({ path: relay.b, baudRate: 9600 }), recorder }),
      createExciterSimulator({ transport: createSerialTransport({ path: exciter.b, baudRate: 9600 }), recorder }),
      createRdsAsciiSimulator({ transport: createSerialTransport({ path: rds.b, baudRate: 2400 }), recorder }),
    ]
    await Promise.all(sims.map((s) => s.start()))
    await use({ recorder, pairs: { relay, exciter, rds } })
    await Promise.all(sims.map((s) => s.stop()))
    await Promise.all([relay.stop(), exciter.stop(), rds.stop()])
  },
  seedDataDir: async ({ rig }, use) => {
    await use((dir) =>
      writeHardwareJson(dir, [
        {
          id: IDS.relay,
          name: 'Rơ-le tăng âm',
          role: 'amplifier-relay',
          family: 'relay-lcus',
          path: rig.pairs.relay.a,
          options: { channels: 4 },
        },
        { id: IDS.exciter, name: 'Máy phát FM', role: 'exciter', family: 'exciter', path: rig.pairs.exciter.a },
        { id: IDS.rds, name: 'RDS', role: 'rds', family: 'rds-ascii', path: rig.pairs.rds.a, baudRate: 2400 },
      ]),
    )
  },
  page: async ({ page }, use) => {
    await page.addInitScript(installTap)
    await use(page)
  },
})

test.use({ bypassCSP: true })

/** Digits the decoder completes, each with the epoch ms at which its completing frame was heard. */
function decodeTap(chunks: TapChunk[], sampleRate: number): { digit: string; heardAtMs: number }[] {
  const decoder = createDtmfDecoder({ sampleRate })
  const out: { digit: string; heardAtMs: number }[] = []
  for (const chunk of [...chunks].sort((a, b) => a.frame - b.frame)) {
    const samples = chunkSamples(chunk)
    for (let at = 0; at < samples.length; at += 128) {
      const heard = heardAtMs(chunk, chunk.frame + at + 128, sampleRate)
      for (const digit of decoder.push(samples.subarray(at, at + 128))) out.push({ digit, heardAtMs: heard })
    }
  }
  return out
}

test('a trial plays exactly the chosen session with its relay, RF, DTMF and RDS, is logged as a trial, and Dừng phát stops it with the post-roll', async ({
  station,
  rig,
}) => {
  test.setTimeout(150_000)
  const page = station.page
  const record = new RecordScreen(page, vi)
  // two for the session, and one more the trial must NOT play (the old trial aired the whole library)
  for (const title of ['Tin một', 'Tin hai', 'Không xếp lịch']) {
    await record.start(title)
    await record.waitElapsed(2)
    await record.stop()
    await page.getByRole('heading', { name: vi('library.title') }).waitFor()
    await page.getByRole('menuitem', { name: vi('nav.record') }).click()
  }

  // tomorrow's morning session, with its own device steps: what automatic playout would play
  const day = stationDate(1)
  const schedule = new ScheduleScreen(page, vi)
  await schedule.open()
  await schedule.setDate(day)
  await schedule.configureSession('Buổi sáng', { relayAndRf: true, zone: { on: '*007#1', off: '*007#0' }, rds: 'RDS' })
  for (const title of ['Tin một', 'Tin hai']) await schedule.addItem('Buổi sáng', title)

  const onAir = new OnAirScreen(page, vi)
  await onAir.open()
  // contexts made from here on are tapped: the engine's, created by the click below
  await armTap(page)
  await onAir.chooseTrial(day, 'Buổi sáng')
  await expect(onAir.trialItems()).toHaveCount(2)
  await onAir.trialButton().click()
  await expect(onAir.logRows()).toHaveCount(2, { timeout: 60_000 })
  await expect.poll(() => rig.recorder.actions({ action: 'relay' }).length, { timeout: 10_000 }).toBe(2)

  // the devices' journal, in order
  const journal = rig.recorder.actions().filter((a) => ['relay', 'rf', 'ps', 'rt1'].includes(a.action))
  expect(journal.map((a) => `${a.action}:${JSON.stringify(a.detail)}`)).toEqual([
    'relay:{"channel":1,"isOn":true}',
    'rf:{"isOn":true}',
    'ps:{"value":"DAI XA  "}',
    'rt1:{"value":"Tin mot"}',
    'rt1:{"value":"Tin hai"}',
    'rt1:{"value":""}',
    'rf:{"isOn":false}',
    'relay:{"channel":1,"isOn":false}',
  ])
  const at = (action: string, n = 0) => journal.filter((a) => a.action === action)[n]?.at ?? Number.NaN

  // the audio: both zone codes, digit for digit, each where it belongs among the device steps
  const contexts = await readTap(page)
  const heard = contexts.map((c) => decodeTap(c.chunks, c.sampleRate)).filter((d) => d.length > 0)
  expect(heard).toHaveLength(1)
  const digits = heard[0] ?? []
  // each zone code is sent twice (the zone's default repeat: receivers are usually addressed twice)
  expect(digits.map((d) => d.digit).join('')).toBe('*007#1*007#1*007#0*007#0')
  const zoneOn = digits.slice(0, 12)
  const zoneOff = digits.slice(12)
  expect(zoneOn[0]?.heardAtMs).toBeGreaterThan(at('rf', 0))
  expect(zoneOn[11]?.heardAtMs).toBeLessThan(at('ps'))
  expect(zoneOff[0]?.heardAtMs).toBeGreaterThan(at('rt1', 2))
  expect(zoneOff[11]?.heardAtMs).toBeLessThan(at('rf', 1))

  // the as-played log: two rows in order, each a trial (never "Đã phát"), back to back
  const rows = await onAir.logTable()
  expect(rows.map((r) => [r[1], r[4]])).toEqual([
    ['Tin một', vi('onair.outcome.trial')],
    ['Tin hai', vi('onair.outcome.trial')],
  ])
  const logged = (await onAir.playLogRecords()).filter((r) => r.actualStart !== null)
  expect(logged.every((r) => r.isTrial === true)).toBe(true)
  expect(await onAir.outboxCount('playLog')).toBe(0)
  const sorted = logged.sort((a, b) => (a.actualStart ?? '').localeCompare(b.actualStart ?? ''))
  expect(sorted.map((r) => r.title)).toEqual(['Tin một', 'Tin hai'])
  const starts = sorted.map((r) => Date.parse(r.actualStart ?? ''))
  const ends = sorted.map((r) => Date.parse(r.actualEnd ?? ''))
  expect(starts[0]).toBeGreaterThan(at('ps'))
  expect(ends[1]).toBeLessThan(at('rf', 1))
  expect(Math.abs((starts[1] ?? 0) - (ends[0] ?? 0))).toBeLessThanOrEqual(2)
  // each radiotext went out around its item's start (the command leaves as the item is rendered)
  for (const i of [0, 1]) expect(Math.abs(at('rt1', i) - (starts[i] ?? 0))).toBeLessThan(1000)

  // again, and "Dừng phát" during the first item: it is cut, the second never plays, hardware ends off
  const before = rig.recorder.actions().length
  await onAir.playTrial(day, 'Buổi sáng')
  await expect(onAir.nowTitle()).toHaveText('Tin một', { timeout: 30_000 })
  await onAir.stop()
  await expect.poll(() => rig.recorder.actions({ action: 'relay' }).length, { timeout: 15_000 }).toBe(4)
  const second = rig.recorder
    .actions()
    .slice(before)
    .filter((a) => ['relay', 'rf', 'ps', 'rt1'].includes(a.action))
  expect(second.map((a) => `${a.action}:${JSON.stringify(a.detail)}`)).toEqual([
    'relay:{"channel":1,"isOn":true}',
    'rf:{"isOn":true}',
    'ps:{"value":"DAI XA  "}',
    'rt1:{"value":"Tin mot"}',
    'rt1:{"value":""}',
    'rf:{"isOn":false}',
    'relay:{"channel":1,"isOn":false}',
  ])
  await expect(onAir.logRows()).toHaveCount(4)
  await expect(onAir.stopButton()).toHaveCount(0)
  const all = await onAir.playLogRecords()
  expect(all.every((r) => r.isTrial === true)).toBe(true)
  expect(all.some((r) => r.title === 'Không xếp lịch')).toBe(false)
  const stopped = all.slice(-2).map((r) => [r.title, r.outcome, r.note])
  expect(stopped).toEqual([
    ['Tin một', 'interrupted', 'stopped by the officer'],
    ['Tin hai', 'skipped', 'stopped by the officer'],
  ])
  await expect(onAir.logRow('Tin một').last()).toContainText(vi('onair.outcome.interrupted'))
  expect(await onAir.outboxCount('playLog')).toBe(0)
})
