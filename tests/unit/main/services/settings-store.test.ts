import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Preferences } from '../../../../src/shared/ipc/settings'
import { createSettingsStore } from '../../../../src/main/services/settings-store'
import { collectingLogger } from '../../helpers/collecting-logger'
import { tempDirs } from '../../helpers/temp-dir'

const dirs = tempDirs()
afterEach(() => dirs.cleanup())

const DEFAULTS: Preferences = {
  language: 'vi',
  microphoneId: null,
  outputDeviceId: null,
  maxRecordingMinutes: 60,
  minRecordingSeconds: 1,
  updateFeedUrl: null,
  loudness: { targetLufs: -16, ceilingDbtp: -1 },
  mp3BitrateKbps: 96,
  prefetch: { budgetMb: 2048, horizonDays: 7 },
}

describe('settings-store', () => {
  it('gives the defaults with Vietnamese when there is no settings file', async () => {
    const dir = await dirs.make()
    const store = await createSettingsStore(dir, collectingLogger())
    expect(store.get()).toEqual(DEFAULTS)
    expect(await readdir(dir)).toEqual([])
  })

  it('persists an update so that a new store reads it back', async () => {
    const dir = await dirs.make()
    const first = await createSettingsStore(dir, collectingLogger())
    const saved = await first.update({ language: 'en', maxRecordingMinutes: 90, microphoneId: 'usb-mic-1' })
    expect(saved).toEqual({ ...DEFAULTS, language: 'en', maxRecordingMinutes: 90, microphoneId: 'usb-mic-1' })
    expect(first.get()).toEqual(saved)
    const onDisk: unknown = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))
    expect(onDisk).toEqual(saved)
    // No temporary files are left from the atomic write.
    expect(await readdir(dir)).toEqual(['settings.json'])

    const second = await createSettingsStore(dir, collectingLogger())
    expect(second.get()).toEqual(saved)
  })

  it('keeps earlier values when a later update changes another field', async () => {
    const dir = await dirs.make()
    const store = await createSettingsStore(dir, collectingLogger())
    await store.update({ maxRecordingMinutes: 15 })
    const next = await store.update({ outputDeviceId: 'speaker-2' })
    expect(next.maxRecordingMinutes).toBe(15)
    expect(next.outputDeviceId).toBe('speaker-2')
  })

  it('moves a damaged file aside and uses the defaults when settings.json is not JSON', async () => {
    const dir = await dirs.make()
    await writeFile(join(dir, 'settings.json'), '{"language": "en", ')
    const log = collectingLogger()
    const store = await createSettingsStore(dir, log)
    expect(store.get()).toEqual(DEFAULTS)
    const names = await readdir(dir)
    const aside = names.filter((n) => /^settings\.json\.damaged-\d+$/.test(n))
    expect(aside).toHaveLength(1)
    expect(names).not.toContain('settings.json')
    expect(await readFile(join(dir, aside[0] ?? ''), 'utf8')).toBe('{"language": "en", ')
    expect(log.lines.some((l) => l.startsWith('warn settings:'))).toBe(true)
  })

  it('moves a file aside when its JSON does not match the schema', async () => {
    const dir = await dirs.make()
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ language: 'fr', maxRecordingMinutes: 10 }))
    const store = await createSettingsStore(dir, collectingLogger())
    expect(store.get()).toEqual(DEFAULTS)
    expect((await readdir(dir)).some((n) => n.startsWith('settings.json.damaged-'))).toBe(true)
    // The next update writes a fresh, valid file.
    await store.update({ language: 'en' })
    const reread = await createSettingsStore(dir, collectingLogger())
    expect(reread.get().language).toBe('en')
  })

  it('rejects an update and keeps the current values when the merged preferences are invalid', async () => {
    const dir = await dirs.make()
    const store = await createSettingsStore(dir, collectingLogger())
    await expect(store.update({ maxRecordingMinutes: 0 })).rejects.toThrow()
    expect(store.get()).toEqual(DEFAULTS)
    expect(await readdir(dir)).toEqual([])
  })

  it('calls onChange listeners with the new preferences until they unsubscribe', async () => {
    const dir = await dirs.make()
    const store = await createSettingsStore(dir, collectingLogger())
    const seenA: Preferences[] = []
    const seenB: Preferences[] = []
    const offA = store.onChange((p) => seenA.push(p))
    const offB = store.onChange((p) => seenB.push(p))
    await store.update({ language: 'en' })
    offA()
    await store.update({ language: 'vi' })
    offB()
    await store.update({ maxRecordingMinutes: 5 })
    expect(seenA.map((p) => p.language)).toEqual(['en'])
    expect(seenB.map((p) => p.language)).toEqual(['en', 'vi'])
    expect(store.get().maxRecordingMinutes).toBe(5)
  })

  it('maps a failed save to a ServiceError when the folder is gone', async () => {
    const dir = await dirs.make()
    const store = await createSettingsStore(join(dir, 'missing'), collectingLogger())
    await expect(store.update({ language: 'en' })).rejects.toMatchObject({ name: 'ServiceError', code: 'not-found' })
    expect(store.get().language).toBe('vi')
  })
})
