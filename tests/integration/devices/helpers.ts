/** Small shared pieces for the device integration tests: a collecting logger, status waits. */
import { createLogger, type Logger } from '../../../src/main/services/logger'
import type { DeviceDriver, DeviceState, DeviceStatus } from '../../../src/main/devices/link/status'

export function collectingLogger(): Logger & { lines: string[] } {
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

/** Poll `check` every 10 ms until it is true; bounded. */
export async function eventually(check: () => boolean, timeoutMs = 2000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`)
    await sleep(10)
  }
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
