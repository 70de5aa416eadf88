/**
 * Which audio the province receives (docs/sync.md): the audio that airs. An edited announcement
 * is pushed with its rendition's hash and length, only the rendition is uploaded (the app's own
 * `pendingMedia` says what to send), the province verifies it and marks the announcement ready —
 * and the pull back keeps this computer's source and edit list (the editor still works on them).
 * Then the officer edits again: the next rendition replaces it on the province the same way.
 */
import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { renditionKey } from '../../../src/renderer/audio/renditions/rendition-key'
import { saveEditList } from '../../../src/renderer/db/queries/announcements'
import { attachRendition } from '../../../src/renderer/db/queries/renditions'
import { pendingMedia } from '../../../src/renderer/db/queries/sync-media'
import { emptyEditList, type EditList } from '../../../src/shared/editor/edit-list'
import type { DaixaDb } from '../../../src/renderer/db/database'
import { communeState, localCreate, syncToQuiescence } from './helpers'
import { useProvinceServer } from './server-fixture'
import { createTusUploader, sha256, type TestUploader } from './tus-uploader'

const province = useProvinceServer({ healFaults: true })

/** Renders (here: made-up bytes standing for the WAV), attaches, and hands the uploader what the app would send. */
async function rendered(db: DaixaDb, id: string, list: EditList, uploader: TestUploader, durationMs: number) {
  const bytes = randomBytes(20 * 1024)
  const file = { hash: sha256(bytes), durationMs, sizeBytes: bytes.length }
  await attachRendition(db, id, list, await renditionKey(list), file)
  const pending = await pendingMedia(db)
  for (const media of pending) if (media.hash === file.hash) uploader.add(media, bytes)
  return { file, pending: pending.map((m) => m.hash) }
}

describe('the province receives the audio that airs', () => {
  it('pushes and uploads the rendition, keeps the local source, and follows a new edit', async () => {
    const uploader = createTusUploader()
    const c = await province.client({ uploader })
    const source = randomBytes(30 * 1024)
    const a = await localCreate(c.db, 'Thông báo cắt điện', sha256(source))
    const list: EditList = {
      ...emptyEditList(a.mediaHash, 1000),
      ops: [{ kind: 'delete', startMs: 0, endMs: 200 }],
      processing: { normalizeGainDb: 6.5, isDenoised: false, targetLufs: -16, ceilingDbtp: -1 },
    }
    await saveEditList(c.db, a.id, list)
    const first = await rendered(c.db, a.id, list, uploader, 800)
    // The source is not sent: the province never holds the raw take.
    expect(first.pending).toEqual([first.file.hash])

    await syncToQuiescence(c.engine, c.db)
    const state = await communeState(province.url)
    expect(state.records[`announcement:${a.id}`]?.data).toMatchObject({
      mediaHash: first.file.hash,
      durationMs: 800,
      mediaStatus: 'ready',
    })
    expect(state.media[first.file.hash]?.status).toBe('verified')
    expect(state.media[a.mediaHash]).toBeUndefined()
    expect(await c.db.announcements.get(a.id)).toMatchObject({
      mediaHash: a.mediaHash,
      durationMs: 1000,
      editList: list,
      rendition: { hash: first.file.hash },
      mediaStatus: 'ready',
    })

    // A new edit: not rendered yet, the province keeps the last rendition; rendered, it is replaced.
    const shorter: EditList = { ...list, ops: [...list.ops, { kind: 'delete', startMs: 600, endMs: 800 }] }
    await saveEditList(c.db, a.id, shorter)
    await syncToQuiescence(c.engine, c.db)
    expect((await communeState(province.url)).records[`announcement:${a.id}`]?.data).toMatchObject({
      mediaHash: first.file.hash,
    })
    const second = await rendered(c.db, a.id, shorter, uploader, 600)
    await syncToQuiescence(c.engine, c.db)
    const after = await communeState(province.url)
    expect(after.records[`announcement:${a.id}`]?.data).toMatchObject({
      mediaHash: second.file.hash,
      durationMs: 600,
      mediaStatus: 'ready',
    })
    expect(await c.db.announcements.get(a.id)).toMatchObject({
      mediaHash: a.mediaHash,
      editList: shorter,
      rendition: { hash: second.file.hash },
    })
  })
})
