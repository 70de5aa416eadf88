/**
 * The station's preferences as a JSON file in the data folder, validated on every read and
 * write. A damaged file is set aside (`settings.json.damaged-<time>`) and defaults are used, so
 * a bad edit never stops the station from starting.
 */
import { readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { preferencesSchema, type Preferences, type PreferencesPatch } from '../../shared/ipc/settings'
import { toServiceError } from './fs-errors'
import type { Logger } from './logger'
import { writeFileAtomic } from './media/media-store'

export interface SettingsStore {
  get(): Preferences
  update(patch: PreferencesPatch): Promise<Preferences>
  onChange(listener: (prefs: Preferences) => void): () => void
}

export async function createSettingsStore(dataDir: string, log: Logger): Promise<SettingsStore> {
  const file = join(dataDir, 'settings.json')
  const listeners = new Set<(prefs: Preferences) => void>()
  let current = preferencesSchema.parse({})
  const text = await readFile(file, 'utf8').catch(() => null)
  if (text !== null) {
    try {
      current = preferencesSchema.parse(JSON.parse(text))
    } catch (error) {
      const aside = `${file}.damaged-${Date.now()}`
      await rename(file, aside).catch(() => undefined)
      log.warn(`settings: ${file} was damaged (${String(error).slice(0, 200)}); moved to ${aside}, using defaults`)
    }
  }
  return {
    get: () => current,
    async update(patch) {
      const next = preferencesSchema.parse({ ...current, ...patch })
      try {
        await writeFileAtomic(file, JSON.stringify(next, null, 2))
      } catch (error) {
        throw toServiceError(error, 'settings: saving')
      }
      current = next
      for (const l of listeners) l(next)
      return next
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
