/**
 * The operation log (kept by main, here the real service on a temp folder) goes to the reference
 * province server as observations during a sync cycle: once per entry, even when an answer is lost,
 * and only what the province does not have yet on the next cycle.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { openOperationLog, type AppendInput } from '../../../src/main/services/oplog/operation-log'
import { collectingLogger } from '../../unit/helpers/collecting-logger'
import { tempDirs } from '../../unit/helpers/temp-dir'
import { communeState, faults } from './helpers'
import { useProvinceServer } from './server-fixture'

const province = useProvinceServer({ healFaults: true })
const dirs = tempDirs('daixa-oplog-sync-')
afterEach(() => dirs.cleanup())

const HUNG = { id: '0190f3c2-7b1e-7c4a-9f3e-2f4d1a9b0c12', name: 'Hùng', role: 'officer' as const }

const action = (n: number): AppendInput => ({
  user: HUNG,
  action: n % 2 === 0 ? 'delete' : 'approve',
  outcome: n % 2 === 0 ? 'done' : 'refused',
  object: { kind: 'announcement', id: null, label: `Thông báo ${n}` },
  before: { title: `Thông báo ${n}` },
  after: null,
})

describe('sync engine operations step', () => {
  it('sends the operation log once, even when the answer is lost, then only what is new', async () => {
    const oplog = await openOperationLog({ dir: await dirs.make(), log: collectingLogger() })
    const first = [await oplog.append(action(1)), await oplog.append(action(2)), await oplog.append(action(3))]
    const c = await province.client({ operationLog: oplog })
    await faults(province.url, { script: [{ fault: 'drop-after-commit', path: '/v1/observations' }] })
    expect((await c.engine.syncNow()).ok).toBe(false)
    expect(await oplog.unsent(10)).toHaveLength(3)
    expect((await c.engine.syncNow()).ok).toBe(true)
    expect(await oplog.unsent(10)).toEqual([])

    let state = await communeState(province.url)
    expect(Object.keys(state.operations ?? {}).sort()).toEqual(first.map((e) => e.id).sort())
    const stored = state.operations?.[first[1]?.id ?? '']?.entry
    expect(stored).toMatchObject({ seq: 2, action: 'delete', outcome: 'done', user: { name: 'Hùng' } })
    expect(stored?.hash).toBe(first[1]?.hash)
    expect(stored?.prev).toBe(first[0]?.hash)

    const later = await oplog.append(action(4))
    expect((await c.engine.syncNow()).ok).toBe(true)
    state = await communeState(province.url)
    expect(Object.keys(state.operations ?? {})).toHaveLength(4)
    expect(state.operations?.[later.id]?.entry.seq).toBe(4)
  })
})
