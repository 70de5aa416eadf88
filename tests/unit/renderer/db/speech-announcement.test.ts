import { afterEach, describe, expect, it } from 'vitest'
import { createDatabase, type DaixaDb } from '../../../../src/renderer/db/database'
import { addSpeechAnnouncement } from '../../../../src/renderer/db/queries/announcements'
import { dropDatabase, uniqueDbName } from './migration-harness'

let db: DaixaDb
afterEach(async () => dropDatabase(db))

describe('addSpeechAnnouncement', () => {
  it('stores a speech draft, its media asset and one outbox create in one go', async () => {
    db = createDatabase(uniqueDbName('speech'))
    await db.open()
    const media = { hash: 'd'.repeat(64), sizeBytes: 882_044, durationMs: 10_000, sampleRate: 44_100 }
    const a = await addSpeechAnnouncement(db, media, 'Tiêm phòng', new Date('2026-11-23T01:00:00Z'))
    expect(a).toMatchObject({
      source: 'speech',
      approval: 'draft',
      language: 'vi',
      mediaHash: media.hash,
      durationMs: 10_000,
    })
    expect(await db.mediaAssets.get(media.hash)).toMatchObject({
      channels: 1,
      sampleRate: 44_100,
      uploadState: 'local',
    })
    const outbox = await db.outbox.toArray()
    expect(outbox).toHaveLength(1)
    expect(outbox[0]).toMatchObject({ entity: 'announcement', entityId: a.id, op: 'create' })
  })
})
