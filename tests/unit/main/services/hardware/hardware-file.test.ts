import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { newId } from '../../../../../src/shared/ids'
import { deviceConfigSchema, type DeviceConfig } from '../../../../../src/shared/ipc/hardware'
import { loadHardwareFile, saveHardwareFile } from '../../../../../src/main/services/hardware/hardware-file'
import { collectingLogger } from '../../../helpers/collecting-logger'
import { tempDirs } from '../../../helpers/temp-dir'
import { lcusDraft } from './hardware-helpers'

const dirs = tempDirs()
afterEach(() => dirs.cleanup())

const device = (path: string): DeviceConfig => deviceConfigSchema.parse({ ...lcusDraft(path), id: newId() })

describe('hardware-file', () => {
  it('gives no devices and writes nothing when there is no hardware.json', async () => {
    const dir = await dirs.make()
    expect(await loadHardwareFile(join(dir, 'hardware.json'), collectingLogger())).toEqual([])
    expect(await readdir(dir)).toEqual([])
  })

  it('reads back what it saved and leaves no temporary file when saving twice', async () => {
    const dir = await dirs.make()
    const file = join(dir, 'hardware.json')
    const devices = [device('/dev/ttyUSB0'), device('/dev/ttyUSB1')]
    await saveHardwareFile(file, devices.slice(0, 1))
    await saveHardwareFile(file, devices)
    expect(await loadHardwareFile(file, collectingLogger())).toEqual(devices)
    expect(await readdir(dir)).toEqual(['hardware.json'])
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ version: 1 })
  })

  it('sets a damaged file aside and starts with no devices when hardware.json is not JSON', async () => {
    const dir = await dirs.make()
    const file = join(dir, 'hardware.json')
    await writeFile(file, '{"version": 1, "devices": [')
    const log = collectingLogger()
    expect(await loadHardwareFile(file, log)).toEqual([])
    const names = await readdir(dir)
    expect(names.filter((n) => /^hardware\.json\.damaged-\d+$/.test(n))).toHaveLength(1)
    expect(names).not.toContain('hardware.json')
    expect(log.lines.some((l) => l.startsWith('warn hardware:') && l.includes('damaged'))).toBe(true)
  })

  it('keeps the good devices and a copy of the file when some entries are bad', async () => {
    const dir = await dirs.make()
    const file = join(dir, 'hardware.json')
    const good = device('/dev/ttyUSB0')
    const bad = { ...device('/dev/ttyUSB1'), transport: { kind: 'tcp', host: 'http://evil', port: 80 } }
    await writeFile(file, JSON.stringify({ version: 1, devices: [good, bad, good] }))
    const log = collectingLogger()
    expect(await loadHardwareFile(file, log)).toEqual([good])
    const names = await readdir(dir)
    expect(names).toContain('hardware.json')
    const aside = names.find((n) => n.startsWith('hardware.json.damaged-'))
    expect(aside).toBeDefined()
    expect(JSON.parse(await readFile(join(dir, aside ?? ''), 'utf8'))).toMatchObject({ devices: [good, bad, good] })
    expect(log.lines.some((l) => l.includes('duplicate id'))).toBe(true)
  })

  it('answers a Result code, not a crash, when the folder cannot be written', async () => {
    const dir = await dirs.make()
    await expect(saveHardwareFile(join(dir, 'missing', 'hardware.json'), [])).rejects.toMatchObject({
      code: 'not-found',
    })
  })
})
