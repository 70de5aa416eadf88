/**
 * uploads: audio files sent to the province by tus 1.0, streamed from the media store by the main
 * process. The sync engine (renderer) declares the file to the province, gets the tus endpoint and
 * asks main to upload; main keeps each upload's URL and confirmed offset in `uploads.json`, so an
 * upload interrupted by a cut link, a stall or an app restart resumes where the server says it is.
 *
 * `uploads:run` answers when the upload has finished or stopped: `complete`, or an error whose
 * code says what to do (`disconnected`: retry later; `not-found`: no such local file; `conflict`:
 * the province refused the bytes). Progress arrives meanwhile as `uploads:progress`.
 */
import { z } from 'zod'
import { mediaHashSchema } from '../ids'
import { command, event } from './define'

const isLoopbackHost = (host: string): boolean =>
  host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host)

/** The province is reached over TLS; plain http only on the loopback (tests, the reference server). */
export const provinceUrlSchema = z.url().refine((raw) => {
  // src/shared has no DOM `URL`; z.url() has already checked the shape.
  const m = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(raw)
  const scheme = m?.[1]?.toLowerCase()
  const host = m?.[2]?.toLowerCase() ?? ''
  return scheme === 'https' || (scheme === 'http' && isLoopbackHost(host))
}, 'the province server must be reached over https (plain http only on this computer)')

const headerName = z.string().regex(/^[A-Za-z0-9-]{1,64}$/)

export const uploadTargetSchema = z.object({
  endpoint: provinceUrlSchema,
  headers: z.record(headerName, z.string().max(4096)),
  metadata: z.record(z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/), z.string().max(1024)),
})
export type UploadTarget = z.infer<typeof uploadTargetSchema>

export const uploadProgressSchema = z.object({
  hash: mediaHashSchema,
  /** Bytes the province has confirmed (its Upload-Offset). */
  confirmedBytes: z.number().int().nonnegative(),
  /** Bytes written to the connection in this attempt, confirmed or not. */
  sentBytes: z.number().int().nonnegative(),
  size: z.number().int().nonnegative(),
})
export type UploadProgress = z.infer<typeof uploadProgressSchema>

export const uploadStateSchema = z.object({
  hash: mediaHashSchema,
  uploadUrl: z.string().nullable(),
  confirmedBytes: z.number().int().nonnegative(),
  size: z.number().int().nonnegative(),
  state: z.enum(['pending', 'running', 'complete']),
  updatedAt: z.iso.datetime(),
})
export type UploadState = z.infer<typeof uploadStateSchema>

export const uploadsCommands = {
  'uploads:run': command(
    z.object({ hash: mediaHashSchema, target: uploadTargetSchema }),
    z.object({ hash: mediaHashSchema, size: z.number().int().nonnegative(), bytesSentTotal: z.number().int() }),
  ),
  'uploads:list': command(z.object({}), z.object({ uploads: z.array(uploadStateSchema) })),
  'uploads:cancel': command(z.object({ hash: mediaHashSchema }), z.object({ wasRunning: z.boolean() })),
}

export const uploadsEvents = {
  'uploads:progress': event(uploadProgressSchema),
}
