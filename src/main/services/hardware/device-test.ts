/**
 * The "Thử" button: one short, harmless exchange that proves the device is there and answers.
 * - relay: switch relay 1 on, wait `pulseMs`, switch it off. If relay 1 is already on (it may be
 *   feeding the amplifiers on air) it is left alone and the read-back of the board is the test.
 * - RDS: send PS "DAI XA"; read it back where the protocol can (PIRA ASCII), then put the
 *   previous PS back so the test does not change what listeners see.
 * - exciter: read telemetry (never switches RF or changes power/frequency) and say what is
 *   outside the licence (a frequency outside 54–68 MHz, a power above the limit).
 * - exciter through a relay: read the relay board and say whether RF is on.
 * A device that does not answer gets a diagnosis instead of an error (`kind: 'problem'`): the
 * port is missing; the port opens but the device is silent; a Modbus board answers as another
 * unit id; an LCUS board does not answer status queries (most LCUS-1). Other failures are the
 * drivers' ServiceErrors ('io' for a wrong reply, 'invalid-input').
 */
import type { DeviceConfig, TestResult } from '../../../shared/ipc/hardware'
import { ServiceError } from '../../../shared/result'
import { formatPs } from '../../devices/rds-charset'
import type { HardwareDriver } from './hardware-driver'
import { FORWARD_POWER_TOLERANCE, licenceBreaches, powerLimitW } from './licence'

export const TEST_PS = 'DAI XA'
/** shown when reflected ≥ forward power (the formula's infinity) */
const VSWR_CAP = 99

export interface DeviceTestOptions {
  pulseMs: number
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export async function runDeviceTest(
  driver: HardwareDriver,
  config: DeviceConfig,
  options: DeviceTestOptions,
): Promise<TestResult> {
  try {
    return await exchange(driver, config, options)
  } catch (error) {
    const problem = diagnose(error, driver, config)
    if (problem) return problem
    throw error
  }
}

async function exchange(driver: HardwareDriver, config: DeviceConfig, options: DeviceTestOptions): Promise<TestResult> {
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
      const outOfLicence = licenceBreaches(telemetry, config).flatMap((b) =>
        b.reason === 'frequency' || b.reason === 'power' ? [b.reason] : [],
      )
      // a carrier already above the limit, whatever the set-point says
      const forward = telemetry.forwardW ?? 0
      if (!outOfLicence.includes('power') && forward > powerLimitW(config) * FORWARD_POWER_TOLERANCE) {
        outOfLicence.push('power')
      }
      return { kind: 'exciter', telemetry: { ...telemetry, ...(vswr !== undefined ? { vswr } : {}) }, outOfLicence }
    }
    case 'exciter-relay': {
      const states = await driver.relay.readRelays()
      const isOn = states[driver.channel - 1] ?? false
      return { kind: 'exciter-relay', channel: driver.channel, isRfOn: driver.isInhibit ? !isOn : isOn }
    }
  }
}

/** Why a device did not answer, when the link and the family can tell; null otherwise. */
function diagnose(error: unknown, driver: HardwareDriver, config: DeviceConfig): TestResult | null {
  if (!(error instanceof ServiceError) || (error.code !== 'disconnected' && error.code !== 'io')) return null
  const state = driver.device.status().state
  const isSilent = error.code === 'disconnected' || /no reply/.test(error.message)
  if (!isSilent) return null
  if (state === 'disconnected') return { kind: 'problem', problem: 'no-port' }
  const stray = driver.kind === 'relay' ? (driver.strayUnit?.() ?? null) : null
  if (stray !== null) return { kind: 'problem', problem: 'wrong-unit', unitId: stray }
  if (config.family === 'relay-lcus' && config.options.hasStatusQuery)
    return { kind: 'problem', problem: 'no-status-reply' }
  return { kind: 'problem', problem: 'no-answer' }
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
