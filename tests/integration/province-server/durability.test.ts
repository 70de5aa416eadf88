import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pushResponseSchema } from '../../../src/shared/province/push'
import { mulberry32 } from '../../province-server/faults'
import type { CommuneState } from '../../province-server/state'
import { buildProvinceServer, spawnProvinceServer, type BuiltServer, type ChildServer } from './child-server'
import { announcementCreate, push, serverState, signIn, testPost } from './helpers'

type Create = ReturnType<typeof announcementCreate>

let built: BuiltServer
let dataDir: string
const children: ChildServer[] = []

beforeAll(async () => {
  built = await buildProvinceServer()
  dataDir = await mkdtemp(join(tmpdir(), 'daixa-province-crash-'))
}, 30_000)
afterAll(async () => {
  for (const child of children.splice(0)) await child.kill()
  await rm(dataDir, { recursive: true, force: true })
  await built.cleanup()
})

async function start(): Promise<ChildServer> {
  const child = await spawnProvinceServer(built.entry, dataDir)
  children.push(child)
  return child
}

/** The invariant: a mutation has a receipt exactly when its effect exists. Returns how many committed. */
function expectConsistent(state: CommuneState, mutations: readonly Create[]): number {
  let committed = 0
  for (const m of mutations) {
    const hasReceipt = state.receipts[m.mutationId] !== undefined
    const hasEffect = state.records[`announcement:${m.entityId}`] !== undefined
    expect(hasReceipt, `mutation ${m.mutationId}`).toBe(hasEffect)
    if (hasReceipt) committed += 1
  }
  return committed
}

/** After the retry: every mutation has exactly one effect, one receipt and one log entry. */
function expectExactlyOnce(state: CommuneState, mutations: readonly Create[]): void {
  expect(expectConsistent(state, mutations)).toBe(mutations.length)
  for (const m of mutations) {
    expect(state.records[`announcement:${m.entityId}`]?.version).toBe(1)
    expect(state.log.filter((e) => e.key === `announcement:${m.entityId}`)).toHaveLength(1)
  }
}

const batchOf = (n: number, label: string): Create[] =>
  Array.from({ length: n }, (_, i) => announcementCreate(`${label} ${i}`))

describe('province server durability (kill -9)', () => {
  it.each([
    ['crash-before-write', 'applied'],
    ['crash-after-temp', 'applied'],
    ['crash-after-commit', 'duplicate'],
  ])('keeps receipts and effects together when killed at %s; the retry answers %s', async (fault, expected) => {
    let server = await start()
    const token = (await signIn(server.url)).accessToken
    await testPost(server.url, 'faults', { script: [{ fault, path: '/v1/push' }] })
    const batch = batchOf(5, fault)
    await expect(push(server.url, token, batch)).rejects.toThrow()
    expect(await server.exited).toBe('SIGKILL')
    server = await start()
    expect(await readdir(join(dataDir, 'communes'))).not.toContainEqual(expect.stringMatching(/\.tmp$/))
    expect(expectConsistent(await serverState(server.url), batch)).toBe(expected === 'duplicate' ? 5 : 0)
    const retry = pushResponseSchema.parse((await push(server.url, token, batch)).body)
    expect(retry.results.map((r) => r.status)).toEqual(Array(5).fill(expected))
    expectExactlyOnce(await serverState(server.url), batch)
    await server.kill()
  })

  it('stays consistent when killed at random moments during a stream of pushes (seed 42)', async () => {
    const random = mulberry32(42)
    const sent: Create[][] = []
    for (let round = 0; round < 3; round += 1) {
      const server = await start()
      const token = (await signIn(server.url)).accessToken
      const killAfter = 30 + Math.floor(random() * 120)
      const stream = (async () => {
        for (let i = 0; i < 200; i += 1) {
          const batch = batchOf(10, `round ${round} batch ${i}`)
          sent.push(batch)
          await push(server.url, token, batch)
        }
      })().then(
        () => 'finished',
        () => 'cut',
      )
      await new Promise((done) => setTimeout(done, killAfter))
      await server.kill()
      expect(await stream).toBe('cut')
      const restarted = await start()
      const all = sent.flat()
      expectConsistent(await serverState(restarted.url), all)
      for (const batch of sent) {
        const results = pushResponseSchema.parse((await push(restarted.url, token, batch)).body).results
        expect(results.every((r) => r.status === 'applied' || r.status === 'duplicate')).toBe(true)
      }
      expectExactlyOnce(await serverState(restarted.url), all)
      await restarted.kill()
    }
    expect(sent.length).toBeGreaterThan(3)
  }, 30_000)
})
