import { describe, expect, it } from 'vitest'
import { badgeFor, type BadgeInputs, type BadgeMedia } from '../../../../../src/renderer/sync/app/item-badge'

const HASH = 'a'.repeat(64)
const item = { id: 'ann-1', mediaHash: HASH }
const uploaded: BadgeMedia = { uploadState: 'uploaded', uploadedBytes: 1000, sizeBytes: 1000 }

const inputs = (patch: Partial<BadgeInputs> = {}): BadgeInputs => ({
  pendingIds: new Set(),
  rejected: new Map(),
  media: new Map([[HASH, uploaded]]),
  uploads: [],
  ...patch,
})

describe('renderer/sync/app/item-badge', () => {
  it('says on the province when nothing waits and the audio is verified', () => {
    expect(badgeFor(item, inputs())).toEqual({ kind: 'on-province' })
  })

  it('says only on this computer when a change waits in the outbox', () => {
    expect(badgeFor(item, inputs({ pendingIds: new Set(['ann-1']) }))).toEqual({ kind: 'only-local' })
  })

  it('says only on this computer when the audio is not uploaded yet', () => {
    const media = new Map([[HASH, { ...uploaded, uploadState: 'local' as const, uploadedBytes: 0 }]])
    expect(badgeFor(item, inputs({ media }))).toEqual({ kind: 'only-local' })
  })

  it('shows the live upload percentage (rounded down) while the engine uploads', () => {
    const uploads = [{ hash: HASH, sentBytes: 459, totalBytes: 1000 }]
    expect(badgeFor(item, inputs({ pendingIds: new Set(['ann-1']), uploads }))).toEqual({
      kind: 'uploading',
      percent: 45,
    })
  })

  it('shows the confirmed share of a half-uploaded file after a restart', () => {
    const media = new Map([[HASH, { uploadState: 'uploading' as const, uploadedBytes: 250, sizeBytes: 1000 }]])
    expect(badgeFor(item, inputs({ media }))).toEqual({ kind: 'uploading', percent: 25 })
  })

  it('puts a rejection first, with its reason and message', () => {
    const rejected = new Map([['ann-1', { reason: 'version-conflict', message: 'changed at the province' }]])
    const uploads = [{ hash: HASH, sentBytes: 1, totalBytes: 2 }]
    expect(badgeFor(item, inputs({ rejected, uploads }))).toEqual({
      kind: 'rejected',
      reason: 'version-conflict',
      message: 'changed at the province',
    })
  })

  it('never shows more than 100 % or less than 0 %', () => {
    expect(badgeFor(item, inputs({ uploads: [{ hash: HASH, sentBytes: 2000, totalBytes: 1000 }] }))).toEqual({
      kind: 'uploading',
      percent: 100,
    })
    expect(badgeFor(item, inputs({ uploads: [{ hash: HASH, sentBytes: 0, totalBytes: 0 }] }))).toEqual({
      kind: 'uploading',
      percent: 0,
    })
  })

  it('says on the province for an item without audio once nothing waits', () => {
    expect(badgeFor({ id: 'x', mediaHash: null }, inputs({ media: new Map() }))).toEqual({ kind: 'on-province' })
  })
})
