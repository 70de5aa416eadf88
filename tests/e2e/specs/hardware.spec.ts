import { createLcusSimulator, type LcusSimulator } from '../../../src/main/devices/relay-lcus/simulator'
import { createSerialTransport } from '../../../src/main/devices/transport/serial-transport'
import { startSocatPair, type SocatPair } from '../../support/serial-pair'
import { expect, test } from '../fixtures'
import { HardwareScreen } from '../pages/HardwareScreen'
import { vi } from '../support/strings'

let pair: SocatPair
let relayBoard: LcusSimulator

test.beforeEach(async () => {
  // A virtual serial cable: the app opens one end, a simulated LCUS-4 board the other.
  pair = await startSocatPair()
  relayBoard = createLcusSimulator({ transport: createSerialTransport({ path: pair.b, baudRate: 9600 }) })
  await relayBoard.start()
})

test.afterEach(async () => {
  await relayBoard.stop()
  await pair.stop()
})

test('adds an LCUS relay board on a typed port, tests it and sees relay 1 switched on then off', async ({
  station,
}) => {
  const hardware = new HardwareScreen(station.page, vi)
  await hardware.open()
  await hardware.addLcusRelay({ name: 'Rơ-le tăng âm', path: pair.a })

  await expect(hardware.status('Rơ-le tăng âm', 'online')).toBeVisible()
  await hardware.test('Rơ-le tăng âm')
  await expect(hardware.testResult('Rơ-le tăng âm')).toHaveText(
    vi('hardware.test.relayPulsed').replace('{{channel}}', '1'),
  )
  expect(relayBoard.recorder.actions({ action: 'relay' }).map((a) => a.detail)).toEqual([
    { channel: 1, isOn: true },
    { channel: 1, isOn: false },
  ])
  expect(relayBoard.relays()).toEqual([false, false, false, false])
})

test('renames a device, keeping its port, and removes it after confirmation', async ({ station }) => {
  const hardware = new HardwareScreen(station.page, vi)
  await hardware.open()
  await hardware.addLcusRelay({ name: 'Rơ-le vùng 1', path: pair.a })
  await expect(hardware.status('Rơ-le vùng 1', 'online')).toBeVisible()

  await hardware.rename('Rơ-le vùng 1', 'Rơ-le thôn Đông')
  await expect(hardware.row('Rơ-le thôn Đông')).toContainText(pair.a)
  await expect(hardware.status('Rơ-le thôn Đông', 'online')).toBeVisible()

  await hardware.remove('Rơ-le thôn Đông')
  await expect(hardware.emptyText()).toBeVisible()
})
