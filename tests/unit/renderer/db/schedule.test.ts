import { afterEach, describe, expect, it } from 'vitest'
import { newId } from '../../../../src/shared/ids'
import { createDatabase, type DaixaDb } from '../../../../src/renderer/db/database'
import { addRecordedAnnouncement } from '../../../../src/renderer/db/queries/announcements'
import {
  deleteRule,
  listRules,
  listSchedules,
  listSessions,
  loadPolicy,
  planDayFromDb,
  rundownForDay,
  saveRule,
  savePolicy,
  saveSession,
  setDayEntries,
} from '../../../../src/renderer/db/queries/schedule'
import type { Placement } from '../../../../src/shared/onair/placement'
import { defaultPolicy } from '../../../../src/shared/onair/policy'
import { defaultSessions } from '../../../../src/shared/onair/session'
import { instantOf } from '../../../../src/shared/onair/station-time'
import { dropDatabase, uniqueDbName } from './migration-harness'

const DAY = '2026-11-23'
const H1 = '1'.repeat(64)
const H2 = '2'.repeat(64)

let db: DaixaDb
afterEach(async () => dropDatabase(db))

async function fresh(): Promise<DaixaDb> {
  db = createDatabase(uniqueDbName('schedule'))
  await db.open()
  return db
}

async function recorded(hash: string, title: string, durationMs: number) {
  return addRecordedAnnouncement(db, {
    hash,
    title,
    durationMs,
    sampleRate: 44100,
    channels: 1,
    sampleCount: 1,
    sizeBytes: 100,
    startedAt: '2026-11-20T00:00:00.000Z',
  })
}

const rule = (id: string, sessionId: string, content: Placement['content'], rrule = 'FREQ=DAILY'): Placement => ({
  id,
  sessionId,
  content,
  priority: null,
  order: 0,
  when: { kind: 'rule', dtstart: '2026-11-01', rrule },
})

