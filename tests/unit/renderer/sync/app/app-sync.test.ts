import { createHash, randomBytes } from 'node:crypto'
import Dexie from 'dexie'
import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest'
import { createDatabase, type DaixaDb } from '../../../../../src/renderer/db/database'
import { addRecordedAnnouncement } from '../../../../../src/renderer/db/queries/announcements'
import { createAppSync, type AppSync } from '../../../../../src/renderer/sync/app/app-sync'
import { badgeFor } from '../../../../../src/renderer/sync/app/item-badge'
import { badgeInputs } from '../../../../../src/renderer/sync/app/sync-rows'
import { DEMO_ACCOUNT, DEMO_COMMUNE } from '../../../../province-server/demo-seed'
import { serverState, startTestServer, type TestServer } from '../../../../integration/province-server/helpers'
import { startMainBridge, type MainBridge } from './main-bridge'

let server: TestServer
let main: MainBridge
let db: DaixaDb
let stopSync: (() => Promise<void>) | null = null
let n = 0

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => server.stop())
afterEach(async () => {
  await stopSync?.()
  stopSync = null
  db.close()
  await Dexie.delete(db.name)
  await main.close()
})

async function open(): Promise<AppSync> {
  main = await startMainBridge()
  db = createDatabase(`daixa-app-sync-${process.pid}-${++n}`)
  await db.open()
  const sync = createAppSync({
    db,
    call: main.call,
    on: main.on,
    engine: { watchOutbox: false, idleIntervalMs: 600_000 },
  })
  stopSync = sync.start()
  return sync
}

const settle = (s: AppSync, done: () => boolean): Promise<void> =>
  new Promise((resolve) => {
    if (done()) return resolve()
    const off = s.subscribe(() => {
      if (!done()) return
      off()
      resolve()
    })
  })

describe('renderer/sync/app/app-sync', () => {
  it('stays idle and says not configured while no server is set', async () => {
    const s = await open()
    await settle(s, () => s.view().connection !== null)
    expect(s.view().isConfigured).toBe(false)
    expect(await s.syncNow()).toBeNull()
    expect((await s.signIn('xa-demo', 'x')).ok).toBe(false)
  })

  it('refuses a wrong password with invalid-credentials and stays signed out', async () => {
    const s = await open()
    await s.setServer(server.url)
    const answer = await s.signIn(DEMO_ACCOUNT.username, 'wrong')
    expect(answer.ok ? null : answer.error.code).toBe('invalid-credentials')
    expect(s.view().connection?.isSignedIn).toBe(false)
  })

  it('signs in, pushes a recorded announcement and its audio, and badges it on the province', async () => {
    const s = await open()
    await s.setServer(server.url)
    const signed = await s.signIn(DEMO_ACCOUNT.username, DEMO_ACCOUNT.password)
    expect(signed.ok).toBe(true)
    expect(s.view().connection).toMatchObject({ isSignedIn: true, username: DEMO_ACCOUNT.username })
    expect(s.view().connection?.communeName).toBeTruthy()

    const bytes = randomBytes(200 * 1024)
    const hash = createHash('sha256').update(bytes).digest('hex')
    await main.addMedia(hash, bytes)
    const a = await addRecordedAnnouncement(db, {
      hash,
      sampleRate: 44100,
      channels: 1,
      sampleCount: bytes.length / 2,
      durationMs: 2000,
      sizeBytes: bytes.length,
      startedAt: '2026-11-23T00:00:00.000Z',
      title: 'Thông báo họp dân',
    })
    const before = badgeFor({ id: a.id, mediaHash: hash }, { ...(await badgeInputs(db)), uploads: [] })
    expect(before).toEqual({ kind: 'only-local' })

    const report = await s.syncNow()
    expect(report?.ok).toBe(true)
    expect(s.view().status.pendingCount).toBe(0)
    const after = badgeFor({ id: a.id, mediaHash: hash }, { ...(await badgeInputs(db)), uploads: [] })
    expect(after).toEqual({ kind: 'on-province' })

    const state = await serverState(server.url, DEMO_COMMUNE.id)
    expect(JSON.stringify(state)).toContain(a.id)
    expect(JSON.stringify(state)).toContain(hash)
  })

  it('sends the operation log to the province as observations, each entry once', async () => {
    const s = await open()
    await s.setServer(server.url)
    expect((await s.signIn(DEMO_ACCOUNT.username, DEMO_ACCOUNT.password)).ok).toBe(true)
    const object = { kind: 'announcement', id: null, label: 'Thông báo họp dân' }
    const first = await main.oplog.append({ user: null, action: 'approve', outcome: 'done', object, after: { a: 1 } })
    const second = await main.oplog.append({ user: null, action: 'delete', outcome: 'done', object, before: { a: 1 } })
    expect((await s.syncNow())?.ok).toBe(true)
    const state = (await serverState(server.url, DEMO_COMMUNE.id)) as {
      operations?: Record<string, { entry: unknown }>
    }
    expect(Object.values(state.operations ?? {}).map((o) => o.entry)).toEqual(
      expect.arrayContaining([expect.objectContaining(first), expect.objectContaining(second)]),
    )
    expect(await main.oplog.unsent(10)).toEqual([])
    // Nothing new: the next cycle sends nothing again.
    expect((await s.syncNow())?.ok).toBe(true)
    expect(Object.keys((await serverState(server.url, DEMO_COMMUNE.id)).operations ?? {})).toHaveLength(2)
  })
})
