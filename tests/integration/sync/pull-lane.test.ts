/**
 * The pull lane against the reference province server: with a 3 MB upload under way on a
 * 256 kbit/s link (loopback link proxy), an emergency programme the province publishes is on the
 * laptop within 10 s — the long-poll pull does not wait for the cycle that is uploading.
 */
import { randomBytes } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { freeLoopbackPort } from '../../support/free-port'
import { startLinkProxy } from '../../support/link-proxy'
import { publishProgram } from '../province-server/publish'
import { localCreate, syncToQuiescence } from './helpers'
import { until, useProvinceServer } from './server-fixture'
import { createTusUploader, sha256 } from './tus-uploader'

// The station reaches the province over a slow link; the province names its upload URLs from
// that link's address, so the upload's PATCHes cross it too.
const port = await freeLoopbackPort()
const link = await startLinkProxy({ targetPort: port, upstreamBytesPerSecond: 256_000 / 8 })
const province = useProvinceServer({ restore: true, port, publicUrl: link.url })
afterAll(() => link.close())

describe('pull lane (long-poll) beside an upload', () => {
  it('brings an emergency published mid-upload within 10 s', async () => {
    {
      const uploader = createTusUploader({ chunkSize: 256 * 1024, retryDelays: [] })
      const c = await province.client({ url: link.url, uploader, longPoll: true, timeoutMs: 30_000 })
      await syncToQuiescence(c.engine, c.db)
      const stop = c.engine.start()
      try {
        const bytes = randomBytes(3 * 1024 * 1024)
        const hash = sha256(bytes)
        const a = await localCreate(c.db, 'Ghi âm dài', hash)
        uploader.add({ hash, size: bytes.length, mime: 'audio/wav', announcementId: a.id }, bytes)
        const cycle = c.engine.syncNow()
        await until(() => c.engine.status().uploads.length > 0, 'the upload under way')
        await new Promise((r) => setTimeout(r, 1_000))
        const published = Date.now()
        await publishProgram(province.url, { id: 'pg-khan', priority: 'emergency', title: 'Khẩn: lũ quét' })
        for (let i = 0; i < 100 && !(await c.db.programs.get('pg-khan')); i++)
          await new Promise((r) => setTimeout(r, 100))
        const landedMs = Date.now() - published
        console.log(
          `emergency on the laptop ${landedMs} ms after publication; upload still running: ${!uploader.verified.has(hash)}`,
        )
        expect(await c.db.programs.get('pg-khan')).toMatchObject({ priority: 'emergency' })
        expect(landedMs).toBeLessThan(10_000)
        // the upload was still going: the pull did not wait behind it
        expect(uploader.verified.has(hash)).toBe(false)
        // the link goes down so the cycle's slow upload ends now (it resumes another day)
        link.down()
        await stop()
        await cycle.catch(() => undefined)
      } finally {
        await stop()
      }
    }
  }, 60_000)
})
