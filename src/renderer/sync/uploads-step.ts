/**
 * Uploads: audio bytes travel outside the sync log, content-addressed by SHA-256. For each file
 * the uploader reports pending: declare it (`createMediaUpload`; no target = the province already
 * holds these bytes), let the uploader send it (tus, resumable, in the main process in the app),
 * then ask `mediaStatus`: only `verified` marks it uploaded — the last answer of an upload can be
 * lost. A file the province refused (hash mismatch) is reported and the next file goes on.
 */
import type { ConnectorError } from '../../shared/province/connector'
import { stepOk, type StepContext, type StepResult } from './step-context'
import type { PendingMedia } from './types'

const refused = (media: PendingMedia, message: string): ConnectorError => ({
  code: 'checksum-mismatch',
  message: `${media.hash}: ${message}`,
  status: null,
  retryable: false,
  retryAfterMs: null,
  serverTime: null,
})

async function uploadOne(ctx: StepContext, media: PendingMedia): Promise<StepResult> {
  const { hash, size, mime, announcementId } = media
  const declared = await ctx.call((auth) =>
    ctx.connector.createMediaUpload(auth, { sha256: hash, size, mime, announcementId }),
  )
  if (!declared.ok) return declared
  ctx.onServerTime(declared.value.serverTime)
  if (declared.value.upload !== null) {
    const target = await ctx.call(async (auth) => {
      const value = ctx.connector.mediaUploadTarget(auth, declared.value)
      return Promise.resolve({ ok: true as const, value })
    })
    if (target.ok && target.value !== null && ctx.uploader) {
      ctx.onUploadProgress(hash, 0, size)
      const sent = await ctx.uploader.upload(media, target.value, (bytes) => ctx.onUploadProgress(hash, bytes, size))
      if (!sent.ok) return sent
    }
  }
  const status = await ctx.call((auth) => ctx.connector.mediaStatus(auth, hash))
  if (!status.ok) return status
  ctx.onUploadProgress(hash, size, null)
  switch (status.value.asset.status) {
    case 'verified':
      await ctx.uploader?.markVerified(hash)
      return stepOk
    case 'rejected':
      return { ok: false, error: refused(media, status.value.asset.message ?? 'refused') }
    case 'missing':
      return { ok: false, error: { ...refused(media, 'not verified yet'), code: 'unavailable', retryable: true } }
  }
}

export async function uploadsStep(ctx: StepContext): Promise<StepResult> {
  if (!ctx.uploader) return stepOk
  const pending = await ctx.uploader.pending()
  let firstError: StepResult = stepOk
  for (const media of pending) {
    const result = await uploadOne(ctx, media)
    if (result.ok) continue
    if (result.error.retryable || result.error.status === 401) return result
    if (firstError.ok) firstError = result
  }
  return firstError
}
