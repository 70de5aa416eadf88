/**
 * Emergencies that go out by themselves (issue 13), browser host + Chromium, a relay board (LCUS)
 * and an exciter on socat pairs with their simulators sharing one journal.
 *
 * 1. Signed in to the reference province server, a line-in relay session is on air when the
 *    province publishes a text emergency (repeat 20 s, expiry 70 s from publication; the
 *    countdown set to 5 s in Cài đặt); "Đồng bộ ngay" pulls it (the app's sync trigger). The
 *    full-screen banner counts down; the emergency interrupts the relay (logged `interrupted`),
 *    airs again on the interval (the offline voice reads its text) and never after its expiry. Each airing is an
 *    as-played row whose pre-roll (relay on, RF on) is in its device steps and in the simulators'
 *    journal just before it.
 * 2. CAP 1.2: a file that is not XML and a CAP 1.1 alert are refused with their messages and
 *    nothing stored; a typhoon warning for xã Tân Hòa (Vietnamese, no audio) makes the same flow.
 */
import { createExciterSimulator } from '../../../src/main/devices/exciter/simulator'
import { createLcusSimulator } from '../../../src/main/devices/relay-lcus/simulator'
import { createSimRecorder, type SimAction, type SimRecorder } from '../../../src/main/devices/sim/recorder'
import type { DeviceSimulator } from '../../../src/main/devices/sim/simulator-core'
import { createSerialTransport } from '../../../src/main/devices/transport/serial-transport'
import { DEMO_ACCOUNT, DEMO_COMMUNE } from '../../province-server/demo-seed'
import { startSocatPair, type SocatPair } from '../../support/serial-pair'
import { expect, test as base } from '../fixtures'
import { AppShell } from '../pages/AppShell'
import { EmergencyScreen } from '../pages/EmergencyScreen'
import { OnAirScreen, type PlayLogRecord } from '../pages/OnAirScreen'
import { SyncScreen } from '../pages/SyncScreen'
import { typhoonWarning } from '../support/cap-sample'
import { writeHardwareJson } from '../support/hardware-seed'
import { useProvinceServer } from '../support/province'
import { relayItem, relaySession } from '../support/rundown'
import { vi } from '../support/strings'

const IDS = {
  relay: '0195f0a0-0000-7000-8000-0000000000e1',
  exciter: '0195f0a0-0000-7000-8000-0000000000e2',
}
const COUNTDOWN_S = 5
const REPEAT_S = 20
const EXPIRES_S = 70

interface Rig {
  recorder: SimRecorder
  pairs: SocatPair[]
}

const test = base.extend<{ rig: Rig }>({
  // eslint-disable-next-line no-empty-pattern
  rig: async ({}, use) => {
    const recorder = createSimRecorder()
    const pairs = await Promise.all([startSocatPair(), startSocatPair()])
    const [relay, exciter] = pairs
    if (!relay || !exciter) throw new Error('socat pairs')
    const sims: DeviceSimulator[] = [
      createLcusSimulator({ transport: createSerialTransport({ path: relay.b, baudRate: 9600 }), recorder }),
      createExciterSimulator({ transport: createSerialTransport({ path: exciter.b, baudRate: 9600 }), recorder }),
    ]
    await Promise.all(sims.map((s) => s.start()))
    await use({ recorder, pairs })
    await Promise.all(sims.map((s) => s.stop()))
    await Promise.all(pairs.map((p) => p.stop()))
  },
  seedDataDir: async ({ rig }, use) => {
    const [relay, exciter] = rig.pairs
    await use((dir) =>
      writeHardwareJson(dir, [
        { id: IDS.relay, name: 'Rơ-le tăng âm', role: 'amplifier-relay', family: 'relay-lcus', path: relay?.a ?? '' },
        { id: IDS.exciter, name: 'Máy phát FM', role: 'exciter', family: 'exciter', path: exciter?.a ?? '' },
      ]),
    )
  },
})

const province = useProvinceServer()

const switching = (recorder: SimRecorder): SimAction[] =>
  recorder.actions().filter((a) => a.action === 'relay' || a.action === 'rf')

/** Each airing: played, its pre-roll in its own steps and, in the journal, relay on → RF on just before it. */
function expectAiringsWithPreRoll(airings: PlayLogRecord[], journal: SimAction[]): void {
  for (const airing of airings) {
    expect(airing.outcome).toBe('played')
    const steps = (airing.deviceActions ?? []).filter((s) => s.phase === 'pre-roll')
    expect(steps.map((s) => s.isOk)).toEqual([true, true])
    const heardAt = Date.parse(airing.actualStart ?? '')
    const before = journal.filter((a) => a.at <= heardAt).slice(-2)
    expect(before.map((a) => `${a.action}:${String(a.detail['isOn'])}`)).toEqual(['relay:true', 'rf:true'])
    expect(heardAt - (before[0]?.at ?? 0)).toBeLessThan(5000)
  }
}

