import { createHash, randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Upload } from 'tus-js-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMediaUploadResponseSchema, mediaStatusResponseSchema } from '../../../src/shared/province/media'
import { pushResponseSchema } from '../../../src/shared/province/push'
import {
  announcementCreate,
  call,
  push,
  serverState,
  signIn,
  startTestServer,
  testPost,
  type TestServer,
} from './helpers'

const SIZE = 3 * 1024 * 1024
let t: TestServer
let token: string
let file: string
let sha256: string

beforeAll(async () => {
  t = await startTestServer()
  token = (await signIn(t.url)).accessToken
  const bytes = randomBytes(SIZE)
  file = join(t.dataDir, 'announcement.wav')
  await writeFile(file, bytes)
  sha256 = createHash('sha256').update(bytes).digest('hex')
})
afterAll(async () => {
  await t.stop()
})

interface Run {
  url: string | null
  error: Error | null
  patchOffsets: number[]
}

/** Streams the file from disk with tus-js-client; resolves when it succeeds or gives up. */
function upload(options: {
  endpoint: string
  metadata: Record<string, string>
  uploadUrl?: string
  retries?: number[]
}) {
  return new Promise<Run>((resolve) => {
    const run: Run = { url: null, error: null, patchOffsets: [] }
    const task = new Upload(createReadStream(file), {
      endpoint: options.endpoint,
      uploadUrl: options.uploadUrl ?? null,
      metadata: options.metadata,
      headers: { authorization: `Bearer ${token}` },
      retryDelays: options.retries ?? [],
      onBeforeRequest: (req) => {
        if (req.getMethod() === 'PATCH') run.patchOffsets.push(Number(req.getHeader('Upload-Offset')))
      },
      onError: (error) => resolve({ ...run, url: task.url, error }),
      onSuccess: () => resolve({ ...run, url: task.url }),
    })
    task.start()
  })
}

async function serverOffset(url: string): Promise<number | null> {
  const head = await fetch(url, {
    method: 'HEAD',
    headers: { 'Tus-Resumable': '1.0.0', authorization: `Bearer ${token}` },
  })
  return head.status === 200 ? Number(head.headers.get('upload-offset')) : null
}

async function declare(hash: string, announcementId: string) {
  const body = { sha256: hash, size: SIZE, mime: 'audio/wav', announcementId }
  return createMediaUploadResponseSchema.parse((await call(t.url, 'POST', '/v1/media/uploads', { token, body })).body)
}

async function mediaStatus(hash: string) {
  return mediaStatusResponseSchema.parse((await call(t.url, 'GET', `/v1/media/${hash}`, { token })).body).asset
}

describe('province server media uploads (tus)', () => {
  it('resumes a cut upload from the server offset, verifies SHA-256 and makes the announcement ready', async () => {
    const announcement = announcementCreate('Có âm thanh', sha256)
    const pushed = pushResponseSchema.parse((await push(t.url, token, [announcement])).body).results[0]
    expect(pushed).toMatchObject({ status: 'applied', record: { mediaStatus: 'awaiting-media' } })
    const declared = await declare(sha256, announcement.entityId)
    if (!declared.upload) throw new Error('expected an upload target')
    await testPost(t.url, 'faults', { script: [{ fault: 'reset-upload', method: 'PATCH' }], resetFraction: [0.4, 0.4] })
    const cut = await upload(declared.upload)
    expect(cut.error).not.toBeNull()
    const offset = await serverOffset(cut.url ?? '')
    expect(offset).toBeGreaterThan(0)
    expect(offset).toBeLessThan(SIZE)
    const resumed = await upload({ ...declared.upload, uploadUrl: cut.url ?? '' })
    expect(resumed.error).toBeNull()
    expect(resumed.patchOffsets[0]).toBe(offset)
    expect(await mediaStatus(sha256)).toMatchObject({ status: 'verified', size: SIZE, mime: 'audio/wav' })
    const stored = (await serverState(t.url)).records[`announcement:${announcement.entityId}`]
    expect(stored?.data).toMatchObject({ mediaStatus: 'ready', version: 2 })
    expect((await declare(sha256, announcement.entityId)).upload).toBeNull()
  })

  it('retries by itself after a reset when retryDelays allow, sending only the missing bytes', async () => {
    const other = createHash('sha256').update('never uploaded').digest('hex')
    expect((await mediaStatus(other)).status).toBe('missing')
    const declared = await declare(sha256, announcementCreate('x').entityId)
    expect(declared.upload).toBeNull()
    const fresh = { sha256, size: String(SIZE), mime: 'audio/wav', announcementId: announcementCreate('y').entityId }
    await testPost(t.url, 'faults', { script: [{ fault: 'reset-upload', method: 'PATCH' }], resetFraction: [0.5, 0.5] })
    const run = await upload({ endpoint: `${t.url}/files`, metadata: fresh, retries: [0, 100] })
    expect(run.error).toBeNull()
    expect(run.patchOffsets).toHaveLength(2)
    expect(run.patchOffsets[1]).toBeGreaterThan(0)
  })

  it('rejects an upload whose bytes do not match the declared SHA-256, and removes it', async () => {
    const wrong = createHash('sha256').update('something else').digest('hex')
    const declared = await declare(wrong, announcementCreate('Sai mã băm').entityId)
    if (!declared.upload) throw new Error('expected an upload target')
    const run = await upload(declared.upload)
    expect(run.error?.message).toContain('460')
    expect(run.error?.message).toContain('checksum-mismatch')
    expect(await mediaStatus(wrong)).toMatchObject({ status: 'rejected', reason: 'sha256-mismatch' })
    expect(await serverOffset(run.url ?? '')).toBeNull()
  })

  it('refuses tus requests without a valid token and uploads with incomplete metadata', async () => {
    const anonymous = await fetch(`${t.url}/files`, {
      method: 'POST',
      headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': '10' },
    })
    expect(anonymous.status).toBe(401)
    expect(((await anonymous.json()) as { code: string }).code).toBe('unauthorized')
    const noMeta = await fetch(`${t.url}/files`, {
      method: 'POST',
      headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': '10', authorization: `Bearer ${token}` },
    })
    expect(noMeta.status).toBe(400)
    expect(noMeta.headers.get('x-server-time')).toMatch(/Z$/)
  })
})
