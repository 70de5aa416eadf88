/**
 * A `MediaUploader` for tests in Node: real tus 1.0 uploads with tus-js-client from in-memory
 * buffers to the reference server's tus endpoint. (The app's uploader streams from disk in the
 * main process; this one shares the same contract.)
 */
import { createHash } from 'node:crypto'
import { Upload } from 'tus-js-client'
import type { ConnectorError } from '../../../src/shared/province/connector'
import type { MediaUploader, PendingMedia, UploadOutcome } from '../../../src/renderer/sync/types'

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex')

const failed = (message: string): ConnectorError => ({
  code: 'network',
  message,
  status: null,
  retryable: true,
  retryAfterMs: null,
  serverTime: null,
})

export interface TestUploader extends MediaUploader {
  add(media: PendingMedia, bytes: Buffer): void
  verified: Set<string>
  /** Upload-Offset of every PATCH sent, per hash (to see resumes). */
  patchOffsets: Map<string, number[]>
}

export function createTusUploader(options: { chunkSize?: number; retryDelays?: number[] } = {}): TestUploader {
  const files = new Map<string, { media: PendingMedia; bytes: Buffer }>()
  const urls = new Map<string, string>()
  const verified = new Set<string>()
  const patchOffsets = new Map<string, number[]>()
  return {
    verified,
    patchOffsets,
    add: (media, bytes) => void files.set(media.hash, { media, bytes }),
    pending: () => Promise.resolve([...files.values()].filter((f) => !verified.has(f.media.hash)).map((f) => f.media)),
    markVerified: (hash) => {
      verified.add(hash)
      urls.delete(hash)
      return Promise.resolve()
    },
    upload: (media, target, onProgress) =>
      new Promise<UploadOutcome>((resolve) => {
        const file = files.get(media.hash)
        if (!file) return resolve({ ok: false, error: failed(`no bytes for ${media.hash}`) })
        const offsets = patchOffsets.get(media.hash) ?? []
        patchOffsets.set(media.hash, offsets)
        const upload = new Upload(file.bytes, {
          endpoint: target.endpoint,
          uploadUrl: urls.get(media.hash) ?? null,
          headers: target.headers,
          metadata: target.metadata,
          chunkSize: options.chunkSize ?? 64 * 1024,
          retryDelays: options.retryDelays ?? [0, 50, 100, 200],
          storeFingerprintForResuming: false,
          onBeforeRequest: (req) => {
            if (req.getMethod() === 'PATCH') offsets.push(Number(req.getHeader('Upload-Offset')))
          },
          onChunkComplete: (_size, accepted) => onProgress(accepted),
          onSuccess: () => resolve({ ok: true }),
          onError: (error) => {
            if (upload.url) urls.set(media.hash, upload.url)
            resolve({ ok: false, error: failed(error.message) })
          },
        })
        upload.start()
      }),
  }
}
