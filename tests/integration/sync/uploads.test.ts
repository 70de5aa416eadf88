import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { communeState, faults, localCreate, syncToQuiescence } from './helpers'
import { useProvinceServer } from './server-fixture'
import { createTusUploader, sha256 } from './tus-uploader'

const province = useProvinceServer({ healFaults: true })

describe('sync engine uploads step (tus against the reference server)', () => {
  it('uploads the audio after its announcement, resumes a cut upload and pulls the announcement ready', async () => {
    const bytes = randomBytes(300 * 1024)
    const hash = sha256(bytes)
    const uploader = createTusUploader({ chunkSize: 100 * 1024 })
    const c = await province.client({ uploader })
    const progress: number[] = []
    c.engine.subscribe((s) => {
      for (const u of s.uploads) progress.push(u.sentBytes)
    })
    const a = await localCreate(c.db, 'Có âm thanh', hash)
    uploader.add({ hash, size: bytes.length, mime: 'audio/wav', announcementId: a.id }, bytes)
    await faults(province.url, { script: [{ fault: 'reset-upload', path: '/files', method: 'PATCH' }] })

    await syncToQuiescence(c.engine, c.db)
    expect(uploader.verified.has(hash)).toBe(true)
    const offsets = uploader.patchOffsets.get(hash) ?? []
    // the cut chunk is resumed from the server's offset, never from zero again
    expect(offsets.filter((o) => o === 0)).toHaveLength(1)
    expect(offsets.length).toBeGreaterThan(3)
    expect(progress).toContain(bytes.length)

    const state = await communeState(province.url)
    expect(state.media[hash]?.status).toBe('verified')
    expect(state.records[`announcement:${a.id}`]?.data).toMatchObject({ mediaStatus: 'ready' })
    expect(await c.db.announcements.get(a.id)).toMatchObject({ mediaStatus: 'ready', serverVersion: 2 })
    expect(c.engine.status().uploads).toEqual([])
  })

  it('does not upload bytes the province already verified', async () => {
    const bytes = randomBytes(10 * 1024)
    const hash = sha256(bytes)
    const first = createTusUploader()
    const c = await province.client({ uploader: first })
    const a = await localCreate(c.db, 'Lần một', hash)
    first.add({ hash, size: bytes.length, mime: 'audio/wav', announcementId: a.id }, bytes)
    await syncToQuiescence(c.engine, c.db)

    const second = createTusUploader()
    const d = await province.client({ uploader: second })
    const b = await localCreate(d.db, 'Lần hai, cùng tệp', hash)
    second.add({ hash, size: bytes.length, mime: 'audio/wav', announcementId: b.id }, bytes)
    await syncToQuiescence(d.engine, d.db)
    expect(second.verified.has(hash)).toBe(true)
    expect(second.patchOffsets.get(hash) ?? []).toEqual([])
  })
})
