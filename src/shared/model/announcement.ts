/** An announcement (tin / bài / thông báo): local content the commune produces. */
import { z } from 'zod'
import { inputAudioSchema } from '../audio/decode-args'
import { editListSchema } from '../editor/edit-list'
import { renditionRefSchema } from '../editor/rendition'
import { idSchema, mediaHashSchema } from '../ids'
import { approvalStateSchema, contentKindSchema, instantSchema, priorityClassSchema } from './common'

export const announcementSourceSchema = z.enum(['recording', 'import', 'speech', 'bulletin'])

export const announcementSchema = z.object({
  id: idSchema,
  title: z.string().max(300),
  kind: contentKindSchema,
  /** BCP 47 tag: 'vi', 'km' (Khmer), … */
  language: z.string().min(2).max(20),
  priority: priorityClassSchema,
  approval: approvalStateSchema,
  source: announcementSourceSchema,
  mediaHash: mediaHashSchema,
  durationMs: z.number().nonnegative(),
  /** A topic the officer chooses (NĐ 49/2024 Art. 6); '' = not categorised. */
  category: z.string().max(200),
  /** Author or source of the content (royalties are paid for the commune's own work); null = unknown. */
  author: z.string().max(200).nullable(),
  /** Validity window: the content must not be broadcast outside it. null = open. */
  validFrom: instantSchema.nullable(),
  validTo: instantSchema.nullable(),
  /** Who approved it and when (set when `approval` becomes 'approved'). */
  approvedBy: z.string().max(200).nullable(),
  approvedAt: instantSchema.nullable(),
  createdAt: instantSchema,
  updatedAt: instantSchema,
  /** The province's version of this announcement; absent/null until it holds it (set by sync). */
  serverVersion: z.number().int().positive().nullable().optional(),
  /** Province-owned moderation as last pulled; absent/null until the province has reviewed it. */
  moderation: z
    .object({
      status: z.enum(['pending', 'approved', 'rejected']),
      reviewedBy: z.string().max(200).nullable(),
      reviewedAt: instantSchema.nullable(),
      reason: z.string().max(1000).nullable(),
    })
    .nullable()
    .optional(),
  /** Whether the province holds verified audio for it; absent/null until pulled. */
  mediaStatus: z.enum(['awaiting-media', 'ready']).nullable().optional(),
  /**
   * The editor's non-destructive edit list (cuts, fades, gain, markers, loudness); absent/null = the
   * take as recorded. The media file itself is never altered; `durationMs` stays the source's length.
   */
  editList: editListSchema.nullable().optional(),
  /**
   * The rendered audio of the current edit list (what airs, goes into bulletins, is exported and
   * uploaded); absent/null while it is not rendered, or when the edit list changes nothing (the
   * source airs). Cleared whenever the edit list's audio changes (docs/audio.md, "Renditions").
   */
  rendition: renditionRefSchema.nullable().optional(),
})
export type Announcement = z.infer<typeof announcementSchema>

/** A file in the media store as the renderer knows it, with its upload state. */
export const mediaAssetSchema = z.object({
  hash: mediaHashSchema,
  sizeBytes: z.number().int().nonnegative(),
  durationMs: z.number().nonnegative(),
  sampleRate: z.number().int().positive(),
  channels: z.number().int().positive(),
  createdAt: instantSchema,
  uploadState: z.enum(['local', 'uploading', 'uploaded']),
  uploadedBytes: z.number().int().nonnegative(),
  /**
   * For an imported file: the officer's file as it came (codec, rate, channels), read from its
   * header; `sampleRate`/`channels` above describe the stored WAV (always mono 44.1 kHz for an
   * import). Absent for recordings (stored as captured) and files the app made.
   */
  input: inputAudioSchema.nullable().optional(),
})
export type MediaAsset = z.infer<typeof mediaAssetSchema>
