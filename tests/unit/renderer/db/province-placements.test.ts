/**
 * The province's schedules in the station's sessions (fake-indexeddb): keys mapped by time window
 * from the pulled station profile, the officer's choice in Cài đặt, read-only province items
 * first in their priority class, one warning for a key that matches nothing, and the station's own
 * schedule of a session never confused with a province schedule of the same key.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createDatabase, type DaixaDb } from '../../../../src/renderer/db/database'
import { addRecordedAnnouncement } from '../../../../src/renderer/db/queries/announcements'
import { planDayFromDb, rundownForDay, setDayEntries } from '../../../../src/renderer/db/queries/schedule'
import { loadSessionMappings, saveOverride } from '../../../../src/renderer/db/queries/session-map'
import { listSessions, loadRundownSources } from '../../../../src/renderer/db/queries/schedule'
import { groupViolations } from '../../../../src/renderer/features/schedule/violation-groups'
import { checkDay, defaultPolicy } from '../../../../src/shared/onair/policy'
import { instantOf } from '../../../../src/shared/onair/station-time'
import { dropDatabase, uniqueDbName } from './migration-harness'

const DAY = '2026-11-23'
const H1 = '1'.repeat(64)
const H2 = '2'.repeat(64)

let db: DaixaDb
afterEach(async () => dropDatabase(db))

async function seeded(): Promise<DaixaDb> {
  db = createDatabase(uniqueDbName('province-placements'))
  await db.open()
  await db.station.put({
    id: 'station',
    communeName: 'Xã Tân Hòa',
    provinceName: 'Tỉnh Demo',
    licence: null,
    frequencyMHz: null,
    sessions: [
      { id: 'morning', label: 'Buổi sáng', start: '05:30', end: '06:15' },
      { id: 'evening', label: 'Buổi chiều', start: '17:00', end: '17:45' },
    ],
  })
  for (const [id, hash, title] of [
    ['pg-1', H1, 'Bản tin thời sự tỉnh'],
    ['pg-2', H2, 'An toàn giao thông'],
    ['pg-3', null, 'Chưa có âm thanh'],
  ] as const) {
    await db.programs.put({
      id,
      title,
      priority: 'normal',
      validFrom: null,
      validTo: null,
      serverVersion: 1,
      updatedAt: '2026-11-20T00:00:00.000Z',
      mediaHash: hash,
      durationMs: 60_000,
      source: 'province',
      language: 'vi',
      status: 'active',
    })
  }
  // the files of pg-1 and pg-2 are on this computer
  for (const hash of [H1, H2]) await db.mediaAssets.put({ hash, durationMs: 60_000 } as never)
  return db
}

/** A schedule as the sync feature stores a pulled one (sync-rows.ts). */
async function provinceSchedule(id: string, sessionId: string, items: [string, string][]): Promise<void> {
  await db.schedules.put({
    id,
    date: DAY,
    sessionId,
    serverVersion: 1,
    updatedAt: '2026-11-20T00:00:00.000Z',
    timeZone: 'Asia/Ho_Chi_Minh',
    clusterIds: ['cl-001'],
    items: items.map(([program, startAt], n) => ({
      id: `${id}-item-${n}`,
      target: { kind: 'program', id: program },
      startAt,
      durationMs: 60_000,
    })),
    note: '',
    status: 'active',
    cancelledReason: null,
    origin: 'province',
  } as never)
}

