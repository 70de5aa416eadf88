import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { canonicalJson, digestOf, entryHash } from '../../../../../src/main/services/oplog/chain'
import { openOperationLog, type AppendInput } from '../../../../../src/main/services/oplog/operation-log'
import { operationFilterSchema } from '../../../../../src/shared/ipc/oplog'
import { collectingLogger } from '../../../helpers/collecting-logger'
import { tempDirs } from '../../../helpers/temp-dir'

const dirs = tempDirs('daixa-oplog-')
afterEach(() => dirs.cleanup())

const LAN = { id: '0190f3c2-7b1e-7c4a-9f3e-2f4d1a9b0c11', name: 'Lan', role: 'approver' as const }
const entry = (n: number): AppendInput => ({
  user: n % 2 === 0 ? LAN : null,
  action: n % 3 === 0 ? 'delete' : 'approve',
  outcome: 'done',
  object: { kind: 'announcement', id: null, label: `Bản tin ${n}` },
  before: { title: `Bản tin ${n}`, approval: 'awaiting-approval' },
  after: n % 3 === 0 ? null : { title: `Bản tin ${n}`, approval: 'approved' },
})

async function logWith(count: number) {
  const dir = await dirs.make()
  let clock = Date.parse('2025-06-01T00:00:00.000Z')
  const oplog = await openOperationLog({ dir, log: collectingLogger(), now: () => new Date((clock += 60_000)) })
  for (let n = 1; n <= count; n++) await oplog.append(entry(n))
  const file = join(dir, 'operations.jsonl')
  return { dir, oplog, file, lines: async () => (await readFile(file, 'utf8')).split('\n').filter(Boolean) }
}

describe('main/services/oplog', () => {
  it('digests objects canonically: the same state in any key order gives the same digest', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }] })).toBe('{"a":[{"c":null,"d":2}],"b":1}')
    expect(digestOf({ x: 1, y: 2 })).toBe(digestOf({ y: 2, x: 1 }))
    expect(digestOf(null)).toBeNull()
  })

  it('appends chained entries to the file as they happen and checks intact after a reopen', async () => {
    const { dir, oplog, lines } = await logWith(5)
    const written = (await lines()).map((l) => JSON.parse(l) as { seq: number; prev: string; hash: string })
    expect(written.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5])
    expect(written[0]?.prev).toBe('0'.repeat(64))
    for (let n = 1; n < written.length; n++) expect(written[n]?.prev).toBe(written[n - 1]?.hash)
    expect(await oplog.verify()).toEqual({ ok: true, count: 5 })
    const again = await openOperationLog({ dir, log: collectingLogger() })
    const sixth = await again.append(entry(6))
    expect(sixth.seq).toBe(6)
    expect(sixth.prev).toBe(written[4]?.hash)
    expect(await again.verify()).toEqual({ ok: true, count: 6 })
    const { hash, ...rest } = sixth
    expect(entryHash(rest)).toBe(hash)
  })

  it('names the entry whose line was edited on disk', async () => {
    const { oplog, file, lines } = await logWith(6)
    const all = await lines()
    all[3] = (all[3] ?? '').replace('"Bản tin 4"', '"Bản tin khác"')
    await writeFile(file, `${all.join('\n')}\n`)
    expect(await oplog.verify()).toMatchObject({ ok: false, problem: 'altered', seq: 4, action: 'approve' })
  })

  it('names an entry rewritten with a recomputed hash: the next one no longer links to it', async () => {
    const { oplog, file, lines } = await logWith(4)
    const all = await lines()
    const second = JSON.parse(all[1] ?? '') as Record<string, unknown>
    const rest: Record<string, unknown> = { ...second, outcome: 'refused' }
    delete rest.hash
    all[1] = JSON.stringify({ ...rest, hash: entryHash(rest as never) })
    await writeFile(file, `${all.join('\n')}\n`)
    expect(await oplog.verify()).toMatchObject({ ok: false, problem: 'altered', seq: 2 })
  })

  it('names the first removed entry, in the middle and at the end', async () => {
    const middle = await logWith(5)
    const all = await middle.lines()
    await writeFile(middle.file, `${[all[0], all[1], all[3], all[4]].join('\n')}\n`)
    expect(await middle.oplog.verify()).toMatchObject({ ok: false, problem: 'removed', seq: 3 })

    const end = await logWith(5)
    const kept = (await end.lines()).slice(0, 3)
    await writeFile(end.file, `${kept.join('\n')}\n`)
    expect(await end.oplog.verify()).toMatchObject({ ok: false, problem: 'removed', seq: 4 })
  })

  it('names a line that is no longer JSON', async () => {
    const { oplog, file, lines } = await logWith(3)
    const all = await lines()
    all[1] = '{"seq":2,'
    await writeFile(file, `${all.join('\n')}\n`)
    expect(await oplog.verify()).toMatchObject({ ok: false, problem: 'altered', seq: 2 })
  })

  it('lists newest first with filters, and hands the province what it has not got yet', async () => {
    const { oplog } = await logWith(6)
    const all = await oplog.list(operationFilterSchema.parse({}))
    expect(all.entries.map((e) => e.seq)).toEqual([6, 5, 4, 3, 2, 1])
    const lan = await oplog.list(operationFilterSchema.parse({ userId: LAN.id, action: 'approve' }))
    expect(lan.entries.map((e) => e.seq)).toEqual([4, 2])
    const window = await oplog.list(
      operationFilterSchema.parse({ from: '2025-06-01T00:02:00.000Z', to: '2025-06-01T00:04:00.000Z' }),
    )
    expect(window.entries.map((e) => e.seq)).toEqual([4, 3, 2])

    expect((await oplog.unsent(4)).map((e) => e.seq)).toEqual([1, 2, 3, 4])
    await oplog.markSent(4)
    expect((await oplog.unsent(4)).map((e) => e.seq)).toEqual([5, 6])
    await oplog.markSent(2)
    expect((await oplog.unsent(10)).map((e) => e.seq)).toEqual([5, 6])
  })
})
