/**
 * A relay board unplugged during a session, end to end (browser host, Chromium): an LCUS board
 * ("Rơ-le tăng âm") and an exciter ("Máy phát FM") on socat pairs with their simulators, a
 * session of a few seconds of line-in relay (Chromium's fake capture plays a tone) queued through
 * the page's `?automation` hook with relay on → RF on as its pre-roll and no post-roll of its own.
 * While the programme plays the board's cable is pulled: the Phát sóng screen must show the
 * board by its name as unplugged within 2 s, the audio must go on, and once the cable is back
 * the session must still end with the relay and RF off on the simulators.
 */
import { createExciterSimulator, type ExciterSimulator } from '../../../src/main/devices/exciter/simulator'
import { createLcusSimulator, type LcusSimulator } from '../../../src/main/devices/relay-lcus/simulator'
import { createSerialTransport } from '../../../src/main/devices/transport/serial-transport'
import { startSocatPair, type SocatPair } from '../../support/serial-pair'
import { expect, test as base } from '../fixtures'
import { OnAirScreen } from '../pages/OnAirScreen'
import { writeHardwareJson } from '../support/hardware-seed'
import { relayItem, relaySession } from '../support/rundown'
import { vi } from '../support/strings'

const IDS = {
  relay: '0195f0a0-0000-7000-8000-0000000000a1',
  exciter: '0195f0a0-0000-7000-8000-0000000000a2',
}
/** the fake capture plays at about −9 dBFS RMS; silence is far below */
const SOUNDING = 0.05

interface Rig {
  relay: { pair: SocatPair; sim: LcusSimulator }
  exciter: { pair: SocatPair; sim: ExciterSimulator }
}

const test = base.extend<{ rig: Rig }>({
  // Playwright reads a fixture's dependencies from an object pattern: none here
  // eslint-disable-next-line no-empty-pattern
  rig: async ({}, use) => {
    const [relayPair, exciterPair] = await Promise.all([startSocatPair(), startSocatPair()])
    const relay = createLcusSimulator({ transport: createSerialTransport({ path: relayPair.b, baudRate: 9600 }) })
    const exciter = createExciterSimulator({
      transport: createSerialTransport({ path: exciterPair.b, baudRate: 9600 }),
    })
    await Promise.all([relay.start(), exciter.start()])
    await use({ relay: { pair: relayPair, sim: relay }, exciter: { pair: exciterPair, sim: exciter } })
    await Promise.all([relay.stop(), exciter.stop()])
    await Promise.all([relayPair.stop(), exciterPair.stop()])
  },
  seedDataDir: async ({ rig }, use) => {
    await use((dir) =>
      writeHardwareJson(dir, [
        { id: IDS.relay, name: 'Rơ-le tăng âm', role: 'amplifier-relay', family: 'relay-lcus', path: rig.relay.pair.a },
        { id: IDS.exciter, name: 'Máy phát FM', role: 'exciter', family: 'exciter', path: rig.exciter.pair.a },
      ]),
    )
  },
})

test('shows an unplugged relay board by name within 2 s, plays on, and still ends with relay and RF off', async ({
  station,
  rig,
}) => {
  test.setTimeout(60_000)
  const page = station.page
  const onAir = new OnAirScreen(page, vi)
  await onAir.openWithAutomation()
  const board = onAir.deviceHealth('Rơ-le tăng âm')
  await expect(board).toContainText(vi('hardware.status.online'))

  const t0 = (await onAir.pageNow()) + 3000
  await onAir.playSession(
    relaySession(
      'e2e-unplug',
      [relayItem('e2e-unplug:1', 'Tiếp sóng VOV1', t0, 8000)],
      [
        { kind: 'relay', deviceId: IDS.relay, channel: 1, isOn: true },
        { kind: 'rf', deviceId: IDS.exciter, isOn: true },
      ],
    ),
  )
  await expect.poll(() => rig.relay.sim.relays()[0], { timeout: 10_000 }).toBe(true)
  await expect.poll(() => rig.exciter.sim.state().isRfOn, { timeout: 10_000 }).toBe(true)
  await expect.poll(async () => (await onAir.pageNow()) > t0 + 1000, { timeout: 10_000 }).toBe(true)

  // the cable is pulled while the programme plays
  const pulledAt = Date.now()
  await rig.relay.pair.unplug()
  await expect(board).toContainText(vi('hardware.status.disconnected'), { timeout: 2000 })
  expect(Date.now() - pulledAt).toBeLessThan(2000)
  await expect(board).toContainText('Rơ-le tăng âm')

  // the audio goes on: the programme bus still carries the line-in a second later
  const pulledPageMs = await onAir.pageNow()
  await expect.poll(async () => (await onAir.levels()).at(-1)?.atMs ?? 0).toBeGreaterThan(pulledPageMs + 1500)
  const after = (await onAir.levels()).filter((s) => s.atMs > pulledPageMs + 300 && s.atMs < pulledPageMs + 1500)
  const sorted = after.map((s) => s.programme).sort((a, b) => a - b)
  expect(sorted[Math.floor(sorted.length / 2)] ?? 0).toBeGreaterThan(SOUNDING)

  // the cable goes back in during the session: the board is back, relay 1 on for the programme
  await rig.relay.sim.stop()
  await rig.relay.pair.replug()
  await rig.relay.sim.start()
  await expect(board).toContainText(vi('hardware.status.online'), { timeout: 8000 })

  // the session ends: played, and everything its pre-roll switched on is off again
  await expect(onAir.logRow('Tiếp sóng VOV1')).toContainText(vi('onair.outcome.played'), { timeout: 20_000 })
  await expect.poll(() => rig.relay.sim.relays(), { timeout: 5000 }).toEqual([false, false, false, false])
  await expect.poll(() => rig.exciter.sim.state().isRfOn, { timeout: 5000 }).toBe(false)
})
