import { afterEach, describe, expect, it } from 'vitest'
import { newId } from '../../../../../src/shared/ids'
import { createDatabase, type DaixaDb } from '../../../../../src/renderer/db/database'
import { addRecordedAnnouncement } from '../../../../../src/renderer/db/queries/announcements'
import { setDayEntries } from '../../../../../src/renderer/db/queries/schedule'
import { SESSION_LEAD_MS, startAutoSchedule } from '../../../../../src/renderer/features/onair/auto-schedule'
import { dropDatabase, uniqueDbName } from '../../db/migration-harness'
import { manualTime, recordingEngine } from './manual-time'

const DAY = '2026-11-23'
/** 05:30 in Vietnam (UTC+7) on DAY: the morning session. */
const MORNING = Date.parse('2026-11-22T22:30:00.000Z')
const NOON = Date.parse('2026-11-23T04:00:00.000Z')

let db: DaixaDb
let stop: (() => void) | null = null
afterEach(async () => {
  stop?.()
  stop = null
  await dropDatabase(db)
})

async function announcement(title: string) {
  return addRecordedAnnouncement(db, {
    hash: newId().replace(/-/g, '').padEnd(64, '0').slice(0, 64),
    title,
    durationMs: 60_000,
    sampleRate: 44100,
    channels: 1,
    sampleCount: 1,
    sizeBytes: 100,
    startedAt: '2026-11-20T00:00:00.000Z',
  })
}

describe('features/onair/auto-schedule', () => {
  it('hands the morning session to the engine just before 05:30 and not earlier', async () => {
    db = createDatabase(uniqueDbName('auto'))
    await db.open()
    const a = await announcement('Thông báo tiêm chủng')
    await setDayEntries(db, DAY, 'sang', [
      { id: newId(), content: { kind: 'announcement', id: a.id }, priority: null, order: 0 },
    ])
    const time = manualTime(MORNING - 30 * 60_000)
    const engine = recordingEngine()
    stop = await startAutoSchedule({ db, engine, now: time.now, timers: time.timers })
    await time.settle()
    await time.advanceTo(MORNING - SESSION_LEAD_MS - 1000)
    expect(engine.played).toEqual([])
    await time.advanceTo(MORNING - SESSION_LEAD_MS + 1000)
    expect(engine.played.map((s) => s.sessionId)).toEqual(['sang'])
    expect(engine.played[0]?.items.map((i) => [i.title, i.plannedStartMs])).toEqual([['Thông báo tiêm chủng', MORNING]])
  })

  it('re-plans when the officer adds to a later session while it runs', async () => {
    db = createDatabase(uniqueDbName('auto-edit'))
    await db.open()
    const a = await announcement('Lịch cắt điện')
    const time = manualTime(NOON - 60 * 60_000)
    const engine = recordingEngine()
    stop = await startAutoSchedule({ db, engine, now: time.now, timers: time.timers })
    await time.settle()
    await setDayEntries(db, DAY, 'trua', [
      { id: newId(), content: { kind: 'announcement', id: a.id }, priority: null, order: 0 },
    ])
    await time.settle()
    await time.advanceTo(NOON)
    expect(engine.played.map((s) => [s.sessionId, s.items.length])).toEqual([['trua', 1]])
  })
})
