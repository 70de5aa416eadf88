/**
 * settings: the station's preferences kept by the main side (a JSON file in the data folder),
 * because the host needs some of them before any window exists (menu language, update feed).
 */
import { z } from 'zod'
import { languageSchema } from './app'
import { command, event } from './define'

export const preferencesSchema = z.object({
  language: languageSchema.default('vi'),
  microphoneId: z.string().max(512).nullable().default(null),
  outputDeviceId: z.string().max(512).nullable().default(null),
  /** The recording guard: recording stops by itself at this length. */
  maxRecordingMinutes: z.number().int().min(1).max(240).default(60),
  /** electron-updater generic feed; null disables update checks. */
  updateFeedUrl: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .default(null),
})
export type Preferences = z.infer<typeof preferencesSchema>

export const preferencesPatchSchema = preferencesSchema.partial().strict()
export type PreferencesPatch = z.infer<typeof preferencesPatchSchema>

export const settingsCommands = {
  'settings:get': command(z.object({}), preferencesSchema),
  'settings:update': command(preferencesPatchSchema, preferencesSchema),
}

export const settingsEvents = {
  'settings:changed': event(preferencesSchema),
}
