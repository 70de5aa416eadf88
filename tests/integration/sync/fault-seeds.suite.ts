/**
 * Seeded fault injection: for each seed, random edits on a client while the province server
 * injects random faults (drop before/after commit, 500/503/429, hang, slow), a bounded number of
 * cycles, then heal and sync to quiescence. Every run must end with client and server equal, no
 * local change lost (each mutation has a province receipt or a visible local rejection) and no
 * record duplicated. `npm test` runs 200 seeds; `SYNC_SEEDS=n` runs n; `SYNC_SEED=n` replays one.
 * The seeds are split over two test files (fault-seeds.test.ts, fault-seeds-b.test.ts) so the two
 * vitest workers each run half against their own server; a replayed seed runs in both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DaixaDb } from '../../../src/renderer/db/database'
import { createMemoryTokenStore, type TokenPair } from '../../../src/renderer/sync/types'
import { DEMO_COMMUNE } from '../../province-server/demo-seed'
import { mulberry32 } from '../../province-server/faults'
import { call, signIn } from '../province-server/helpers'
import {
  clientAnnouncements,
  communeState,
  faults,
  healFaults,
  localCreate,
  localDelete,
  localRename,
  serverAnnouncements,
  syncToQuiescence,
  type TestClient,
} from './helpers'
import { useProvinceServer, type ProvinceServerFixture } from './server-fixture'

/** The seeds of shard `shard` of `shards`. */
export function seedsFor(shard: number, shards: number): number[] {
  if (process.env.SYNC_SEED) return [Number(process.env.SYNC_SEED)]
  const count = Number(process.env.SYNC_SEEDS ?? 200)
  return Array.from({ length: count }, (_, i) => i + 1).filter((seed) => seed % shards === shard)
}

const FAULTS = {
  'drop-before-commit': 0.08,
  'drop-after-commit': 0.1,
  'status-500': 0.04,
  'status-503': 0.04,
  'status-429': 0.04,
  hang: 0.02,
  slow: 0.04,
}

/** The file's server (set by `defineSeedSuite`), restored to the demo commune after each seed. */
let server: ProvinceServerFixture
let tokens: TokenPair
const totals = { seeds: 0, faults: 0, rejections: 0, mutations: 0 }

interface Run {
  client: TestClient
  /** Every outbox entry id (mutation id) the client created. */
  mutationIds: Set<string>
  titles: Set<string>
}

async function remember(run: Run): Promise<void> {
  for (const id of await run.client.db.outbox.toCollection().primaryKeys()) run.mutationIds.add(id)
}

async function randomEdit(run: Run, rng: () => number, label: string): Promise<void> {
  const db: DaixaDb = run.client.db
  const ids = await db.announcements.toCollection().primaryKeys()
  const pick = ids[Math.floor(rng() * ids.length)]
  const draw = rng()
  if (draw < 0.45 || pick === undefined) {
    run.titles.add(label)
    await localCreate(db, label)
  } else if (draw < 0.75) await localRename(db, pick, `${label} (sửa)`)
  else if (draw < 0.92) await localDelete(db, pick)
  else {
    const status = rng() < 0.5 ? 'approved' : 'rejected'
    const edit = { action: 'moderate', id: pick, status, reviewedBy: 'Sở TT&TT', reason: null }
    await call(server.url, 'POST', '/__test__/province', { body: { communeId: DEMO_COMMUNE.id, edit } })
  }
  await remember(run)
}

async function faultLog(): Promise<{ n: number }[]> {
  return (await call<{ log: { n: number }[] }>(server.url, 'GET', '/__test__/faults')).body.log
}

async function runSeed(seed: number): Promise<void> {
  await faults(server.url, { seed, probabilities: FAULTS, hangMs: 250, slowMs: [0, 40], retryAfterSeconds: 0 })
  const firstRequest = Math.max(0, ...(await faultLog()).map((entry) => entry.n))
  const client = await server.client({
    signIn: false,
    tokens: createMemoryTokenStore(tokens),
    timeoutMs: 200,
  })
  const run: Run = { client, mutationIds: new Set(), titles: new Set() }
  const rng = mulberry32(seed * 7919)
  const rounds = 2 + Math.floor(rng() * 4)
  for (let r = 0; r < rounds; r++) {
    const edits = 1 + Math.floor(rng() * 4)
    for (let e = 0; e < edits; e++) await randomEdit(run, rng, `s${seed}-r${r}-e${e}`)
    if (rng() < 0.7) await client.engine.syncNow()
  }
  for (let n = 0; n < 2; n++) await client.engine.syncNow()
  await healFaults(server.url)
  await syncToQuiescence(client.engine, client.db)
  await check(run)
  totals.seeds += 1
  totals.faults += (await faultLog()).filter((entry) => entry.n > firstRequest).length
  totals.rejections += await client.db.rejections.count()
  totals.mutations += run.mutationIds.size
}

async function check(run: Run): Promise<void> {
  const state = await communeState(server.url)
  const db = run.client.db
  expect(await clientAnnouncements(db)).toEqual(serverAnnouncements(state))
  const rejected = new Set((await db.rejections.toArray()).map((r) => r.mutationId))
  for (const id of run.mutationIds) {
    // zero lost: every local change reached the province (receipt) or is shown as rejected
    expect(state.receipts[id] !== undefined || rejected.has(id), `mutation ${id} lost`).toBe(true)
    if (state.receipts[id]?.status === 'rejected') expect(rejected.has(id), `rejection of ${id} not shown`).toBe(true)
  }
  // zero duplicated: one province record per local create at most, titles made once
  const titles = Object.values(state.records).flatMap((r) => (r.data?.entity === 'announcement' ? [r.data.title] : []))
  expect(new Set(titles).size).toBe(titles.length)
  expect(await db.outbox.count()).toBe(0)
}

/** Registers the suite for the given seeds: one server for the file, restored between seeds. */
export function defineSeedSuite(seeds: number[], file: string): void {
  server = useProvinceServer({ restore: true })
  beforeAll(async () => {
    tokens = await signIn(server.url)
  })
  afterAll(() => {
    console.log(
      `sync seeds (${file}): ${totals.seeds} seeds, ${totals.mutations} local mutations, ` +
        `${totals.faults} injected faults, ${totals.rejections} rejections shown`,
    )
  })
  describe(`sync fault-injection seeds (${seeds.length})`, () => {
    for (const seed of seeds) {
      it(`converges with seed ${seed}`, async () => {
        try {
          await runSeed(seed)
        } catch (error) {
          const log = await call(server.url, 'GET', '/__test__/faults')
          const message = error instanceof Error ? error.message : String(error)
          throw new Error(
            `seed ${seed} failed: ${message}\nreplay: SYNC_SEED=${seed} npx vitest run tests/integration/sync/fault-seeds\n` +
              `faults: ${JSON.stringify((log.body as { log?: unknown }).log)}`,
          )
        }
      })
    }
  })
}
