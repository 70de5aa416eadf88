/**
 * Download tests against the reference province server: programme audio published in its library,
 * the real download service (main) writing into a real media store, optionally through the
 * loopback link proxy (a slow, cut or corrupting link).
 */
import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createBandwidthGate, type BandwidthGate } from '../../../src/main/services/downloads/bandwidth-gate'
import { openDownloadRegistry } from '../../../src/main/services/downloads/download-registry'
import { createDownloadService, type DownloadService } from '../../../src/main/services/downloads/download-service'
import { createMediaStore, type MediaStore } from '../../../src/main/services/media/media-store'
import { wavHeader } from '../../../src/main/services/recorder/wav'
import type { DownloadState, DownloadWant } from '../../../src/shared/ipc/downloads'
import { noiseBytes } from '../../unit/helpers/pcm'
import { collectingLogger } from '../../unit/helpers/collecting-logger'

/** A playable WAV of `bytes` bytes in all (8 kHz mono 16-bit), its samples seeded noise. */
export function wavOfSize(bytes: number, seed = 1): Buffer {
  const header = wavHeader({ sampleRate: 8000, channels: 1, bitsPerSample: 16 }, bytes - 44)
  return Buffer.concat([header, Buffer.from(noiseBytes(bytes - 44, seed))])
}

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

export interface Laptop {
  service: DownloadService
  store: MediaStore
  gate: BandwidthGate
  log: ReturnType<typeof collectingLogger>
  /** Every state the service reported, in order. */
  states: DownloadState[]
  dataDir: string
}

export interface LaptopOptions {
  baseUrl: string
  token: string
  budgetBytes?: number
  reserveBytes?: number
  stallMs?: number
  concurrency?: number
}

/** The main side of a laptop, as app-services builds it, in `dataDir`. */
export async function startLaptop(dataDir: string, o: LaptopOptions): Promise<Laptop> {
  const log = collectingLogger()
  const store = await createMediaStore(join(dataDir, 'media'))
  const gate = createBandwidthGate()
  const states: DownloadState[] = []
  const service = await createDownloadService({
    store,
    stagingDir: join(dataDir, 'downloads'),
    registry: await openDownloadRegistry(join(dataDir, 'downloads.json'), log),
    credentials: () => Promise.resolve({ baseUrl: o.baseUrl, accessToken: o.token }),
    budgetBytes: () => o.budgetBytes ?? 1 << 30,
    gate,
    log,
    onChange: (state) => states.push(state),
    retryBaseMs: 50,
    maxRetryMs: 400,
    stallMs: o.stallMs ?? 5_000,
    reserveBytes: o.reserveBytes ?? 0,
    ...(o.concurrency === undefined ? {} : { concurrency: o.concurrency }),
  })
  return { service, store, gate, log, states, dataDir }
}

export const want = (
  hash: string,
  rank: DownloadWant['rank'],
  sizeBytes: number | null,
  isProtected = false,
): DownloadWant => ({
  hash,
  rank,
  sizeBytes,
  durationMs: null,
  isProtected,
})

/** Waits (bounded) until `check` holds, polling every 20 ms. */
export async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

export const stateOf = (laptop: Laptop, hash: string): DownloadState | undefined =>
  laptop.service.list().find((s) => s.hash === hash)

/** The stored file's bytes hash to its name. */
export async function storedHash(laptop: Laptop, hash: string): Promise<string> {
  return sha256Of(await readFile(laptop.store.fileOf(hash).path))
}

/** Names in the media store and in the staging folder (nothing half-written may stay). */
export async function filesOnDisk(laptop: Laptop): Promise<{ media: string[]; staging: string[] }> {
  const media = await readdir(join(laptop.dataDir, 'media')).catch(() => [])
  const staging = await readdir(join(laptop.dataDir, 'downloads')).catch(() => [])
  return { media, staging }
}
