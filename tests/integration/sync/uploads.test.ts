import { randomBytes } from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../province-server/helpers'
import {
  communeState,
  createClient,
  faults,
  healFaults,
  localCreate,
  syncToQuiescence,
  type TestClient,
} from './helpers'
import { createTusUploader, sha256 } from './tus-uploader'

let server: TestServer
const clients: TestClient[] = []

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => server.stop())
afterEach(async () => {
  for (const c of clients.splice(0)) await c.close()
  await healFaults(server.url)
})

describe('sync engine uploads step (tus against the reference server)', () => {
  it('uploads the audio after its announcement, resumes a cut upload and pulls the announcement ready', async () => {
    const bytes = randomBytes(300 * 1024)
    const hash = sha256(bytes)
    const uploader = createTusUploader({ chunkSize: 100 * 1024 })
    const c = await createClient(server.url, { uploader })
    clients.push(c)
    const progress: number[] = []
    c.engine.subscribe((s) => {
      for (const u of s.uploads) progress.push(u.sentBytes)
    })
    const a = await localCreate(c.db, 'Có âm thanh', hash)
    uploader.add({ hash, size: bytes.length, mime: 'audio/wav', announcementId: a.id }, bytes)
    await faults(server.url, { script: [{ fault: 'reset-upload', path: '/files', method: 'PATCH' }] })

    await syncToQuiescence(c.engine, c.db)
    expect(uploader.verified.has(hash)).toBe(true)
    const offsets = uploader.patchOffsets.get(hash) ?? []
    // the cut chunk is resumed from the server's offset, never from zero again
    expect(offsets.filter((o) => o === 0)).toHaveLength(1)
    expect(offsets.length).toBeGreaterThan(3)
    expect(progress).toContain(bytes.length)

    const state = await communeState(server.url)
    expect(state.media[hash]?.status).toBe('verified')
    expect(state.records[`announcement:${a.id}`]?.data).toMatchObject({ mediaStatus: 'ready' })
    expect(await c.db.announcements.get(a.id)).toMatchObject({ mediaStatus: 'ready', serverVersion: 2 })
    expect(c.engine.status().uploads).toEqual([])
  })

  it('does not upload bytes the province already verified', async () => {
    const bytes = randomBytes(10 * 1024)
    const hash = sha256(bytes)
    const first = createTusUploader()
    const c = await createClient(server.url, { uploader: first })
    clients.push(c)
    const a = await localCreate(c.db, 'Lần một', hash)
    first.add({ hash, size: bytes.length, mime: 'audio/wav', announcementId: a.id }, bytes)
    await syncToQuiescence(c.engine, c.db)

    const second = createTusUploader()
    const d = await createClient(server.url, { uploader: second })
    clients.push(d)
    const b = await localCreate(d.db, 'Lần hai, cùng tệp', hash)
    second.add({ hash, size: bytes.length, mime: 'audio/wav', announcementId: b.id }, bytes)
    await syncToQuiescence(d.engine, d.db)
    expect(second.verified.has(hash)).toBe(true)
    expect(second.patchOffsets.get(hash) ?? []).toEqual([])
  })
})
