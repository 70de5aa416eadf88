/**
 * The save of a take as one recoverable step, against the real browser host as a child process:
 * the app killed between the host storing the file and the page writing the library row offers
 * the take back at the next start (through the page's real recovery code and Dexie); a file no one
 * references is offered too; and on a really full disk (a tmpfs) a failed recovery leaves no
 * temporary file, and works as soon as space is freed, with no restart.
 */
import { readdirSync } from 'node:fs'
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createDatabase, type DaixaDb } from '../../../src/renderer/db/database'
import { BridgeError } from '../../../src/renderer/bridge/bridge-error'
import { fileRecovered, settleInterrupted } from '../../../src/renderer/features/record/interrupted'
import { fileUnfiled, findUnfiledMedia } from '../../../src/renderer/features/record/unfiled'
import type { Channel, CommandInput, CommandOutput } from '../../../src/shared/ipc/contract'
import { newId } from '../../../src/shared/ids'
import { startHost, type HostProcess } from '../../e2e/support/host-process'
import { mountTinyFs, type TinyFs } from '../../support/tiny-fs'
import { dropDatabase, uniqueDbName } from '../../unit/renderer/db/migration-harness'
import { noiseBytes, sinePcm } from '../../unit/helpers/pcm'
import { tempDirs } from '../../unit/helpers/temp-dir'
import { connectBridge, type BridgeClient } from '../host/bridge-client'
import { buildHost, type BuiltHost } from './built-host'

let built: BuiltHost
const dirs = tempDirs('daixa-save-')
const hosts: HostProcess[] = []
const clients: BridgeClient[] = []
const dbs: DaixaDb[] = []

beforeAll(async () => {
  built = await buildHost()
}, 60_000)
afterEach(async () => {
  for (const c of clients.splice(0)) await c.close().catch(() => undefined)
  for (const h of hosts.splice(0)) await h.stop()
  for (const db of dbs.splice(0)) await dropDatabase(db)
  await dirs.cleanup()
})
afterAll(() => built.remove())

async function host(dataDir: string): Promise<HostProcess> {
  const h = await startHost(dataDir, 0, built.entry)
  hosts.push(h)
  return h
}

/** The page's side of the bridge: `call` as the renderer has it (a failed Result throws). */
async function page(h: HostProcess) {
  const client = await connectBridge(h.port, h.origin, { Cookie: await h.cookie() })
  clients.push(client)
  return async <C extends Channel>(channel: C, input: CommandInput<C>): Promise<CommandOutput<C>> => {
    const result = await client.invoke(channel, input)
    if (!result.ok) throw new BridgeError(result.error.code, result.error.message)
    return result.value as CommandOutput<C>
  }
}
type PageCall = Awaited<ReturnType<typeof page>>

async function pageDatabase(): Promise<DaixaDb> {
  const db = createDatabase(uniqueDbName('save'))
  await db.open()
  dbs.push(db)
  return db
}

/** Records 1.5 s at 8 kHz and stops: the host stores the file and answers. */
async function recordAndStop(call: PageCall, title: string) {
  const id = newId()
  await call('recording:start', { id, title, sampleRate: 8000 })
  const pcm = sinePcm(8000, 440, 0.5, 12_000)
  for (let seq = 0; seq < 3; seq++) {
    await call('recording:append', { id, seq, pcm: pcm.slice(seq * 8000, (seq + 1) * 8000) })
  }
  return { id, media: await call('recording:stop', { id }) }
}

const tempFilesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.tmp'))

