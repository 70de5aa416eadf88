/**
 * The per-item sync badge, as a pure function of what the window knows: outbox entries, open
 * rejections, the audio file's upload state and the engine's live upload progress.
 *
 *   badgeFor({ id, mediaHash }, { pendingIds, rejected, media, uploads }) → { kind: 'uploading', percent: 45 }
 *
 * Order: rejected (the officer must act) → uploading (live progress, else a half-confirmed file)
 * → only on this computer (changes waiting, or audio not yet verified) → on the province.
 */
import type { UploadProgress } from '../status'

export type SyncBadge =
  | { kind: 'only-local' }
  | { kind: 'uploading'; percent: number }
  | { kind: 'on-province' }
  | { kind: 'rejected'; reason: string; message: string }

export interface BadgeMedia {
  uploadState: 'local' | 'uploading' | 'uploaded'
  uploadedBytes: number
  sizeBytes: number
}

export interface BadgeInputs {
  /** `entityId`s with an outbox entry waiting. */
  pendingIds: ReadonlySet<string>
  /** Open (not dismissed) rejections by `entityId`: the latest one. */
  rejected: ReadonlyMap<string, { reason: string; message?: string }>
  /** Media assets by hash. */
  media: ReadonlyMap<string, BadgeMedia>
  /** The engine's uploads in progress. */
  uploads: readonly UploadProgress[]
}

export interface BadgeItem {
  id: string
  mediaHash: string | null
}

const percentOf = (done: number, total: number): number =>
  total <= 0 ? 0 : Math.min(100, Math.max(0, Math.floor((done / total) * 100)))

export function badgeFor(item: BadgeItem, inputs: BadgeInputs): SyncBadge {
  const rejection = inputs.rejected.get(item.id)
  if (rejection) return { kind: 'rejected', reason: rejection.reason, message: rejection.message ?? '' }
  const hash = item.mediaHash
  const live = hash === null ? undefined : inputs.uploads.find((u) => u.hash === hash)
  if (live) return { kind: 'uploading', percent: percentOf(live.sentBytes, live.totalBytes) }
  const media = hash === null ? undefined : inputs.media.get(hash)
  if (media?.uploadState === 'uploading')
    return { kind: 'uploading', percent: percentOf(media.uploadedBytes, media.sizeBytes) }
  if (inputs.pendingIds.has(item.id)) return { kind: 'only-local' }
  if (media && media.uploadState !== 'uploaded') return { kind: 'only-local' }
  return { kind: 'on-province' }
}