describe('schedule queries', () => {
  it('gives the three default sessions until one is saved, then keeps the edit with the others', async () => {
    await fresh()
    expect((await listSessions(db)).map((s) => [s.id, s.start])).toEqual([
      ['sang', '05:30'],
      ['trua', '11:00'],
      ['chieu', '17:00'],
    ])
    const [sang] = defaultSessions()
    await saveSession(db, {
      ...sang!,
      start: '05:00',
      lengthMin: 45,
      zones: [{ name: 'Thôn 1', onCode: '*1#', offCode: '*0#' }],
    })
    const saved = await listSessions(db)
    expect(saved).toHaveLength(3)
    expect(saved.find((s) => s.id === 'sang')).toMatchObject({
      start: '05:00',
      lengthMin: 45,
      zones: [{ onCode: '*1#' }],
    })
  })

  it('fills defaults for session rows written before the schedule feature', async () => {
    await fresh()
    await db.sessions.put({ id: 'old', label: 'Buổi tối', start: '19:00' })
    expect(await listSessions(db)).toEqual([
      {
        id: 'old',
        label: 'Buổi tối',
        start: '19:00',
        lengthMin: 30,
        isEnabled: true,
        preRoll: [],
        postRoll: [],
        zones: [],
        rds: null,
      },
    ])
  })

  it('stores, lists and deletes recurring rules', async () => {
    await fresh()
    await saveRule(db, rule('r1', 'sang', { kind: 'silence', durationMs: 5000 }, 'FREQ=WEEKLY;BYDAY=MO'))
    expect(await listRules(db)).toEqual([
      { ...rule('r1', 'sang', { kind: 'silence', durationMs: 5000 }, 'FREQ=WEEKLY;BYDAY=MO'), scheduleId: 'r1' },
    ])
    await deleteRule(db, 'r1')
    expect(await listRules(db)).toEqual([])
  })

  it('refuses a rule the planner could not read', async () => {
    await fresh()
    await expect(
      saveRule(db, rule('bad', 'sang', { kind: 'silence', durationMs: 5000 }, 'FREQ=HOURLY')),
    ).rejects.toThrow()
    expect(await db.scheduleRules.count()).toBe(0)
  })

  it('writes a day schedule with an outbox entry holding the province content, then updates and deletes it', async () => {
    await fresh()
    const a = await recorded(H1, 'Thông báo tiêm chủng', 60_000)
    await db.clusters.put({
      id: 'c1',
      code: 'C1',
      name: 'Cụm 1',
      hamlet: 'Thôn 1',
      technology: 'wired',
      status: 'working',
      address: '',
      latitude: null,
      longitude: null,
      yearInstalled: null,
      origin: 'province',
      serverVersion: 1,
    })
    await db.outbox.clear()
    const e1 = { id: newId(), content: { kind: 'announcement' as const, id: a.id }, priority: null, order: 0 }
    const e2 = { id: newId(), content: { kind: 'silence' as const, durationMs: 2000 }, priority: null, order: 1 }
    await setDayEntries(db, DAY, 'trua', [e1, e2])
    const [row] = await db.schedules.toArray()
    expect(row).toMatchObject({ date: DAY, sessionId: 'trua', entries: [e1, e2] })
    const [create] = await db.outbox.toArray()
    expect(create).toMatchObject({ entity: 'schedule', entityId: row?.id, op: 'create' })
    expect(create?.payload).toMatchObject({
      date: DAY,
      sessionId: 'trua',
      timeZone: 'Asia/Ho_Chi_Minh',
      clusterIds: ['c1'],
      items: [
        {
          id: e1.id,
          target: { kind: 'announcement', id: a.id },
          startAt: '2026-11-23T04:00:00.000Z',
          durationMs: 60_000,
        },
      ],
    })
    await setDayEntries(db, DAY, 'trua', [e2])
    await setDayEntries(db, DAY, 'trua', [])
    expect((await db.outbox.toArray()).map((o) => o.op)).toEqual(['create', 'update', 'delete'])
    expect(await db.schedules.count()).toBe(0)
  })

  it('leaves nothing behind when a write is refused', async () => {
    await fresh()
    await expect(
      setDayEntries(db, DAY, 'trua', [
        { id: 'x', content: { kind: 'silence', durationMs: 1 }, priority: null, order: 0 },
      ]),
    ).rejects.toThrow()
    expect(await db.schedules.count()).toBe(0)
    expect(await db.outbox.count()).toBe(0)
  })

  it('reads province schedules by their items and ignores cancelled ones', async () => {
    await fresh()
    const base = { sessionId: 'sang', serverVersion: 2, updatedAt: '2026-11-20T00:00:00.000Z' }
    const item = (id: string, startAt: string) => ({
      id,
      target: { kind: 'program', id: `p-${id}` },
      startAt,
      durationMs: 1000,
    })
    // Rows as the sync feature writes them (sync-rows.ts): fields beyond ScheduleRow, hence the casts.
    await db.schedules.bulkPut([
      {
        ...base,
        id: 's1',
        date: DAY,
        items: [item('b', '2026-11-22T22:35:00Z'), item('a', '2026-11-22T22:30:00Z')],
        status: 'active',
      } as never,
      {
        ...base,
        id: 's2',
        date: '2026-11-24',
        items: [item('c', '2026-11-23T22:30:00Z')],
        status: 'cancelled',
      } as never,
    ])
    const placements = await listSchedules(db, DAY, '2026-11-24')
    expect(placements.map((p) => [p.id, p.content, p.scheduleId])).toEqual([
      ['a', { kind: 'program', id: 'p-a' }, 's1'],
      ['b', { kind: 'program', id: 'p-b' }, 's1'],
    ])
  })

  it("assembles the day's rundown from rules, day schedules, announcements and programs", async () => {
    await fresh()
    const a = await recorded(H1, 'Thông báo lịch tiêm', 90_000)
    const b = await recorded(H2, 'Tin thời tiết', 30_000)
    await db.programs.put({
      id: 'prog1',
      title: 'Chương trình tỉnh',
      priority: 'priority',
      validFrom: null,
      validTo: null,
      serverVersion: 1,
      updatedAt: '2026-11-01T00:00:00Z',
      mediaHash: H2,
      durationMs: 120_000,
      source: 'province',
      language: 'vi',
      status: 'active',
    })
    await saveRule(db, rule('daily', 'sang', { kind: 'announcement', id: a.id }))
    await saveRule(
      db,
      rule('relay', 'sang', {
        kind: 'relay',
        title: 'VOV1',
        url: null,
        durationMs: 600_000,
        source: 'relay-national-radio',
      }),
    )
    await setDayEntries(db, DAY, 'sang', [
      { id: newId(), content: { kind: 'program', id: 'prog1' }, priority: null, order: 5 },
      { id: newId(), content: { kind: 'announcement', id: b.id }, priority: null, order: 9 },
    ])
    const [session, ...others] = await rundownForDay(db, DAY)
    expect(others).toEqual([])
    const start = instantOf(DAY, '05:30')
    expect(session?.items.map((i) => [i.title, i.plannedStartMs - start, i.priority, i.source])).toEqual([
      ['Chương trình tỉnh', 0, 'priority', 'relay-provincial'],
      ['Thông báo lịch tiêm', 120_000, 'normal', 'own'],
      ['VOV1', 210_000, 'normal', 'relay-national-radio'],
      ['Tin thời tiết', 810_000, 'normal', 'own'],
    ])
    const planned = await planDayFromDb(db, DAY)
    expect(planned.flatMap((p) => p.problems)).toEqual([])
  })

  it('plays rendered bulletins and stored jingles, and reports a bulletin not rendered yet', async () => {
    await fresh()
    await recorded(H2, 'Bản thu', 45_000)
    const at = '2026-11-20T00:00:00.000Z'
    await db.bulletins.bulkPut([
      { id: 'b1', title: 'Bản tin sáng', approval: 'approved', updatedAt: at, renderedHash: H2 },
      { id: 'b2', title: 'Bản tin nháp', approval: 'draft', updatedAt: at, renderedHash: null },
    ])
    await db.settings.put({ key: 'bulletins.jingle.hieu-dai', value: { hash: H1, durationMs: 8_000 } })
    await setDayEntries(db, DAY, 'chieu', [
      { id: newId(), content: { kind: 'jingle', id: 'hieu-dai' }, priority: null, order: 0 },
      { id: newId(), content: { kind: 'bulletin', id: 'b1' }, priority: null, order: 1 },
      { id: newId(), content: { kind: 'bulletin', id: 'b2' }, priority: null, order: 2 },
    ])
    const chieu = (await planDayFromDb(db, DAY)).find((p) => p.template.id === 'chieu')
    expect(chieu?.rundown.items.map((i) => [i.kind, i.title, i.durationMs, i.mediaHash])).toEqual([
      ['jingle', 'hieu-dai', 8_000, H1],
      ['bulletin', 'Bản tin sáng', 45_000, H2],
    ])
    expect(chieu?.problems.map((p) => [p.kind, p.title])).toEqual([['missing-media', 'Bản tin nháp']])
  })

  it('keeps the station policy, with defaults until saved', async () => {
    await fresh()
    expect(await loadPolicy(db)).toEqual(defaultPolicy())
    const policy = {
      ...defaultPolicy(),
      maxMinutesPerSession: 15,
      maxSessionsPerDay: 2,
      allowedDays: ['MO' as const, 'TU' as const],
    }
    await savePolicy(db, policy)
    expect(await loadPolicy(db)).toEqual(policy)
  })
})
