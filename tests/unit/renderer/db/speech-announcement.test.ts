import { afterEach, describe, expect, it } from 'vitest'
import { createDatabase, type DaixaDb } from '../../../../src/renderer/db/database'
import { addSpeechAnnouncement } from '../../../../src/renderer/db/queries/announcements'
import { airAudioOf } from '../../../../src/renderer/db/queries/renditions'
import { emptyEditList } from '../../../../src/shared/editor/edit-list'
import { dropDatabase, uniqueDbName } from './migration-harness'

let db: DaixaDb
afterEach(async () => dropDatabase(db))

describe('addSpeechAnnouncement', () => {
  it('stores a speech draft, its media asset and one outbox create in one go', async () => {
    db = createDatabase(uniqueDbName('speech'))
    await db.open()
    const media = { hash: 'd'.repeat(64), sizeBytes: 882_044, durationMs: 10_000, sampleRate: 44_100 }
    const a = await addSpeechAnnouncement(db, media, 'Tiêm phòng', {}, new Date('2026-11-23T01:00:00Z'))
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

  it('stores speech with its normalisation and rendition: the province is sent the normalised file', async () => {
    db = createDatabase(uniqueDbName('speech'))
    await db.open()
    const media = { hash: 'd'.repeat(64), sizeBytes: 882_044, durationMs: 10_000, sampleRate: 44_100 }
    const editList = {
      ...emptyEditList(media.hash, 10_000),
      processing: { normalizeGainDb: 3.4, isDenoised: false, targetLufs: -16, ceilingDbtp: -1 },
    }
    const rendition = { key: 'e'.repeat(64), hash: 'f'.repeat(64), durationMs: 10_000 }
    const a = await addSpeechAnnouncement(db, media, 'Tiêm phòng', { editList, rendition })
    expect(a).toMatchObject({ mediaHash: media.hash, editList, rendition })
    expect(airAudioOf(a)).toMatchObject({ state: 'ready', hash: rendition.hash })
    const [create] = await db.outbox.toArray()
    expect(create?.payload).toMatchObject({ mediaHash: rendition.hash, durationMs: 10_000 })
  })
})
