/** Small shared pieces for the device tests: a collecting logger, status waits, bounded polls. */
import { expect } from 'vitest'
import { createLogger, type Logger } from '../../src/main/services/logger'
import type { DeviceDriver, DeviceState, DeviceStatus } from '../../src/main/devices/link/status'

export type CollectingLogger = Logger & { lines: string[] }

export function collectingLogger(): CollectingLogger {
  const lines: string[] = []
  return Object.assign(
    createLogger((level, line) => lines.push(`${level} ${line}`)),
    { lines },
  )
}

/** Resolves with the status once the driver reports `state`; rejects after timeoutMs. */
export function waitForState(driver: Pick<DeviceDriver, 'on' | 'status'>, state: DeviceState, timeoutMs = 3000) {
  return new Promise<DeviceStatus>((resolve, reject) => {
    if (driver.status().state === state) return resolve(driver.status())
    const timer = setTimeout(() => {
      off()
      reject(new Error(`state ${state} not reached in ${timeoutMs} ms (now ${driver.status().state})`))
    }, timeoutMs)
    const off = driver.on('status', (status) => {
      if (status.state !== state) return
      clearTimeout(timer)
      off()
      resolve(status)
    })
  })
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** The first value `find` returns that is not undefined, polled every 10 ms; bounded. */
export async function pollFor<T>(find: () => T | undefined, timeoutMs: number, what: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const found = find()
    if (found !== undefined) return found
    if (Date.now() > deadline) throw new Error(`${what()} not met within ${timeoutMs} ms`)
    await sleep(10)
  }
}

/** Poll `check` every 10 ms until it is true; bounded. */
export async function eventually(check: () => boolean, timeoutMs = 2000, what = 'condition'): Promise<void> {
  await pollFor(
    () => (check() ? true : undefined),
    timeoutMs,
    () => what,
  )
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await promise
  } catch (error) {
    if (error instanceof Error) return error
    throw new Error(`rejected with a non-Error: ${String(error)}`)
  }
  throw new Error('expected the promise to reject')
}

type Silenceable = { setResponsive(isResponsive: boolean): void }
type Watched = Pick<DeviceDriver, 'on' | 'status'>

/**
 * Makes the simulated device stop answering and expects the driver to report unresponsive within
 * 2 s; runs `whileSilent`, then lets the device answer again and waits until the driver is online.
 */
export async function expectSilenceNoticed(
  sim: Silenceable,
  driver: Watched,
  whileSilent?: () => Promise<void>,
): Promise<void> {
  const silentAt = Date.now()
  sim.setResponsive(false)
  const status = await waitForState(driver, 'unresponsive', 2500)
  expect(status.at - silentAt).toBeLessThan(2000)
  await whileSilent?.()
  sim.setResponsive(true)
  await waitForState(driver, 'online', 3000)
}

/** Pulls the cable and expects the driver to report disconnected within 2 s; resolves with that status. */
export async function expectUnplugNoticed(pair: { unplug(): Promise<void> }, driver: Watched): Promise<DeviceStatus> {
  const unpluggedAt = Date.now()
  await pair.unplug()
  const status = await waitForState(driver, 'disconnected', 2000)
  expect(status.at - unpluggedAt).toBeLessThan(2000)
  return status
}
