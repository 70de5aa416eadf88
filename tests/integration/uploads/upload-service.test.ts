import { createHash, randomBytes } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createMediaUploadResponseSchema, mediaStatusResponseSchema } from '../../../src/shared/province/media'
import type { UploadTarget } from '../../../src/shared/ipc/uploads'
import { ServiceError } from '../../../src/shared/result'
import { openUploadJournal } from '../../../src/main/services/uploads/upload-journal'
import { createUploadService, type UploadService } from '../../../src/main/services/uploads/upload-service'
import { freeLoopbackPort } from '../../support/free-port'
import { startLinkProxy, type LinkProxy } from '../../support/link-proxy'
import { collectingLogger } from '../../unit/helpers/collecting-logger'
import {
  announcementCreate,
  call,
  signIn,
  startTestServer,
  testPost,
  type TestServer,
} from '../province-server/helpers'

const MB = 1024 * 1024
let t: TestServer
let token: string
let link: LinkProxy
const log = collectingLogger()
const services: UploadService[] = []

beforeAll(async () => {
  // The province names its tus upload URLs from its public address (--public-url): here the link
  // the station reaches it through, so every PATCH crosses the cuttable link.
  const port = await freeLoopbackPort()
  link = await startLinkProxy({ targetPort: port })
  t = await startTestServer({ port, publicUrl: link.url })
  token = (await signIn(t.url)).accessToken
})
afterEach(async () => {
  for (const s of services.splice(0)) await s.stop()
  link.thaw()
  await testPost(t.url, 'faults', { script: [] })
})
afterAll(async () => {
  await link.close()
  await t.stop()
})

/** A random file in the server's temp dir, named by its SHA-256 like the media store does. */
async function mediaFile(size: number): Promise<{ hash: string; size: number }> {
  const bytes = randomBytes(size)
  const hash = createHash('sha256').update(bytes).digest('hex')
  await writeFile(join(t.dataDir, `${hash}.wav`), bytes)
  return { hash, size }
}

/** Declares the file to the province (through the link) and returns the tus target, as the sync engine will. */
async function declare(hash: string, size: number): Promise<UploadTarget> {
  const body = { sha256: hash, size, mime: 'audio/wav', announcementId: announcementCreate('x').entityId }
  const answer = createMediaUploadResponseSchema.parse(
    (await call(link.url, 'POST', '/v1/media/uploads', { token, body })).body,
  )
  if (!answer.upload) throw new Error('expected an upload target')
  return {
    // The server names its own address; the test sends everything through the link instead.
    endpoint: new URL(new URL(answer.upload.endpoint, t.url).pathname, link.url).toString(),
    headers: { authorization: `Bearer ${token}` },
    metadata: answer.upload.metadata,
  }
}

async function service(journalName: string, stallMs = 30_000): Promise<UploadService> {
  const journal = await openUploadJournal(join(t.dataDir, journalName), log)
  const s = createUploadService({
    journal,
    pathOf: (hash) => join(t.dataDir, `${hash}.wav`),
    onProgress: () => undefined,
    log,
    stallMs,
    chunkBytes: 4 * MB,
  })
  services.push(s)
  return s
}

const mediaStatus = async (hash: string) =>
  mediaStatusResponseSchema.parse((await call(t.url, 'GET', `/v1/media/${hash}`, { token })).body).asset.status

/** Runs until complete, at most `limit` attempts; returns the error codes of the failed ones. */
async function runUntilDone(s: UploadService, hash: string, target: UploadTarget, limit = 8): Promise<string[]> {
  const failures: string[] = []
  for (let i = 0; i < limit; i += 1) {
    try {
      await s.run(hash, target)
      return failures
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error
      failures.push(error.code)
    }
  }
  throw new Error(`not done after ${limit} attempts: ${failures.join(', ')}`)
}

