/**
 * Province API v1 — audio files: registered by SHA-256, uploaded with tus 1.0, verified by the server.
 *
 * Wire format:
 *   1. `POST /v1/media/uploads` {sha256, size, mime, announcementId} → the asset's state and, unless
 *      the province already holds these bytes (`verified`), where and how to upload them: the tus
 *      creation endpoint and the `Upload-Metadata` to send (keys below, values base64 as tus says).
 *   2. tus 1.0 core + creation + expiration + termination at that endpoint (`/files` on the
 *      reference server), `Authorization: Bearer …` on every request. An interrupted PATCH keeps
 *      what arrived; the client resumes from the `Upload-Offset` its HEAD returns.
 *   3. After the last byte the server recomputes SHA-256 and compares it (and the size) with the
 *      metadata. Match → the asset is `verified`, and every announcement of the commune whose
 *      `mediaHash` is that hash becomes `ready` (a change pulled like any other). Mismatch → the final
 *      PATCH is answered 460 `checksum-mismatch`, the upload is removed and the asset is `rejected`
 *      with a reason.
 *   4. `GET /v1/media/{sha256}` tells whether the province holds verified bytes: the final PATCH's
 *      answer can be lost, so the client marks its file uploaded only after this says `verified`.
 *   5. `GET /v1/media/{sha256}/content` sends the bytes down (a province programme's audio, or a
 *      file the commune uploaded): `Range: bytes=<from>-` resumes a cut download (206 with
 *      `Content-Range`), `If-Range: "<sha256>"` with it (the ETag is the quoted hash: the bytes of a
 *      hash never change). Always the identity coding — audio does not shrink under gzip, and a
 *      range of a gzipped answer would count bytes of the gzip stream — so the server never sets
 *      `Content-Encoding` and a client refuses an answer that has one. A hash the commune may not
 *      read, or the province has no file for, is 404 `not-found`; a range starting at or past the
 *      end is 416 `range-not-satisfiable` with `Content-Range: bytes *\/<size>`. The client checks
 *      the SHA-256 of what it received before using it.
 *
 * Example:
 *   POST /v1/media/uploads {"sha256":"9f86…","size":1048576,"mime":"audio/wav","announcementId":"0190…"}
 *   200 {"asset":{"sha256":"9f86…","status":"missing",…},"upload":{"endpoint":"/files",
 *        "metadata":{"sha256":"9f86…","size":"1048576","mime":"audio/wav","announcementId":"0190…"}},"serverTime":"…"}
 *
 * Reference: tus 1.0 (tus.io/protocols/resumable-upload), Replicache blob recipe, sync notes §6.8.
 */
import { z } from 'zod'
import { idSchema } from '../ids'
import { named, provinceInstantSchema, withServerTime } from './common'
import { mediaHashRefSchema } from './entities'

/** Largest accepted audio file: 500 MB (an hour of 16-bit 44.1 kHz stereo WAV is ~635 MB; use mono). */
export const MAX_MEDIA_BYTES = 500 * 1024 * 1024

export const mediaMimeSchema = z.string().regex(/^audio\/[a-z0-9.+-]+$/, 'expected an audio/* media type')

export const createMediaUploadRequestSchema = named(
  'CreateMediaUploadRequest',
  z.object({
    sha256: mediaHashRefSchema,
    size: z.number().int().positive().max(MAX_MEDIA_BYTES),
    mime: mediaMimeSchema,
    announcementId: idSchema,
  }),
)
export type CreateMediaUploadRequest = z.infer<typeof createMediaUploadRequestSchema>

/** tus `Upload-Metadata` keys and their (decoded, string) values. The commune comes from the token. */
export const tusMetadataSchema = named(
  'TusMetadata',
  z.object({
    sha256: mediaHashRefSchema,
    size: z.string().regex(/^[1-9]\d{0,11}$/),
    mime: mediaMimeSchema,
    announcementId: idSchema,
  }),
)
export type TusMetadata = z.infer<typeof tusMetadataSchema>

export const mediaRejectionReasonSchema = z.enum(['sha256-mismatch', 'size-mismatch'])

export const mediaAssetStateSchema = named(
  'MediaAssetState',
  z.object({
    sha256: mediaHashRefSchema,
    /** `missing`: no verified bytes yet (none uploaded, or an upload is in progress). */
    status: z.enum(['missing', 'verified', 'rejected']),
    size: z.number().int().positive().nullable(),
    mime: mediaMimeSchema.nullable(),
    verifiedAt: provinceInstantSchema.nullable(),
    /** Why the last finished upload was refused (`rejected`), else null. */
    reason: mediaRejectionReasonSchema.nullable(),
    message: z.string().nullable(),
  }),
)
export type MediaAssetState = z.infer<typeof mediaAssetStateSchema>

export const createMediaUploadResponseSchema = named(
  'CreateMediaUploadResponse',
  withServerTime({
    asset: mediaAssetStateSchema,
    /** null when the asset is already verified: nothing to upload. */
    upload: z.object({ endpoint: z.string().min(1), metadata: tusMetadataSchema }).nullable(),
  }),
)
export type CreateMediaUploadResponse = z.infer<typeof createMediaUploadResponseSchema>

export const mediaParamsSchema = z.object({ sha256: mediaHashRefSchema })

/** What `GET /v1/media/{sha256}/content` may answer: the formats the station plays (MP3, WAV). */
export const downloadMediaTypes = ['audio/mpeg', 'audio/wav'] as const
export type DownloadMediaType = (typeof downloadMediaTypes)[number]

/** The strong validator of a file: its quoted SHA-256 (RFC 9110 §8.8.3). */
export const mediaEtag = (sha256: string): string => `"${sha256}"`

export const mediaStatusResponseSchema = named('MediaStatusResponse', withServerTime({ asset: mediaAssetStateSchema }))
export type MediaStatusResponse = z.infer<typeof mediaStatusResponseSchema>
