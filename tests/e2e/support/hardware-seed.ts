/** A `hardware.json` written into the data folder before the app starts (devices on socat paths). */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface SeedDevice {
  id: string
  name: string
  role: string
  family: string
  path: string
  baudRate?: number
  options?: object
}

export function writeHardwareJson(dir: string, devices: readonly SeedDevice[]): void {
  const entries = devices.map(({ path, baudRate = 9600, options = {}, ...rest }) => ({
    ...rest,
    isEnabled: true,
    transport: { kind: 'serial', path, baudRate },
    options,
  }))
  writeFileSync(join(dir, 'hardware.json'), JSON.stringify({ version: 1, devices: entries }))
}
