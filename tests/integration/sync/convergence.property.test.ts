/**
 * Property: two clients (two Dexie databases) editing the same commune's announcements in any
 * interleaving, and syncing in any order, end — after both sync to quiescence — with the same
 * announcements as each other and as the province. Conflicts may reject changes (shown in
 * `rejections`), but nothing diverges. fast-check shrinks a failure to a short command list.
 */
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { createMemoryTokenStore, type TokenPair } from '../../../src/renderer/sync/types'
import { DEMO_COMMUNE } from '../../province-server/demo-seed'
import { signIn, testPost } from '../province-server/helpers'
import {
  clientAnnouncements,
  communeState,
  createClient,
  localCreate,
  localDelete,
  localRename,
  serverAnnouncements,
  type TestClient,
} from './helpers'
import { useProvinceServer } from './server-fixture'

type Command =
  | { kind: 'create'; client: number }
  | { kind: 'rename' | 'delete'; client: number; pick: number }
  | { kind: 'sync'; client: number }

const clientArb = fc.integer({ min: 0, max: 1 })
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), client: clientArb }),
  fc.record({ kind: fc.constantFrom('rename' as const, 'delete' as const), client: clientArb, pick: fc.nat(50) }),
  fc.record({ kind: fc.constant('sync' as const), client: clientArb }),
)

// The property makes and closes its own two clients per run (many runs in one test), and restores
// the commune at the start of each run from the fixture's snapshot.
const server = useProvinceServer({ restore: true })
let tokens: TokenPair

beforeAll(async () => {
  tokens = await signIn(server.url)
})

async function apply(clients: TestClient[], command: Command, n: number): Promise<void> {
  const c = clients[command.client]
  if (!c) return
  const ids = (await c.db.announcements.toCollection().primaryKeys()).sort()
  switch (command.kind) {
    case 'create':
      await localCreate(c.db, `c${command.client}-${n}`)
      return
    case 'rename':
    case 'delete': {
      const id = ids[command.pick % Math.max(1, ids.length)]
      if (id === undefined) return
      if (command.kind === 'rename') await localRename(c.db, id, `c${command.client}-${n} (sửa)`)
      else await localDelete(c.db, id)
      return
    }
    case 'sync':
      await c.engine.syncNow()
      return
  }
}

/** Both clients push everything, then both pull what the other pushed (bounded rounds). */
async function quiesce(clients: TestClient[]): Promise<void> {
  for (let round = 0; round < 6; round++) {
    for (const c of clients) await c.engine.syncNow()
    const pending = await Promise.all(clients.map((c) => c.db.outbox.count()))
    if (pending.every((n) => n === 0)) break
  }
  for (const c of clients) expect((await c.engine.syncNow()).ok).toBe(true)
}

describe('sync convergence (fast-check)', () => {
  it('converges two clients and the province for any interleaving of edits and syncs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 2, maxLength: 16 }), async (commands) => {
        await testPost(server.url, 'restore', { communeId: DEMO_COMMUNE.id })
        const clients = [
          await createClient(server.url, { signIn: false, tokens: createMemoryTokenStore(tokens) }),
          await createClient(server.url, { signIn: false, tokens: createMemoryTokenStore(tokens) }),
        ]
        try {
          for (const [n, command] of commands.entries()) await apply(clients, command, n)
          await quiesce(clients)
          const province = serverAnnouncements(await communeState(server.url))
          for (const c of clients) {
            expect(await c.db.outbox.count()).toBe(0)
            expect(await clientAnnouncements(c.db)).toEqual(province)
          }
        } finally {
          for (const c of clients) await c.close()
        }
      }),
      {
        numRuns: Number(process.env.SYNC_RUNS ?? 25),
        seed: process.env.SYNC_FC_SEED ? Number(process.env.SYNC_FC_SEED) : undefined,
      },
    )
  }, 180_000)
})
