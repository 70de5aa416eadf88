/**
 * The "Thử" button: one short, harmless exchange that proves the device is there and answers.
 * - relay: switch relay 1 on, wait `pulseMs`, switch it off. If relay 1 is already on (it may be
 *   feeding the amplifiers on air) it is left alone and the read-back of the board is the test.
 * - RDS: send PS "DAI XA"; read it back where the protocol can (PIRA ASCII), then put the
 *   previous PS back so the test does not change what listeners see.
 * - exciter: read telemetry (never switches RF or changes power/frequency).
 * - exciter through a relay: read the relay board and say whether RF is on.
 * Failures are the drivers' ServiceErrors: 'disconnected', 'io' (no or bad reply), 'invalid-input'.
 */
import type { TestResult } from '../../../shared/ipc/hardware'
import { formatPs } from '../../devices/rds-charset'
import type { HardwareDriver } from './hardware-driver'

export const TEST_PS = 'DAI XA'
/** shown when reflected ≥ forward power (the formula's infinity) */
const VSWR_CAP = 99

export interface DeviceTestOptions {
  pulseMs: number
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export async function runDeviceTest(driver: HardwareDriver, options: DeviceTestOptions): Promise<TestResult> {
  switch (driver.kind) {
    case 'relay': {
      const channel = 1
      const states = await driver.device.readRelays()
      if (states[channel - 1] === true) return { kind: 'relay', channel, wasOn: true }
      await driver.device.setRelay(channel, true)
      await sleep(options.pulseMs)
      await driver.device.setRelay(channel, false)
      // read back: the off frame has reached the board before the test says it is done
      await driver.device.readRelays()
      return { kind: 'relay', channel, wasOn: false }
    }
    case 'rds':
      return testRds(driver)
    case 'exciter': {
      const telemetry = await driver.device.readTelemetry()
      const vswr = telemetry.vswr === undefined ? undefined : Math.min(telemetry.vswr, VSWR_CAP)
      return { kind: 'exciter', telemetry: { ...telemetry, ...(vswr !== undefined ? { vswr } : {}) } }
    }
    case 'exciter-relay': {
      const states = await driver.relay.readRelays()
      const isOn = states[driver.channel - 1] ?? false
      return { kind: 'exciter-relay', channel: driver.channel, isRfOn: driver.isInhibit ? !isOn : isOn }
    }
  }
}

async function testRds(driver: Extract<HardwareDriver, { kind: 'rds' }>): Promise<TestResult> {
  const { readPs } = driver
  if (!readPs) {
    await driver.device.setPs(TEST_PS)
    return { kind: 'rds', ps: TEST_PS, readBack: null, isAcknowledged: driver.isAcknowledged }
  }
  const before = await readPs()
  await driver.device.setPs(TEST_PS)
  const readBack = await readPs()
  // the encoder trims its reply, so compare trimmed; a blank PS is put back as blank
  if (before.trim() !== formatPs(TEST_PS, 'ascii').trim()) await driver.device.setPs(before)
  return { kind: 'rds', ps: TEST_PS, readBack: readBack.trimEnd(), isAcknowledged: driver.isAcknowledged }
}
