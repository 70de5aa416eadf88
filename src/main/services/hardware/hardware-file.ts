/**
 * `hardware.json` in the data folder: `{ version: 1, devices: [DeviceConfig…] }`, validated with
 * the bridge's own schema on every read and written atomically. A file that is not JSON or not
 * this shape is set aside (`hardware.json.damaged-<time>`) and the station starts with no devices;
 * a file with some bad entries keeps the good ones and a copy of the whole file is set aside, so
 * nothing the officer entered is lost without a trace and a bad edit never stops the station.
 */
import { copyFile, readFile, rename } from 'node:fs/promises'
import { z } from 'zod'
import { deviceConfigSchema, hardwareFileSchema, type DeviceConfig } from '../../../shared/ipc/hardware'
import { toServiceError } from '../fs-errors'
import type { Logger } from '../logger'
import { writeFileAtomic } from '../media/media-store'

export async function loadHardwareFile(file: string, log: Logger): Promise<DeviceConfig[]> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    log.error(`hardware: cannot read ${file} (${String(error).slice(0, 200)}); starting with no devices`)
    return []
  }
  let top: z.infer<typeof hardwareFileSchema>
  try {
    top = hardwareFileSchema.parse(JSON.parse(text))
  } catch (error) {
    const aside = `${file}.damaged-${Date.now()}`
    await rename(file, aside).catch(() => undefined)
    log.warn(`hardware: ${file} was damaged (${String(error).slice(0, 200)}); moved to ${aside}, no devices`)
    return []
  }
  const devices: DeviceConfig[] = []
  const problems: string[] = []
  for (const [index, raw] of top.devices.entries()) {
    const parsed = deviceConfigSchema.safeParse(raw)
    if (!parsed.success) problems.push(`device ${index}: ${z.prettifyError(parsed.error).replace(/\s+/g, ' ')}`)
    else if (devices.some((d) => d.id === parsed.data.id)) problems.push(`device ${index}: duplicate id`)
    else devices.push(parsed.data)
  }
  if (problems.length > 0) {
    const aside = `${file}.damaged-${Date.now()}`
    await copyFile(file, aside).catch(() => undefined)
    log.warn(
      `hardware: ${file} has bad entries (${problems.join('; ').slice(0, 400)}); kept the others, copy at ${aside}`,
    )
  }
  return devices
}

export async function saveHardwareFile(file: string, devices: readonly DeviceConfig[]): Promise<void> {
  try {
    await writeFileAtomic(file, `${JSON.stringify({ version: 1, devices }, null, 2)}\n`)
  } catch (error) {
    throw toServiceError(error, 'hardware: saving the device list')
  }
}