/** Airings started (the stored bulletin's `airedAtMs`). */
const started = async (emergency: EmergencyScreen): Promise<number[]> => (await emergency.records())[0]?.airedAtMs ?? []

/**
 * Two airings start, then the expiry and one more interval pass with no other; the banner goes;
 * resolves with the as-played rows once the last airing is over.
 */
async function airingsUntilExpiry(expiry: number, emergency: EmergencyScreen, onAir: OnAirScreen) {
  await expect.poll(async () => (await started(emergency)).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(2)
  await expect.poll(() => Date.now() > expiry + REPEAT_S * 1000, { timeout: 90_000, intervals: [1000] }).toBe(true)
  await expect(emergency.banner()).toBeHidden()
  const starts = await started(emergency)
  expect(starts.every((ms) => ms < expiry)).toBe(true)
  await expect.poll(async () => (await emergencyRows(onAir)).length, { timeout: 40_000 }).toBe(starts.length)
  return emergencyRows(onAir)
}

/** Two airings or more, every one started before the expiry, at least the interval apart. */
function expectRepeatsBefore(airings: PlayLogRecord[], expiry: number): void {
  expect(airings.length).toBeGreaterThanOrEqual(2)
  const starts = airings.map((a) => Date.parse(a.plannedStart))
  expect(starts.every((ms) => ms < expiry)).toBe(true)
  starts.slice(1).forEach((ms, i) => expect(ms - (starts[i] ?? 0)).toBeGreaterThanOrEqual(REPEAT_S * 1000 - 100))
}

const emergencyRows = async (onAir: OnAirScreen): Promise<PlayLogRecord[]> =>
  (await onAir.playLogRecords()).filter((r) => r.itemId.startsWith('emergency-'))

test('a province emergency interrupts the relay on air, repeats, stops at expiry, each airing with its pre-roll', async ({
  station,
  rig,
}) => {
  test.setTimeout(240_000)
  const page = station.page
  const shell = new AppShell(page, vi)
  const sync = new SyncScreen(page, vi)
  const emergency = new EmergencyScreen(page, vi)
  const onAir = new OnAirScreen(page, vi)
  await onAir.openWithAutomation()
  await shell.open('settings')
  await sync.setServer(province.url())
  await sync.signIn(DEMO_ACCOUNT.username, DEMO_ACCOUNT.password)
  await expect(sync.signedInAs(DEMO_COMMUNE.name, DEMO_ACCOUNT.username)).toBeVisible()
  await sync.syncNowButton().click()
  await expect(sync.pending(0)).toBeVisible({ timeout: 30_000 })
  await emergency.setCountdown(COUNTDOWN_S)

  // a relay of the line-in (the fake capture's tone) is on air
  await onAir.open()
  const t0 = (await onAir.pageNow()) + 3000
  await onAir.playSession(
    relaySession(
      'e2e-relay',
      [relayItem('e2e-relay:1', 'Tiếp sóng VOV1', t0, 90_000)],
      [
        { kind: 'relay', deviceId: IDS.relay, channel: 1, isOn: true },
        { kind: 'rf', deviceId: IDS.exciter, isOn: true },
      ],
    ),
  )
  await expect.poll(async () => (await onAir.pageNow()) > t0 + 1000, { timeout: 15_000 }).toBe(true)

  // the province publishes; the next pull brings it
  const published = await fetch(`${province.url()}/__demo__/emergency`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Khẩn: bão số 3 vào xã Tân Hòa',
      text: 'Bão số 3 đang vào. Bà con ở trong nhà, tránh xa bờ sông.',
      repeatEverySec: REPEAT_S,
      expiresInSec: EXPIRES_S,
    }),
  })
  expect(published.status).toBe(200)
  const publishedAtMs = Date.now()
  // "Đồng bộ ngay" (a click during a cycle still running is not queued: press again until it lands)
  await expect(async () => {
    // once the pull has brought it, the banner covers the button: then the click is not needed
    await sync
      .syncNowButton()
      .click({ timeout: 2000 })
      .catch(() => undefined)
    await expect.poll(async () => (await emergency.records()).length, { timeout: 10_000 }).toBe(1)
  }).toPass({ timeout: 60_000 })

  await expect(emergency.banner()).toBeVisible()
  await expect(emergency.banner()).toContainText('Khẩn: bão số 3 vào xã Tân Hòa')
  await expect(emergency.bannerState()).toContainText(/Tự động phát trên loa sau \d+ giây/)
  const [received] = await emergency.records()
  expect(received?.origin).toBe('province')

  // first airing: after the countdown, over the relay, which is cut and logged interrupted
  await expect.poll(async () => (await emergencyRows(onAir)).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(1)
  const relayRow = (await onAir.playLogRecords()).find((r) => r.itemId === 'e2e-relay:1')
  expect(relayRow?.outcome).toBe('interrupted')
  const first = (await emergencyRows(onAir))[0]
  const firstHeard = Date.parse(first?.actualStart ?? '')
  expect(firstHeard - (received?.receivedAtMs ?? 0)).toBeGreaterThanOrEqual(COUNTDOWN_S * 1000)
  expect(Date.parse(relayRow?.actualEnd ?? '')).toBeLessThanOrEqual(firstHeard + 50)

  console.log(
    `emergency e2e: published → stored ${(received?.receivedAtMs ?? 0) - publishedAtMs} ms, stored → first airing heard ${firstHeard - (received?.receivedAtMs ?? 0)} ms (countdown ${COUNTDOWN_S} s)`,
  )

  // repeats on the interval, then nothing after the expiry
  const expiry = publishedAtMs + EXPIRES_S * 1000
  const airings = await airingsUntilExpiry(expiry, emergency, onAir)
  expectRepeatsBefore(airings, expiry)
  expect(airings.every((a) => a.title === 'Khẩn: bão số 3 vào xã Tân Hòa')).toBe(true)
  expectAiringsWithPreRoll(airings, switching(rig.recorder))
  // the station ends off
  const last = switching(rig.recorder).slice(-2)
  expect(last.map((a) => `${a.action}:${String(a.detail['isOn'])}`)).toEqual(['rf:false', 'relay:false'])
})