describe('province schedules in the station sessions', () => {
  it('puts the province’s morning in Buổi sáng and its evening in Buổi chiều, first, read-only', async () => {
    await seeded()
    await provinceSchedule('s-morning', 'morning', [
      ['pg-2', '2026-11-22T22:40:00.000Z'],
      ['pg-1', '2026-11-22T22:30:00.000Z'],
    ])
    await provinceSchedule('s-evening', 'evening', [['pg-1', '2026-11-23T10:00:00.000Z']])
    const own = await addRecordedAnnouncement(db, {
      hash: H2,
      title: 'Thông báo của xã',
      durationMs: 30_000,
      sampleRate: 44100,
      channels: 1,
      sampleCount: 1,
      sizeBytes: 100,
      startedAt: '2026-11-20T00:00:00.000Z',
    })
    await setDayEntries(db, DAY, 'sang', [
      { id: 'own-1', content: { kind: 'announcement', id: own.id }, priority: null, order: 0 },
    ])

    const rundown = await rundownForDay(db, DAY)
    const sang = instantOf(DAY, '05:30')
    expect(rundown.map((s) => s.sessionId)).toEqual(['sang', 'chieu'])
    expect(rundown[0]?.items.map((i) => [i.title, i.plannedStartMs - sang, i.scheduleId])).toEqual([
      ['Bản tin thời sự tỉnh', 0, 's-morning'],
      ['An toàn giao thông', 60_000, 's-morning'],
      ['Thông báo của xã', 120_000, (await db.schedules.where('sessionId').equals('sang').first())?.id ?? ''],
    ])
    expect(rundown[1]?.items.map((i) => i.title)).toEqual(['Bản tin thời sự tỉnh'])
    const sources = await loadRundownSources(db, DAY, DAY)
    const province = sources.placements.filter((p) => p.origin === 'province')
    expect(province.map((p) => p.sessionId).sort()).toEqual(['chieu', 'sang', 'sang'])
    expect(checkDay(DAY, sources, defaultPolicy())).toEqual([])
  })

  it('follows the officer’s choice in Cài đặt, and back to the time window', async () => {
    await seeded()
    await provinceSchedule('s-morning', 'morning', [['pg-1', '2026-11-22T22:30:00.000Z']])
    await saveOverride(db, 'morning', 'trua')
    expect((await rundownForDay(db, DAY)).map((s) => [s.sessionId, s.items.length])).toEqual([['trua', 1]])
    const mappings = await loadSessionMappings(db, await listSessions(db))
    expect(mappings.map((m) => [m.provinceKey, m.stationSessionId, m.by])).toEqual([
      ['morning', 'trua', 'officer'],
      ['evening', 'chieu', 'time-window'],
    ])
    await saveOverride(db, 'morning', null)
    expect((await rundownForDay(db, DAY)).map((s) => s.sessionId)).toEqual(['sang'])
  })

  it('says once that a province session matches none of the station’s, however many items it holds', async () => {
    await seeded()
    await db.station.update('station', { sessions: [] })
    const night = '2026-11-23T14:00:00.000Z' // 21:00 station time: no session near it
    await provinceSchedule('s-night', 'night', [
      ['pg-1', night],
      ['pg-2', night],
    ])
    await provinceSchedule('s-night-2', 'night', [['pg-1', night]])
    const sources = await loadRundownSources(db, DAY, DAY)
    const violations = checkDay(DAY, sources, defaultPolicy())
    expect(violations.map((v) => v.kind)).toEqual(['unknown-session', 'unknown-session', 'unknown-session'])
    const groups = groupViolations(violations)
    expect(groups).toHaveLength(1)
    expect(groups[0]).toMatchObject({ count: 3, violation: { sessionId: 'night', origin: 'province' } })
    // the officer places it: it plays in Buổi chiều, and the warning is gone
    await saveOverride(db, 'night', 'chieu')
    const after = await loadRundownSources(db, DAY, DAY)
    expect(checkDay(DAY, after, defaultPolicy())).toEqual([])
  })

  it('shows a province program without audio in its session without calling it a breach', async () => {
    await seeded()
    await provinceSchedule('s-morning', 'morning', [
      ['pg-1', '2026-11-22T22:30:00.000Z'],
      ['pg-3', '2026-11-22T22:40:00.000Z'],
    ])
    const [sang] = await planDayFromDb(db, DAY)
    expect(sang?.rundown.items.map((i) => i.title)).toEqual(['Bản tin thời sự tỉnh'])
    expect(sang?.problems).toEqual([
      expect.objectContaining({ reason: 'not-rendered', title: 'Chưa có âm thanh', origin: 'province' }),
    ])
  })

  it('edits the station’s own schedule of a session, never a province schedule with the same key', async () => {
    await seeded()
    await db.station.update('station', { sessions: [{ id: 'sang', label: 'Sáng', start: '05:30', end: '06:00' }] })
    await provinceSchedule('s-province', 'sang', [['pg-1', '2026-11-22T22:30:00.000Z']])
    await setDayEntries(db, DAY, 'sang', [
      { id: 'own', content: { kind: 'program', id: 'pg-2' }, priority: null, order: 0 },
    ])
    const rows = await db.schedules.where('[date+sessionId]').equals([DAY, 'sang']).toArray()
    expect(rows).toHaveLength(2)
    expect(rows.find((r) => r.id === 's-province')).toMatchObject({ items: [expect.objectContaining({})] })
    expect(rows.find((r) => r.id === 's-province')?.entries).toBeUndefined()
  })
})
