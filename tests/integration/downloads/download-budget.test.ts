/**
 * The disk budget and a full disk, against the reference province server: placed programmes are
 * fetched whatever the budget and never released; others wait for room; files nothing wants are
 * released; a full disk fails the file cleanly (nothing half-written in the media store).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { mountTinyFs, type TinyFs } from '../../support/tiny-fs'
import { signIn, startTestServer, type TestServer } from '../province-server/helpers'
import { publishWithAudio } from '../province-server/publish'
import { tempDirs } from '../../unit/helpers/temp-dir'
import { filesOnDisk, startLaptop, stateOf, until, want, wavOfSize, type Laptop } from './download-fixture'

let t: TestServer
let token: string
const dirs = tempDirs('daixa-dl-budget-')
const laptops: Laptop[] = []
let tiny: TinyFs | null = null

beforeAll(async () => {
  t = await startTestServer()
  token = (await signIn(t.url)).accessToken
})
afterEach(async () => {
  for (const l of laptops.splice(0)) await l.service.stop()
  tiny?.unmount()
  tiny = null
})
afterAll(async () => {
  await dirs.cleanup()
  await t.stop()
})

const SIZE = 300_000

async function publishThree(prefix: string): Promise<[string, string, string]> {
  const hashes: string[] = []
  for (const [i, id] of ['a', 'b', 'c'].entries()) {
    const program = await publishWithAudio(t.url, { id: `${prefix}-${id}` }, wavOfSize(SIZE, 100 + i + prefix.length))
    hashes.push(program.mediaHash ?? '')
  }
  const [a = '', b = '', c = ''] = hashes
  return [a, b, c]
}

describe('disk budget (reference server)', () => {
  it('takes placed files whatever the budget and holds the others for room', async () => {
    const [a, b, c] = await publishThree('pg-bud')
    const l = await startLaptop(await dirs.make(), { baseUrl: t.url, token, budgetBytes: 0 })
    laptops.push(l)
    const items = [want(a, 'placed', SIZE, true), want(b, 'placed', SIZE, true), want(c, 'newest', SIZE)]
    await l.service.plan({ items, keep: [] })
    const isPresent = (h: string) => stateOf(l, h)?.state === 'present'
    await until(() => isPresent(a) && isPresent(b), 'both placed files (budget 0: placed go anyway)')
    expect(stateOf(l, c)).toMatchObject({ state: 'waiting', reason: 'budget' })
    expect(l.store.has(c)).toBe(false)
  })

  it('respects the budget for unplaced files and never evicts a placed one', async () => {
    const [a, b, c] = await publishThree('pg-evict')
    const l = await startLaptop(await dirs.make(), { baseUrl: t.url, token, budgetBytes: 700_000 })
    laptops.push(l)
    await l.service.plan({
      items: [want(a, 'placed', SIZE, true), want(b, 'priority', SIZE), want(c, 'newest', SIZE)],
      keep: [],
    })
    await until(() => l.store.has(a) && l.store.has(b), 'the placed file and the priority one')
    expect(stateOf(l, c)).toMatchObject({ state: 'waiting', reason: 'budget' })

    // b is no longer wanted: released; c now fits and comes
    await l.service.plan({ items: [want(a, 'placed', SIZE, true), want(c, 'newest', SIZE)], keep: [] })
    expect(l.store.has(b)).toBe(false)
    await until(() => l.store.has(c), 'c once b made room')
    expect(l.log.lines.some((line) => line.includes(`released ${b}`))).toBe(true)

    // a file kept for another use is not released even when no plan item names it
    await l.service.plan({ items: [want(a, 'placed', SIZE, true)], keep: [c] })
    expect(l.store.has(c)).toBe(true)
    expect(l.store.has(a)).toBe(true)
  })
})

describe('a full disk (reference server)', () => {
  it('fails the file with disk-full and leaves nothing half-written; it comes once there is room', async () => {
    const big = wavOfSize(900_000, 7)
    const program = await publishWithAudio(t.url, { id: 'pg-full' }, big)
    const hash = program.mediaHash ?? ''
    const dataDir = await dirs.make()
    tiny = mountTinyFs(1_500_000, dataDir)
    tiny.fill(400_000)
    const l = await startLaptop(dataDir, { baseUrl: t.url, token })
    laptops.push(l)
    await l.service.plan({ items: [want(hash, 'placed', big.length, true)], keep: [] })
    await until(() => stateOf(l, hash)?.state === 'failed', 'the disk-full failure')
    expect(stateOf(l, hash)).toMatchObject({ state: 'failed', reason: 'disk-full', receivedBytes: 0 })
    const onDisk = await filesOnDisk(l)
    expect(onDisk.staging).toEqual([])
    expect(onDisk.media.some((name) => name.startsWith(hash))).toBe(false)

    tiny.free()
    await l.service.plan({ items: [want(hash, 'placed', big.length, true)], keep: [] })
    await until(() => l.store.has(hash), 'the file once the officer freed space')
  })
})