describe('uploads/upload-service (real tus against the reference province server)', () => {
  it('finishes a 50 MB upload cut three times, resending almost nothing', async () => {
    const { hash, size } = await mediaFile(50 * MB)
    const target = await declare(hash, size)
    const s = await service('cut3.json')
    const before = link.upstreamBytes()
    let cuts = 0
    const failures: string[] = []
    for (let i = 0; i < 8; i += 1) {
      if (cuts < 3) {
        link.cutAfter(10 * MB)
        cuts += 1
      }
      try {
        await s.run(hash, target)
        break
      } catch (error) {
        failures.push((error as ServiceError).code)
      }
    }
    expect(failures).toEqual(['disconnected', 'disconnected', 'disconnected'])
    expect(await mediaStatus(hash)).toBe('verified')
    const ratio = (link.upstreamBytes() - before) / size
    expect(ratio).toBeGreaterThan(1)
    expect(ratio).toBeLessThan(1.02)
    expect(s.list().find((u) => u.hash === hash)).toMatchObject({ state: 'complete', confirmedBytes: size })
  })

  it('keeps the upload URL when the resume request gets a server error, and never restarts from zero', async () => {
    const { hash, size } = await mediaFile(8 * MB)
    const target = await declare(hash, size)
    const s = await service('head503.json')
    link.cutAfter(5 * MB)
    await expect(s.run(hash, target)).rejects.toMatchObject({ code: 'disconnected' })
    const url = s.list().find((u) => u.hash === hash)?.uploadUrl
    expect(url).toBeTruthy()
    await testPost(t.url, 'faults', { script: [{ fault: 'status-503', method: 'HEAD' }] })
    await expect(s.run(hash, target)).rejects.toMatchObject({ code: 'disconnected' })
    expect(s.list().find((u) => u.hash === hash)?.uploadUrl).toBe(url)
    const before = link.upstreamBytes()
    const done = await s.run(hash, target)
    expect(done.bytesSentTotal).toBeLessThan(size - 4 * MB)
    expect(link.upstreamBytes() - before).toBeLessThan(size - 4 * MB)
    expect(await mediaStatus(hash)).toBe('verified')
  })

  it('resumes after a restart from the journal on disk, from the offset the server reports', async () => {
    const { hash, size } = await mediaFile(10 * MB)
    const target = await declare(hash, size)
    const first = await service('restart.json')
    link.cutAfter(6 * MB)
    await expect(first.run(hash, target)).rejects.toMatchObject({ code: 'disconnected' })
    await first.stop()
    const journalText = await readFile(join(t.dataDir, 'restart.json'), 'utf8')
    expect(journalText).toContain(hash)
    const second = await service('restart.json')
    const done = await second.run(hash, target)
    expect(done.bytesSentTotal).toBeGreaterThan(3 * MB)
    expect(done.bytesSentTotal).toBeLessThan(size - 4 * MB)
    expect(await mediaStatus(hash)).toBe('verified')
  })

  it('gives up on a link that stays open but moves nothing, and resumes later', async () => {
    const { hash, size } = await mediaFile(6 * MB)
    const target = await declare(hash, size)
    const s = await service('stall.json', 1500)
    link.freezeAfter(2 * MB)
    const started = Date.now()
    await expect(s.run(hash, target)).rejects.toMatchObject({ code: 'disconnected' })
    expect(Date.now() - started).toBeLessThan(10_000)
    link.cut()
    link.thaw()
    expect(await runUntilDone(s, hash, target)).toEqual([])
    expect(await mediaStatus(hash)).toBe('verified')
  })

  it('starts again when the province no longer has the upload (404), and refuses bytes that do not match', async () => {
    const { hash, size } = await mediaFile(3 * MB)
    const target = await declare(hash, size)
    const s = await service('gone.json')
    link.cutAfter(1 * MB)
    await expect(s.run(hash, target)).rejects.toMatchObject({ code: 'disconnected' })
    const url = s.list().find((u) => u.hash === hash)?.uploadUrl ?? ''
    const gone = await fetch(url.replace(link.url, t.url), {
      method: 'DELETE',
      headers: { 'Tus-Resumable': '1.0.0', authorization: `Bearer ${token}` },
    })
    expect(gone.status).toBe(204)
    await s.run(hash, target)
    expect(await mediaStatus(hash)).toBe('verified')

    const other = await mediaFile(1 * MB)
    const wrongTarget = await declare(createHash('sha256').update('other bytes').digest('hex'), other.size)
    await expect(s.run(other.hash, wrongTarget)).rejects.toMatchObject({ code: 'conflict' })
  })

  it('answers not-found for a hash with no local file', async () => {
    const s = await service('missing.json')
    const target = await declare('f'.repeat(64), 10)
    await expect(s.run('f'.repeat(64), target)).rejects.toMatchObject({ code: 'not-found' })
  })
})
