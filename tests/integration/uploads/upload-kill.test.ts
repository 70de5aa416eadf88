import { spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openUploadJournal } from '../../../src/main/services/uploads/upload-journal'
import { createUploadService } from '../../../src/main/services/uploads/upload-service'
import { createMediaUploadResponseSchema, mediaStatusResponseSchema } from '../../../src/shared/province/media'
import type { UploadTarget } from '../../../src/shared/ipc/uploads'
import { freeLoopbackPort } from '../../support/free-port'
import { startLinkProxy, type LinkProxy } from '../../support/link-proxy'
import { collectingLogger } from '../../unit/helpers/collecting-logger'
import { announcementCreate, call, signIn, startTestServer, type TestServer } from '../province-server/helpers'

const MB = 1024 * 1024
const outDir = resolve('node_modules/.cache', `upload-child-${process.pid}`)
let t: TestServer
let link: LinkProxy
let token: string
let childEntry: string

beforeAll(async () => {
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: resolve('tests/integration/uploads/upload-child.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      rollupOptions: { output: { format: 'es', entryFileNames: 'upload-child.js' } },
    },
  })
  childEntry = join(outDir, 'upload-child.js')
  // Slow enough that the child is killed mid-way, fast enough for a test: 2 MB/s. The province
  // names its upload URLs from its public address: the link (see upload-service.test.ts).
  const port = await freeLoopbackPort()
  link = await startLinkProxy({ targetPort: port, upstreamBytesPerSecond: 2 * MB })
  t = await startTestServer({ port, publicUrl: link.url })
  token = (await signIn(t.url)).accessToken
}, 60_000)
afterAll(async () => {
  await link.close()
  await t.stop()
  await rm(outDir, { recursive: true, force: true })
})

/** Runs the child until the province has confirmed at least `killAt` bytes, then SIGKILLs it. */
function uploadThenKill(args: object, killAt: number): Promise<number> {
  return new Promise((resolveKill, reject) => {
    const child = spawn(process.execPath, [childEntry, JSON.stringify(args)], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`the child never reached ${killAt} bytes: ${out}`))
    }, 30_000)
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8')
      const confirmed = [...out.matchAll(/confirmed (\d+)/g)].map((m) => Number(m[1]))
      const last = confirmed[confirmed.length - 1] ?? 0
      if (last >= killAt && child.exitCode === null) child.kill('SIGKILL')
    })
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')))
    child.once('exit', (_code, signal) => {
      clearTimeout(timer)
      if (signal === 'SIGKILL') resolveKill(0)
      else reject(new Error(`the child ended by itself (${signal ?? 'exit'}): ${out}`))
    })
  })
}

describe('uploads after the app is killed mid-upload', () => {
  it('continues from the offset the province reports, sending only the missing bytes', async () => {
    const bytes = randomBytes(12 * MB)
    const hash = createHash('sha256').update(bytes).digest('hex')
    const filePath = join(t.dataDir, `${hash}.wav`)
    await writeFile(filePath, bytes)
    const body = {
      sha256: hash,
      size: bytes.length,
      mime: 'audio/wav',
      announcementId: announcementCreate('x').entityId,
    }
    const declared = createMediaUploadResponseSchema.parse(
      (await call(t.url, 'POST', '/v1/media/uploads', { token, body })).body,
    )
    if (!declared.upload) throw new Error('expected an upload target')
    const target: UploadTarget = {
      endpoint: new URL(new URL(declared.upload.endpoint, t.url).pathname, link.url).toString(),
      headers: { authorization: `Bearer ${token}` },
      metadata: declared.upload.metadata,
    }
    const journalPath = join(t.dataDir, 'kill-uploads.json')
    await uploadThenKill({ journalPath, filePath, hash, target }, 3 * MB)

    const journal = await openUploadJournal(journalPath, collectingLogger())
    const entry = journal.get(hash)
    expect(entry?.uploadUrl).toBeTruthy()
    const head = await fetch((entry?.uploadUrl ?? '').replace(link.url, t.url), {
      method: 'HEAD',
      headers: { 'Tus-Resumable': '1.0.0', authorization: `Bearer ${token}` },
    })
    const serverOffset = Number(head.headers.get('upload-offset'))
    expect(serverOffset).toBeGreaterThanOrEqual(3 * MB)
    expect(serverOffset).toBeLessThan(bytes.length)

    const restarted = createUploadService({
      journal,
      pathOf: () => filePath,
      onProgress: () => undefined,
      log: collectingLogger(),
      chunkBytes: 1 * MB,
    })
    const done = await restarted.run(hash, target)
    await restarted.stop()
    expect(done.bytesSentTotal).toBe(bytes.length - serverOffset)
    const status = mediaStatusResponseSchema.parse((await call(t.url, 'GET', `/v1/media/${hash}`, { token })).body)
    expect(status.asset.status).toBe('verified')
  }, 90_000)
})
