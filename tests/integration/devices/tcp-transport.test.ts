import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createRdsAsciiDriver, type RdsAsciiDriver } from '../../../src/main/devices/rds-ascii/ascii-driver'
import { createRdsAsciiSimulator, type RdsAsciiSimulator } from '../../../src/main/devices/rds-ascii/simulator'
import {
  createTcpServerTransport,
  type TcpServerTransport,
} from '../../../src/main/devices/transport/tcp-server-transport'
import { createTcpTransport } from '../../../src/main/devices/transport/tcp-transport'
import { collectingLogger, waitForState } from '../../support/device-helpers'

describe('tcp-transport', () => {
  let server: TcpServerTransport
  let sim: RdsAsciiSimulator
  let driver: RdsAsciiDriver

  beforeEach(async () => {
    server = createTcpServerTransport({ port: 0 })
    sim = createRdsAsciiSimulator({ transport: server })
    await sim.start()
    driver = createRdsAsciiDriver({
      transport: createTcpTransport({ host: '127.0.0.1', port: server.port() }),
      log: collectingLogger(),
    })
    driver.start()
    await waitForState(driver, 'online')
  })

  afterEach(async () => {
    await driver.stop()
    await sim.stop()
  })

  it('carries a driver to an encoder on a LAN port when the encoder listens on TCP', async () => {
    await driver.setPs('Đài Xã')
    expect(sim.settings().PS).toBe('Dai Xa  ')
    expect(await driver.query('PS')).toBe('Dai Xa')
  })

  it('reconnects within seconds when the device drops the connection but keeps listening', async () => {
    const droppedAt = Date.now()
    server.dropClient()
    const status = await waitForState(driver, 'disconnected', 2000)
    expect(status.at - droppedAt).toBeLessThan(2000)
    await waitForState(driver, 'online', 3000)
    await driver.setTa(true)
    expect(sim.settings().TA).toBe('1')
  })

  it('keeps retrying with back-off while the device is gone and reconnects when it listens again', async () => {
    await sim.stop()
    await waitForState(driver, 'disconnected', 2000)
    await expect(driver.setPs('X')).rejects.toMatchObject({ code: 'disconnected' })
    await sim.start()
    await waitForState(driver, 'online', 4000)
    expect(driver.status().state).toBe('online')
  })
})
