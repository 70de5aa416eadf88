/**
 * settings: the station's preferences kept by the main side (a JSON file in the data folder),
 * because the host needs some of them before any window exists (menu language, update feed).
 */
import { z } from 'zod'
import { languageSchema } from './app'
import { command, event } from './define'

export const UPDATE_FEED_HTTPS_ONLY = 'the update feed must be an https:// address'

/** Whether an update feed address may be used (https only; the updater checks again). */
export const isHttpsFeed = (url: string): boolean => /^https:\/\/[^/?#\s]+/i.test(url)

const preferenceFields = {
  language: languageSchema,
  microphoneId: z.string().max(512).nullable(),
  outputDeviceId: z.string().max(512).nullable(),
  /** The line-in for relay items (the station's FM receiver); null: the system default input. */
  lineInDeviceId: z.string().max(512).nullable(),
  /** The recording guard: recording stops by itself at this length. */
  maxRecordingMinutes: z.number().int().min(1).max(240),
  /** Takes shorter than this are refused at stop (a slip of the finger, not an announcement). */
  minRecordingSeconds: z.number().min(0).max(30),
  /**
   * electron-updater generic feed; null disables update checks. https only: the sha512 in
   * `latest*.yml` proves nothing when whoever is on the network path can rewrite the YAML.
   */
  updateFeedUrl: z.url({ protocol: /^https$/, error: UPDATE_FEED_HTTPS_ONLY }).nullable(),
  /** The station's loudness target for "Chuẩn hóa âm lượng" (EBU R128 integrated, true-peak ceiling). */
  loudness: z.object({
    targetLufs: z.number().min(-40).max(-5),
    ceilingDbtp: z.number().min(-12).max(0),
  }),
  /** Bit rate of exported MP3 (the upload format): mono 44.1 kHz CBR. */
  mp3BitrateKbps: z.number().int().min(64).max(128),
  /** "Tên đài": written as the artist (ID3 TPE1) and publisher (TPUB) of exported MP3s; '' = none. */
  stationName: z.string().trim().max(200),
}

export const preferencesSchema = z.object({
  language: preferenceFields.language.default('vi'),
  microphoneId: preferenceFields.microphoneId.default(null),
  outputDeviceId: preferenceFields.outputDeviceId.default(null),
  // absent (settings files written before it) or null: the system default input. Left without a
  // zod default so existing settings round-trip unchanged.
  lineInDeviceId: preferenceFields.lineInDeviceId.optional(),
  maxRecordingMinutes: preferenceFields.maxRecordingMinutes.default(60),
  minRecordingSeconds: preferenceFields.minRecordingSeconds.default(1),
  // Read leniently (an http feed saved by an older version must not make the whole file "damaged");
  // the updater refuses it, and a new one cannot be saved (the patch schema below).
  updateFeedUrl: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .default(null),
  loudness: preferenceFields.loudness.default({ targetLufs: -16, ceilingDbtp: -1 }),
  mp3BitrateKbps: preferenceFields.mp3BitrateKbps.default(96),
  // absent (as in settings files written before it) or '': no station tag. Optional, like
  // lineInDeviceId, so existing settings round-trip unchanged.
  stationName: preferenceFields.stationName.optional(),
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
