import { afterEach, describe, expect, it } from 'vitest'
import { createDatabase, type DaixaDb } from '../../../../src/renderer/db/database'
import { addRecordedAnnouncement } from '../../../../src/renderer/db/queries/announcements'
import { markMediaProgress, markMediaVerified, pendingMedia } from '../../../../src/renderer/db/queries/sync-media'
import { itemBadge } from '../../../../src/renderer/db/queries/sync-status'
import { dropDatabase, uniqueDbName } from '../db/migration-harness'

let db: DaixaDb
afterEach(async () => dropDatabase(db))

const media = (hash: string) => ({
  hash,
  sampleRate: 44100,
  channels: 1,
  sampleCount: 44100,
  durationMs: 1000,
  sizeBytes: 88244,
  startedAt: '2026-11-23T00:00:00.000Z',
  title: 'Tin',
})

describe('db/queries/sync-media', () => {
  it('lists unverified files with an announcement that uses them, until the province verified them', async () => {
    db = createDatabase(uniqueDbName('sync-media'))
    await db.open()
    const a = await addRecordedAnnouncement(db, media('a'.repeat(64)))
    await addRecordedAnnouncement(db, media('b'.repeat(64)))
    expect((await pendingMedia(db)).map((m) => m.hash)).toEqual(['a'.repeat(64), 'b'.repeat(64)])
    expect((await pendingMedia(db))[0]).toEqual({
      hash: 'a'.repeat(64),
      size: 88244,
      mime: 'audio/wav',
      announcementId: a.id,
    })

    await markMediaProgress(db, 'a'.repeat(64), 40_000)
    expect(await db.mediaAssets.get('a'.repeat(64))).toMatchObject({ uploadState: 'uploading', uploadedBytes: 40_000 })
    expect(await itemBadge(db, 'announcement', a.id, 45)).toEqual({ kind: 'uploading', percent: 45 })
    await markMediaVerified(db, 'a'.repeat(64))
    expect(await db.mediaAssets.get('a'.repeat(64))).toMatchObject({ uploadState: 'uploaded', uploadedBytes: 88244 })
    expect((await pendingMedia(db)).map((m) => m.hash)).toEqual(['b'.repeat(64)])
    expect(await itemBadge(db, 'announcement', a.id)).toEqual({ kind: 'only-local' })
  })
})