describe('saving a take', () => {
  it('offers the take back at the next start when the app died before the library row was written', async () => {
    const dataDir = await dirs.make()
    const first = await host(dataDir)
    const { id, media } = await recordAndStop(await page(first), 'Thông báo lúc mất điện')
    await first.kill() // the page had the answer, not yet the row

    const call = await page(await host(dataDir))
    const db = await pageDatabase()
    const commit = async (takeId: string) => void (await call('recording:commit', { id: takeId }))
    const listed = await call('recording:listInterrupted', {})
    expect(listed).toMatchObject([{ id, hash: media.hash, title: 'Thông báo lúc mất điện', sampleCount: 12_000 }])
    expect(await settleInterrupted(db, listed, commit)).toHaveLength(1)

    const recovered = await call('recording:recover', { id })
    expect(recovered).toEqual(media)
    const row = await fileRecovered(db, id, recovered, 'không tên', commit)
    expect(row).toMatchObject({ title: 'Thông báo lúc mất điện', mediaHash: media.hash, source: 'recording' })
    expect(await call('recording:listInterrupted', {})).toEqual([])
    const stored = await readFile(join(dataDir, 'media', `${media.hash}.wav`))
    expect(stored.byteLength).toBe(44 + 24_000)
  })

  it('settles quietly a take whose row was written just before the crash', async () => {
    const dataDir = await dirs.make()
    const first = await host(dataDir)
    const db = await pageDatabase()
    const firstCall = await page(first)
    const { id, media } = await recordAndStop(firstCall, 'Đã có trong thư viện')
    await fileRecovered(db, id, media, '', () => Promise.resolve()) // the row, but not the commit
    await first.kill()

    const call = await page(await host(dataDir))
    const commit = async (takeId: string) => void (await call('recording:commit', { id: takeId }))
    expect(await settleInterrupted(db, await call('recording:listInterrupted', {}), commit)).toEqual([])
    expect(await call('recording:listInterrupted', {})).toEqual([])
    expect(await db.announcements.count()).toBe(1)
  })

  it('offers back a stored file that no row and no journal names', async () => {
    const dataDir = await dirs.make()
    const first = await host(dataDir)
    const { id, media } = await recordAndStop(await page(first), 'Mồ côi')
    // What the earlier save lost: the journal gone, the row never written.
    await rm(join(dataDir, 'recordings', `${id}.json`))
    await first.kill()

    const call = await page(await host(dataDir))
    const db = await pageDatabase()
    await db.settings.put({ key: 'bulletins.jingle.default-intro', value: { hash: 'c'.repeat(64), durationMs: 900 } })
    const input = async () => ({
      stored: await call('media:list', {}),
      journalHashes: new Set<string>(),
      before: new Date(Date.now() + 1000).toISOString(),
    })
    expect(await findUnfiledMedia(db, await input())).toEqual([media.hash])
    const info = await call('media:describe', { hash: media.hash })
    expect(info).toMatchObject({ sampleRate: 8000, channels: 1, sampleCount: 12_000, durationMs: 1500 })
    await fileUnfiled(db, info, 'Bản thu lưu lúc 08/03/2026 08:30')
    expect(await findUnfiledMedia(db, await input())).toEqual([])
    // Files written after the page loaded are not offered (they may be on their way into a table).
    await db.announcements.clear()
    expect(await findUnfiledMedia(db, { ...(await input()), before: '2000-01-01T00:00:00.000Z' })).toEqual([])
  })
})

describe('a recording on a full disk (tmpfs)', () => {
  let tiny: TinyFs | null = null
  afterEach(async () => {
    for (const h of hosts.splice(0)) await h.stop()
    tiny?.unmount()
    tiny = null
  })

  it('ends the take at the failed write, refuses recovery with no temp file left, and recovers once space is freed', async () => {
    tiny = mountTinyFs(1024 * 1024)
    const dataDir = join(tiny.dir, 'data')
    const call = await page(await host(dataDir))
    tiny.fill(150_000)
    const id = newId()
    await call('recording:start', { id, title: 'Đầy đĩa', sampleRate: 48_000 })
    let seq = 0
    let failure: unknown = null
    while (failure === null && seq < 100) {
      await call('recording:append', { id, seq, pcm: noiseBytes(9600, seq + 1).slice() }).then(
        () => seq++,
        (error: unknown) => (failure = error),
      )
    }
    expect(failure).toMatchObject({ code: 'disk-full' })
    expect(seq).toBeGreaterThan(5)
    const [listed] = await call('recording:listInterrupted', {})
    expect(listed).toMatchObject({ id, sampleCount: seq * 4800, hash: null })

    tiny.fill(0) // what the failed write gave back is taken too: the disk is really full
    await expect(call('recording:recover', { id })).rejects.toMatchObject({ code: 'disk-full' })
    expect(tempFilesUnder(dataDir)).toEqual([])
    expect(readdirSync(join(dataDir, 'media'))).toEqual([])

    tiny.free()
    const media = await call('recording:recover', { id })
    expect(media).toMatchObject({ sampleCount: seq * 4800, title: 'Đầy đĩa' })
    await call('recording:commit', { id })
    expect(tempFilesUnder(dataDir)).toEqual([])
    expect(readdirSync(join(dataDir, 'media')).sort()).toEqual([`${media.hash}.peaks.json`, `${media.hash}.wav`])
    expect(await call('recording:listInterrupted', {})).toEqual([])
  })
})
