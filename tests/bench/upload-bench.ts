/**
 * Upload benchmark (issue 4): one audio file sent by the app's tus uploader to the reference
 * province server through a loopback link throttled to 384 kbit/s that is cut every
 * `BENCH_CUT_SECONDS` (default 12). Prints, from one run:
 *   - wire ratio = bytes that crossed the link (headers, resent bytes, everything) / file size
 *     (target ≤ 1.02);
 *   - efficiency = the upload's throughput / the raw link's, both measured in this run through the
 *     same proxy (target ≥ 0.9). The raw reference is a plain TCP stream with no cuts.
 * Run: `npm run bench:upload` (BENCH_UPLOAD_MB=2 by default; a 384 kbit/s link moves 2.9 MB a minute).
 */
import { createHash, randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, connect, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { v7 as uuidv7 } from 'uuid'
import { createMediaUploadResponseSchema } from '../../src/shared/province/media'
import { openUploadJournal } from '../../src/main/services/uploads/upload-journal'
import { createUploadService } from '../../src/main/services/uploads/upload-service'
import { ServiceError } from '../../src/shared/result'
import { DEMO_ACCOUNT } from '../province-server/demo-seed'
import { startProvinceServer } from '../province-server/server'
import { startLinkProxy } from '../support/link-proxy'

const RATE = 384_000 / 8
const SIZE = Math.round(Number(process.env['BENCH_UPLOAD_MB'] ?? 2) * 1024 * 1024)
const CUT_MS = Number(process.env['BENCH_CUT_SECONDS'] ?? 12) * 1000
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined }

/** Raw link speed: a plain stream of `bytes` through a fresh proxy to a sink. */
async function rawLinkRate(bytes: number): Promise<number> {
  let received = 0
  let done: () => void = () => undefined
  const finished = new Promise<void>((r) => (done = r))
  const sink = createServer((s) =>
    s.on('data', (c: Buffer) => {
      received += c.length
      if (received >= bytes) done()
    }),
  )
  await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r))
  const proxy = await startLinkProxy({ targetPort: (sink.address() as AddressInfo).port, upstreamBytesPerSecond: RATE })
  const started = performance.now()
  const socket = connect(Number(new URL(proxy.url).port), '127.0.0.1')
  socket.write(randomBytes(bytes))
  await finished
  const seconds = (performance.now() - started) / 1000
  socket.destroy()
  await proxy.close()
  await new Promise<void>((r) => sink.close(() => r()))
  return bytes / seconds
}

async function post(url: string, path: string, body: unknown, token?: string): Promise<unknown> {
  const response = await fetch(new URL(path, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  return response.json()
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'daixa-upload-bench-'))
  const server = await startProvinceServer({ dataDir: join(dir, 'province'), port: 0, seedDemo: true })
  const link = await startLinkProxy({ targetPort: Number(new URL(server.url).port), upstreamBytesPerSecond: RATE })
  try {
    console.log(`upload bench: ${(SIZE / 1048576).toFixed(1)} MB through 384 kbit/s, cut every ${CUT_MS / 1000} s`)
    const raw = await rawLinkRate(256 * 1024)
    console.log(`raw link: ${((raw * 8) / 1000).toFixed(1)} kbit/s`)
    const { accessToken } = (await post(server.url, '/v1/auth/sign-in', { ...DEMO_ACCOUNT, clientId: uuidv7() })) as {
      accessToken: string
    }
    const bytes = randomBytes(SIZE)
    const hash = createHash('sha256').update(bytes).digest('hex')
    await writeFile(join(dir, `${hash}.wav`), bytes)
    const declared = createMediaUploadResponseSchema.parse(
      await post(
        server.url,
        '/v1/media/uploads',
        { sha256: hash, size: SIZE, mime: 'audio/wav', announcementId: uuidv7() },
        accessToken,
      ),
    )
    if (!declared.upload) throw new Error('the server already had the file')
    const target = {
      endpoint: new URL(new URL(declared.upload.endpoint, server.url).pathname, link.url).toString(),
      headers: { authorization: `Bearer ${accessToken}` },
      metadata: declared.upload.metadata,
    }
    const uploads = createUploadService({
      journal: await openUploadJournal(join(dir, 'uploads.json'), quiet),
      pathOf: (h) => join(dir, `${h}.wav`),
      onProgress: () => undefined,
      log: quiet,
      stallMs: 10_000,
      chunkBytes: 512 * 1024,
    })
    const before = link.upstreamBytes()
    const started = performance.now()
    const cutter = setInterval(() => link.cut(), CUT_MS)
    let attempts = 0
    let cuts = 0
    try {
      for (; attempts < 100; attempts += 1) {
        try {
          await uploads.run(hash, target)
          break
        } catch (error) {
          if (!(error instanceof ServiceError) || error.code !== 'disconnected') throw error
          cuts += 1
        }
      }
    } finally {
      clearInterval(cutter)
    }
    const seconds = (performance.now() - started) / 1000
    const wire = link.upstreamBytes() - before
    const throughput = SIZE / seconds
    console.log(`uploaded in ${seconds.toFixed(1)} s with ${cuts} cut(s), ${attempts + 1} run(s)`)
    console.log(`wire bytes / file size: ${(wire / SIZE).toFixed(4)} (target ≤ 1.02)`)
    console.log(
      `throughput: ${((throughput * 8) / 1000).toFixed(1)} kbit/s = ${(throughput / raw).toFixed(3)} of the raw link (target ≥ 0.9)`,
    )
  } finally {
    await link.close()
    await server.stop()
    await rm(dir, { recursive: true, force: true })
  }
}

await main()
