import { afterEach, describe, expect, it } from 'vitest'
import { createDatabase, type DaixaDb } from '../../../../src/renderer/db/database'
import {
  appendPlayLog,
  listPlayLogBetween,
  localDayRange,
  loggedItemIds,
} from '../../../../src/renderer/db/queries/play-log'
import { playLogRowOf } from '../../../../src/renderer/audio/playout/log-rows'
import { item } from '../audio/playout/fixtures'
import { dropDatabase, uniqueDbName } from './migration-harness'

let db: DaixaDb
afterEach(async () => dropDatabase(db))

const T0 = Date.parse('2026-11-23T05:30:00Z')

describe('db/queries/play-log', () => {
  it('appends a row and its outbox entry together, with planned and actual times and device results', async () => {
    db = createDatabase(uniqueDbName('playlog'))
    await db.open()
    const row = playLogRowOf({
      sessionId: 'sang',
      item: item('a', T0, 60_000),
      outcome: 'played',
      actualStartMs: T0 + 12,
      actualEndMs: T0 + 60_012,
      deviceActions: [
        { step: 'rf ex on', phase: 'pre-roll', isOk: false, detail: 'disconnected', at: '2026-11-23T05:29:58.000Z' },
      ],
    })
    const saved = await appendPlayLog(db, row)
    expect(saved).toMatchObject({
      itemId: 'a',
      plannedStart: '2026-11-23T05:30:00.000Z',
      plannedEnd: '2026-11-23T05:31:00.000Z',
      actualStart: '2026-11-23T05:30:00.012Z',
      actualEnd: '2026-11-23T05:31:00.012Z',
      outcome: 'played',
      sessionId: 'sang',
    })
    const outbox = await db.outbox.toArray()
    expect(outbox).toHaveLength(1)
    expect(outbox[0]).toMatchObject({ entity: 'playLog', entityId: saved.id, op: 'create', payload: saved })
    expect(await loggedItemIds(db, ['a', 'b'])).toEqual(new Set(['a']))
  })

  it('lists the rows planned within a day, oldest first', async () => {
    db = createDatabase(uniqueDbName('playlog'))
    await db.open()
    for (const [id, at] of [
      ['b', T0 + 1000],
      ['a', T0],
      ['z', T0 + 86_400_000 * 2],
    ] as const) {
      await appendPlayLog(
        db,
        playLogRowOf({
          sessionId: 's',
          item: item(id, at, 1000),
          outcome: 'skipped',
          actualStartMs: null,
          actualEndMs: null,
        }),
      )
    }
    const { fromIso, toIso } = localDayRange(new Date(T0))
    expect((await listPlayLogBetween(db, fromIso, toIso)).map((r) => r.itemId)).toEqual(['a', 'b'])
  })

  it('keeps a trial run without an outbox entry, and never takes it as already played', async () => {
    db = createDatabase(uniqueDbName('playlog'))
    await db.open()
    const trialRow = {
      ...playLogRowOf({
        sessionId: 'trial-1:sang',
        item: item('trial-1:a@2026-11-23', T0, 60_000),
        outcome: 'played',
        actualStartMs: T0,
        actualEndMs: T0 + 60_000,
      }),
      isTrial: true,
    }
    const saved = await appendPlayLog(db, trialRow)
    expect(saved.isTrial).toBe(true)
    expect(await db.outbox.count()).toBe(0)
    // even a trial row that carried the real item's id would not make a restart skip it
    await appendPlayLog(db, { ...trialRow, itemId: 'a@2026-11-23' })
    expect(await db.outbox.count()).toBe(0)
    expect(await loggedItemIds(db, ['a@2026-11-23', 'trial-1:a@2026-11-23'])).toEqual(new Set())
    const real = await appendPlayLog(db, { ...trialRow, isTrial: false, itemId: 'a@2026-11-23' })
    expect(await db.outbox.toArray()).toMatchObject([{ entity: 'playLog', entityId: real.id }])
    expect(await loggedItemIds(db, ['a@2026-11-23'])).toEqual(new Set(['a@2026-11-23']))
  })
})
