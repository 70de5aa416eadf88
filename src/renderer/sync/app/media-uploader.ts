/**
 * `MediaUploader` over the bridge: what is pending comes from Dexie (`mediaAssets.uploadState`
 * of files an announcement uses); the bytes go by tus from the main process (`uploads:run`,
 * resumable across cuts and restarts); progress arrives as `uploads:progress` and is written to
 * the asset (`uploading`, confirmed bytes) so badges survive a reload. Only the province's
 * `verified` makes a file `uploaded` (the engine calls `markVerified`).
 */
import type { ConnectorError } from '../../../shared/province/connector'
import type { ErrorCode } from '../../../shared/result'
import type { DaixaDb } from '../../db/database'
import { markMediaProgress, markMediaVerified, pendingMedia } from '../../db/queries/sync-media'
import type { MediaUploader, UploadOutcome } from '../types'
import type { BridgeCall, BridgeOn } from './bridge-port'

/** A thrown bridge error as the engine's `ConnectorError`: only `disconnected` is worth a retry. */
export function uploadError(error: unknown): ConnectorError {
  const code = (error as { code?: ErrorCode } | null)?.code ?? 'internal'
  const message = `uploads: ${code}: ${error instanceof Error ? error.message : String(error)}`
  const base = { message, status: null, retryAfterMs: null, serverTime: null }
  switch (code) {
    case 'disconnected':
      return { ...base, code: 'network', retryable: true }
    case 'conflict':
      return { ...base, code: 'checksum-mismatch', retryable: false }
    case 'not-found':
      return { ...base, code: 'not-found', retryable: false }
    case 'invalid-input':
      return { ...base, code: 'invalid-request', retryable: false }
    case 'unknown-command':
    case 'forbidden':
    case 'disk-full':
    case 'io':
    case 'corrupt':
    case 'too-short':
    case 'internal':
      return { ...base, code: 'internal', retryable: false }
  }
}

export interface BridgeMediaUploaderOptions {
  db: DaixaDb
  call: BridgeCall
  on: BridgeOn
}

export function bridgeMediaUploader({ db, call, on }: BridgeMediaUploaderOptions): MediaUploader {
  return {
    pending: () => pendingMedia(db),
    async upload(media, target, onProgress): Promise<UploadOutcome> {
      const unsubscribe = on('uploads:progress', (p) => {
        if (p.hash !== media.hash) return
        onProgress(p.confirmedBytes)
        void markMediaProgress(db, p.hash, p.confirmedBytes).catch(() => undefined)
      })
      try {
        await call('uploads:run', { hash: media.hash, target })
        return { ok: true }
      } catch (error) {
        return { ok: false, error: uploadError(error) }
      } finally {
        unsubscribe()
      }
    },
    markVerified: (hash) => markMediaVerified(db, hash),
  }
}
