/**
 * Prefetch benchmark (issue 13): one programme file brought down by main's download service from
 * the reference province server through a loopback link of 384 kbit/s (downstream) that is cut
 * every `BENCH_CUT_SECONDS` (default 12). Prints, from one run:
 *   - share = the download's throughput / the link's nominal rate (goal ≥ 0.9);
 *   - wire ratio = bytes that crossed the link / file size (goal ≤ 1.02).
 * The service runs with its production defaults (retry pauses, stall limit, two at a time).
 * Run: `npm run bench:prefetch` (BENCH_PREFETCH_MB=2 by default: about 45 s on this link).
 */
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { v7 as uuidv7 } from 'uuid'
import { createBandwidthGate } from '../../src/main/services/downloads/bandwidth-gate'
import { openDownloadRegistry } from '../../src/main/services/downloads/download-registry'
import { createDownloadService } from '../../src/main/services/downloads/download-service'
import { createMediaStore } from '../../src/main/services/media/media-store'
import { wavHeader } from '../../src/main/services/recorder/wav'
import { DEMO_ACCOUNT, DEMO_COMMUNE } from '../province-server/demo-seed'
import { startProvinceServer } from '../province-server/server'
import { startLinkProxy } from '../support/link-proxy'

const RATE = 384_000 / 8
const SIZE = Math.round(Number(process.env['BENCH_PREFETCH_MB'] ?? 2) * 1024 * 1024)
const CUT_MS = Number(process.env['BENCH_CUT_SECONDS'] ?? 12) * 1000
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined }

async function post(url: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const answer = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  if (!answer.ok) throw new Error(`${url}: ${answer.status} ${await answer.text()}`)
  return (await answer.json()) as Record<string, unknown>
}

/** A WAV of SIZE bytes (noise, so nothing compresses) in the library and a programme naming it. */
async function publish(baseUrl: string): Promise<string> {
  const body = Buffer.alloc(SIZE - 44)
  for (let i = 0; i < body.length; i++) body[i] = (i * 2654435761) >>> 24
  const bytes = Buffer.concat([wavHeader({ sampleRate: 8000, channels: 1, bitsPerSample: 16 }, body.length), body])
  const stored = await fetch(`${baseUrl}/__test__/library?mime=audio/wav`, { method: 'POST', body: bytes })
  const { sha256 } = (await stored.json()) as { sha256: string }
  const now = new Date().toISOString()
  const record = {
    entity: 'program',
    id: 'pg-bench',
    version: 1,
    updatedAt: now,
    code: 'BENCH',
    title: 'Bench',
    kind: 'news',
    source: 'province',
    priority: 'normal',
    language: 'vi',
    validFrom: now,
    validTo: null,
    status: 'active',
    mediaHash: sha256,
    mediaSize: SIZE,
    durationMs: 60_000,
    text: null,
  }
  await post(`${baseUrl}/__test__/province`, { communeId: DEMO_COMMUNE.id, edit: { action: 'put', record } })
  return sha256
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'daixa-prefetch-bench-'))
  const server = await startProvinceServer({ dataDir: join(dir, 'province'), port: 0, testMode: true, seedDemo: true })
  const proxy = await startLinkProxy({ targetPort: Number(new URL(server.url).port), downstreamBytesPerSecond: RATE })
  try {
    const hash = await publish(server.url)
    const signIn = await post(`${server.url}/v1/auth/sign-in`, {
      username: DEMO_ACCOUNT.username,
      password: DEMO_ACCOUNT.password,
      clientId: uuidv7(),
    })
    const token = String(signIn['accessToken'])
    const store = await createMediaStore(join(dir, 'media'))
    let cuts = 0
    const service = await createDownloadService({
      store,
      stagingDir: join(dir, 'downloads'),
      registry: await openDownloadRegistry(join(dir, 'downloads.json'), quiet),
      credentials: () => Promise.resolve({ baseUrl: proxy.url, accessToken: token }),
      budgetBytes: () => 1 << 30,
      gate: createBandwidthGate(),
      log: quiet,
      onChange: () => undefined,
    })
    const started = performance.now()
    const cutter = setInterval(() => {
      cuts += 1
      proxy.cut()
    }, CUT_MS)
    await service.plan({
      items: [{ hash, rank: 'placed', sizeBytes: SIZE, durationMs: null, isProtected: true }],
      keep: [],
    })
    for (let i = 0; i < 10 * 60 * 10 && !store.has(hash); i++) await new Promise((r) => setTimeout(r, 100))
    const seconds = (performance.now() - started) / 1000
    clearInterval(cutter)
    await service.stop()
    const ok =
      createHash('sha256')
        .update(await readFile(store.fileOf(hash).path))
        .digest('hex') === hash
    const share = SIZE / seconds / RATE
    console.log(
      `prefetch: ${(SIZE / 1048576).toFixed(1)} MB over 384 kbit/s cut every ${CUT_MS / 1000} s (${cuts} cuts)`,
    )
    console.log(`  time ${seconds.toFixed(1)} s, share of the link ${share.toFixed(3)} (goal ≥ 0.9)`)
    console.log(`  wire ratio ${(proxy.downstreamBytes() / SIZE).toFixed(4)} (goal ≤ 1.02), verified ${ok}`)
  } finally {
    await proxy.close()
    await server.stop()
    await rm(dir, { recursive: true, force: true })
  }
}

await main()
