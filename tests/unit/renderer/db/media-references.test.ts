import { afterEach, describe, expect, it } from 'vitest'
import { createDatabase, type DaixaDb } from '../../../../src/renderer/db/database'
import { addRecordedAnnouncement } from '../../../../src/renderer/db/queries/announcements'
import { referencedMediaHashes } from '../../../../src/renderer/db/queries/media-references'
import { dropDatabase, uniqueDbName } from './migration-harness'

const hash = (c: string) => c.repeat(64)
let db: DaixaDb
afterEach(() => dropDatabase(db))

describe('db/queries/media-references', () => {
  it('finds every hash any row names, in any table and at any depth', async () => {
    db = createDatabase(uniqueDbName('refs'))
    await db.open()
    await addRecordedAnnouncement(db, {
      ...{ hash: hash('a'), sampleRate: 48_000, channels: 1, sampleCount: 48_000, durationMs: 1000 },
      ...{ sizeBytes: 96_044, startedAt: '2026-03-08T01:30:00.000Z', title: 'Thông báo' },
    })
    await db.programs.put({
      ...{ id: 'p1', title: 'Tin tỉnh', priority: 'normal', validFrom: null, validTo: null, serverVersion: 1 },
      ...{ updatedAt: '2026-03-08T01:30:00.000Z', mediaHash: hash('b') },
    })
    await db.settings.put({ key: 'bulletins.jingle.default-intro', value: { hash: hash('c'), durationMs: 900 } })
    // A table's row shape the walk has never seen: a render cache keyed by something else.
    await db.settings.put({ key: 'render-cache', value: { entries: [{ key: 'x', files: [{ file: hash('d') }] }] } })
    await db.settings.put({ key: 'noise', value: { text: 'not-a-hash', n: 64, bytes: new Uint8Array(64) } })
    expect([...(await referencedMediaHashes(db))].sort()).toEqual([hash('a'), hash('b'), hash('c'), hash('d')])
  })
})
