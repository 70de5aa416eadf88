/**
 * settings: the station's preferences kept by the main side (a JSON file in the data folder),
 * because the host needs some of them before any window exists (menu language, update feed).
 */
import { z } from 'zod'
import { languageSchema } from './app'
import { command, event } from './define'

const preferenceFields = {
  language: languageSchema,
  microphoneId: z.string().max(512).nullable(),
  outputDeviceId: z.string().max(512).nullable(),
  /** The recording guard: recording stops by itself at this length. */
  maxRecordingMinutes: z.number().int().min(1).max(240),
  /** electron-updater generic feed; null disables update checks. */
  updateFeedUrl: z.url({ protocol: /^https?$/ }).nullable(),
  /** The station's loudness target for "Chuẩn hóa âm lượng" (EBU R128 integrated, true-peak ceiling). */
  loudness: z.object({
    targetLufs: z.number().min(-40).max(-5),
    ceilingDbtp: z.number().min(-12).max(0),
  }),
  /** Bit rate of exported MP3 (the upload format): mono 44.1 kHz CBR. */
  mp3BitrateKbps: z.number().int().min(64).max(128),
}

export const preferencesSchema = z.object({
  language: preferenceFields.language.default('vi'),
  microphoneId: preferenceFields.microphoneId.default(null),
  outputDeviceId: preferenceFields.outputDeviceId.default(null),
  maxRecordingMinutes: preferenceFields.maxRecordingMinutes.default(60),
  updateFeedUrl: preferenceFields.updateFeedUrl.default(null),
  loudness: preferenceFields.loudness.default({ targetLufs: -16, ceilingDbtp: -1 }),
  mp3BitrateKbps: preferenceFields.mp3BitrateKbps.default(96),
})
export type Preferences = z.infer<typeof preferencesSchema>

// Built from the fields without their defaults: zod 4 fills defaults even inside optional keys,
// so `preferencesSchema.partial()` would turn {language:'en'} into a patch that resets the rest.
export const preferencesPatchSchema = z.object(preferenceFields).partial().strict()
export type PreferencesPatch = z.infer<typeof preferencesPatchSchema>

export const settingsCommands = {
  'settings:get': command(z.object({}), preferencesSchema),
  'settings:update': command(preferencesPatchSchema, preferencesSchema),
}

export const settingsEvents = {
  'settings:changed': event(preferencesSchema),
}
