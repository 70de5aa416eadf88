/**
 * Programme audio down from the reference province server through a loopback link proxy: a cut
 * link resumes from the bytes on disk, a corrupted byte is caught by SHA-256 and fetched again, a
 * restart mid-download resumes, a file the province does not have fails cleanly
 * (docs/sync.md, "Programme audio ahead of need").
 */
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startLinkProxy, type LinkProxy } from '../../support/link-proxy'
import { signIn, startTestServer, type TestServer } from '../province-server/helpers'
import { publishProgram, publishWithAudio } from '../province-server/publish'
import { tempDirs } from '../../unit/helpers/temp-dir'
import { filesOnDisk, startLaptop, stateOf, storedHash, until, want, wavOfSize, type Laptop } from './download-fixture'

let t: TestServer
let token: string
const dirs = tempDirs('daixa-dl-')
const laptops: Laptop[] = []
const proxies: LinkProxy[] = []

beforeAll(async () => {
  t = await startTestServer()
  token = (await signIn(t.url)).accessToken
})
afterEach(async () => {
  for (const l of laptops.splice(0)) await l.service.stop()
  for (const p of proxies.splice(0)) await p.close()
})
afterAll(async () => {
  await dirs.cleanup()
  await t.stop()
})

async function proxy(downstreamBytesPerSecond = 0): Promise<LinkProxy> {
  const p = await startLinkProxy({ targetPort: Number(new URL(t.url).port), downstreamBytesPerSecond })
  proxies.push(p)
  return p
}

async function laptop(baseUrl: string, dataDir?: string): Promise<Laptop> {
  const l = await startLaptop(dataDir ?? (await dirs.make()), { baseUrl, token })
  laptops.push(l)
  return l
}

async function published(id: string, size: number, seed: number): Promise<{ hash: string; bytes: Buffer }> {
  const bytes = wavOfSize(size, seed)
  const program = await publishWithAudio(t.url, { id }, bytes)
  return { hash: program.mediaHash ?? '', bytes }
}

describe('download service against the reference server', () => {
  it('a download cut three times resumes from the bytes on disk (wire bytes / size ≤ 1.02)', async () => {
    const { hash, bytes } = await published('pg-cut3', 900_000, 11)
    const link = await proxy(600_000)
    const l = await laptop(link.url)
    let armed = 1
    link.cutAfterDown(200_000)
    await l.service.plan({ items: [want(hash, 'placed', bytes.length, true)], keep: [] })
    await until(() => {
      const cuts = l.states.filter((s) => s.reason === 'link').length
      if (cuts >= armed && armed < 3) {
        armed += 1
        link.cutAfterDown(200_000)
      }
      return stateOf(l, hash)?.state === 'present'
    }, 'the file after three cuts')
    expect(l.log.lines.filter((line) => line.includes('(link)')).length).toBe(3)
    expect(await storedHash(l, hash)).toBe(hash)
    const ratio = link.downstreamBytes() / bytes.length
    console.log(
      `cut 3 times: ${link.downstreamBytes()} bytes on the wire for ${bytes.length} (ratio ${ratio.toFixed(4)})`,
    )
    expect(ratio).toBeLessThanOrEqual(1.02)
    expect((await filesOnDisk(l)).staging).toEqual([])
  })

  it('a corrupted byte on the wire is caught by SHA-256, discarded and fetched again', async () => {
    const { hash, bytes } = await published('pg-corrupt', 400_000, 12)
    const link = await proxy()
    const l = await laptop(link.url)
    link.corruptDownAfter(250_000)
    await l.service.plan({ items: [want(hash, 'placed', bytes.length, true)], keep: [] })
    await until(() => stateOf(l, hash)?.state === 'present', 'the re-fetched file')
    expect(l.states.some((s) => s.hash === hash && s.reason === 'checksum')).toBe(true)
    expect(l.log.lines.some((line) => line.includes(`${hash} (checksum)`))).toBe(true)
    expect(await storedHash(l, hash)).toBe(hash)
    // the bad copy never reached the store: the first attempt's bytes plus one whole clean copy
    expect(link.downstreamBytes()).toBeGreaterThan(2 * bytes.length)
  })

  it('a restart mid-download resumes from the part on disk', async () => {
    const { hash, bytes } = await published('pg-restart', 800_000, 13)
    const link = await proxy(400_000)
    const dataDir = await dirs.make()
    const first = await laptop(link.url, dataDir)
    await first.service.plan({ items: [want(hash, 'placed', bytes.length, true)], keep: [] })
    await until(() => (stateOf(first, hash)?.receivedBytes ?? 0) > 300_000, 'a third of the file')
    await first.service.stop()
    laptops.splice(laptops.indexOf(first), 1)
    const before = link.downstreamBytes()
    expect(before).toBeLessThan(bytes.length)
    // what the first run wrote stays; bytes still in flight when it stopped are lost with it
    const kept = (await stat(join(dataDir, 'downloads', `${hash}.part`))).size
    expect(kept).toBeGreaterThan(300_000)

    const second = await laptop(link.url, dataDir)
    await second.service.plan({ items: [want(hash, 'placed', bytes.length, true)], keep: [] })
    await until(() => stateOf(second, hash)?.state === 'present', 'the file after the restart')
    expect(await storedHash(second, hash)).toBe(hash)
    const after = link.downstreamBytes() - before
    console.log(`restart: ${kept} bytes kept on disk, ${after} on the wire after the restart for ${bytes.length}`)
    // the second run asked only for the rest (plus one answer's headers)
    expect(after).toBeLessThanOrEqual(bytes.length - kept + 1024)
  })

  it('a programme whose file the province does not have fails with not-on-server, nothing written', async () => {
    const ghost = 'd'.repeat(64)
    await publishProgram(t.url, { id: 'pg-ghost', mediaHash: ghost, mediaSize: 5000 })
    const l = await laptop(t.url)
    await l.service.plan({ items: [want(ghost, 'placed', 5000, true)], keep: [] })
    await until(() => stateOf(l, ghost)?.state === 'failed', 'the failure')
    expect(stateOf(l, ghost)).toMatchObject({ state: 'failed', reason: 'not-on-server', receivedBytes: 0 })
    expect(l.store.has(ghost)).toBe(false)
    expect(await filesOnDisk(l)).toEqual({ media: [], staging: [] })
  })
})