test('CAP 1.2: not XML and CAP 1.1 are refused with nothing stored; a typhoon warning for xã Tân Hòa airs and repeats', async ({
  station,
  rig,
}) => {
  test.setTimeout(240_000)
  const page = station.page
  const emergency = new EmergencyScreen(page, vi)
  const onAir = new OnAirScreen(page, vi)
  await emergency.setCountdown(COUNTDOWN_S)
  await onAir.open()

  await emergency.importCap('canh-bao.xml', 'Bão số 3: bà con chú ý (đây là văn bản, không phải XML)')
  await expect(page.getByText(/Tệp “canh-bao.xml” không phải XML/)).toBeVisible()
  const now = Date.now()
  const old = typhoonWarning({
    identifier: 'KTTV-2026-0003',
    sentMs: now,
    expiresMs: now + EXPIRES_S * 1000,
    repeatEverySec: REPEAT_S,
    namespace: 'urn:oasis:names:tc:emergency:cap:1.1',
  })
  await emergency.importCap('bao-so-3-cap11.xml', old)
  await expect(page.getByText(/là cảnh báo CAP nhưng không phải phiên bản 1\.2/)).toBeVisible()
  expect(await emergency.records()).toHaveLength(0)

  const sentMs = Date.now()
  const expiry = sentMs + EXPIRES_S * 1000
  await emergency.importCap(
    'bao-so-3.xml',
    typhoonWarning({ identifier: 'KTTV-2026-0003', sentMs, expiresMs: expiry, repeatEverySec: REPEAT_S }),
  )
  await expect(emergency.banner()).toBeVisible({ timeout: 10_000 })
  await expect(emergency.banner()).toContainText('Cảnh báo bão số 3 cho xã Tân Hòa')
  await expect(emergency.banner()).toContainText('Đài Khí tượng Thủy văn tỉnh Demo')
  const [stored] = await emergency.records()
  expect(stored?.id).toBe('cap:canhbao@kttv.tinhdemo.gov.vn,KTTV-2026-0003')

  const airings = await airingsUntilExpiry(expiry, emergency, onAir)
  expectRepeatsBefore(airings, expiry)
  expect(airings.every((a) => a.title === 'Cảnh báo bão số 3 cho xã Tân Hòa')).toBe(true)
  // nothing was on air: each airing has its own pre-roll and post-roll
  expectAiringsWithPreRoll(airings, switching(rig.recorder))
  const pattern = ['relay:true', 'rf:true', 'rf:false', 'relay:false']
  expect(switching(rig.recorder).map((a) => `${a.action}:${String(a.detail['isOn'])}`)).toEqual(
    airings.flatMap(() => pattern),
  )
})
