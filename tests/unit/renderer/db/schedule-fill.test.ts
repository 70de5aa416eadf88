/**
 * A week built the way the officer builds it in Lịch phát — a 19:00 session with its device
 * steps, a session template (nhạc hiệu, the newest bulletin, nhạc kết) laid into it, the day
 * copied to the rest of the week — then the scheduler run on a fake clock over that week.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createDatabase, type DaixaDb } from '../../../../src/renderer/db/database'
import { listSessions, rundownForDay, saveSession } from '../../../../src/renderer/db/queries/schedule'
import {
  applyFill,
  deleteSession,
  deleteTemplate,
  listTemplates,
  planFill,
  saveTemplate,
} from '../../../../src/renderer/db/queries/schedule-fill'
import { restOfWeek, weekOf, type FillTemplate } from '../../../../src/shared/onair/fill'
import type { RundownSession } from '../../../../src/shared/onair/rundown'
import { createScheduler, type SchedulerEvent } from '../../../../src/shared/onair/scheduler'
import { defaultSessions, type SessionTemplate } from '../../../../src/shared/onair/session'
import { addDays, instantOf, localDateAt } from '../../../../src/shared/onair/station-time'
import { dropDatabase, uniqueDbName } from './migration-harness'

const MON = '2026-11-23'
const hashOf = (n: number): string => n.toString(16).padStart(64, 'a')

const evening: SessionTemplate = {
  id: 'toi',
  label: 'Buổi tối',
  start: '19:00',
  lengthMin: 20,
  isEnabled: true,
  preRoll: [
    { kind: 'relay', deviceId: 'lcus', channel: 1, isOn: true },
    { kind: 'rf', deviceId: 'exciter', isOn: true },
  ],
  postRoll: [
    { kind: 'rf', deviceId: 'exciter', isOn: false },
    { kind: 'relay', deviceId: 'lcus', channel: 1, isOn: false },
  ],
  zones: [{ name: 'Ấp 1', onCode: '*007#1', offCode: '*007#0' }],
  rds: null,
}

const template: FillTemplate = {
  id: 'mau-toi',
  name: 'Buổi tối: nhạc hiệu, bản tin, nhạc kết',
  slots: [
    { kind: 'jingle', id: 'Nhạc hiệu' },
    { kind: 'newest', of: 'bulletin' },
    { kind: 'jingle', id: 'Nhạc kết' },
  ],
}

let db: DaixaDb
afterEach(async () => {
  vi.useRealTimers()
  await dropDatabase(db)
})

/** Two jingles and one bulletin made at 04:00 each day of the week (a daily-changing bulletin). */
async function seedLibrary() {
  for (const [i, name] of ['Nhạc hiệu', 'Nhạc kết'].entries()) {
    await db.settings.put({ key: `bulletins.jingle.${name}`, value: { hash: hashOf(i + 1), durationMs: 15_000 } })
  }
  for (const [i, date] of weekOf(MON).entries()) {
    const made = new Date(instantOf(date, '04:00')).toISOString()
    await db.bulletins.put({
      id: `bt-${date}`,
      title: `Bản tin ngày ${date}`,
      approval: 'approved',
      createdAt: made,
      updatedAt: made,
      renderedHash: hashOf(100 + i),
      rendered: { format: 'wav', sizeBytes: 1, durationMs: 300_000, sampleRate: 44100, channels: 1 },
    })
  }
}

describe('db/queries/schedule-fill', () => {
  it('builds a week from a template and a copied day, and the scheduler plays every evening of it', async () => {
    db = createDatabase(uniqueDbName('fill'))
    await db.open()
    await seedLibrary()
    await saveSession(db, evening)
    expect((await listSessions(db)).map((s) => s.start)).toEqual(['05:30', '11:00', '17:00', '19:00'])
    await saveTemplate(db, template)
    expect(await listTemplates(db)).toEqual([template])

    const fill = { kind: 'template' as const, template, sessionIds: ['toi'], dates: [MON], mode: 'replace' as const }
    await applyFill(db, fill, MON)
    const copy = {
      kind: 'copy' as const,
      pairs: restOfWeek(MON).map((to) => ({ from: MON, to })),
      mode: 'replace' as const,
    }
    const preview = await planFill(db, copy, MON)
    expect(preview.conflicts).toEqual([])
    expect(preview.writes).toHaveLength(6)
    await applyFill(db, copy, MON)
    // one outbox entry per day schedule written
    expect(await db.outbox.where('entity').equals('schedule').count()).toBe(7)
    // the same copy again names the six days it would replace
    expect((await planFill(db, copy, MON)).conflicts.map((c) => [c.date, c.count])).toEqual(
      restOfWeek(MON).map((d) => [d, 3]),
    )

    const rundowns = new Map<string, RundownSession[]>()
    for (const date of [addDays(MON, -1), ...weekOf(MON), addDays(MON, 7)]) {
      rundowns.set(date, await rundownForDay(db, date))
    }
    vi.useFakeTimers()
    vi.setSystemTime(instantOf(MON, '00:00'))
    const seen: (SchedulerEvent & { at: number })[] = []
    const scheduler = createScheduler({
      clock: { now: () => Date.now() },
      timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as number) },
      rundown: (date) => Promise.resolve(rundowns.get(date) ?? []),
      catchUp: { toleranceMs: 5_000, current: 'join' },
      leadMs: 60_000,
    })
    scheduler.on((e) => seen.push({ ...e, at: Date.now() }))
    scheduler.start()
    await vi.advanceTimersByTimeAsync(7 * 86_400_000)
    scheduler.stop()

    const dues = seen.filter((e) => e.type === 'session-due')
    expect(dues.map((e) => [localDateAt(e.at), e.session.sessionId])).toEqual(weekOf(MON).map((d) => [d, 'toi']))
    expect(dues.every((e) => e.type === 'session-due' && e.at === e.session.startMs - 60_000)).toBe(true)
    const first = dues[0]?.type === 'session-due' ? dues[0].session : null
    expect(first?.preRoll.map((s) => s.kind)).toEqual(['relay', 'rf', 'dtmf'])
    expect(first?.postRoll.map((s) => s.kind)).toEqual(['dtmf', 'rf', 'relay'])
    const items = seen.flatMap((e) => (e.type === 'item-due' ? [[localDateAt(e.at), e.item.title, e.at]] : []))
    expect(items).toEqual(
      weekOf(MON).flatMap((d) => [
        [d, 'Nhạc hiệu', instantOf(d, '19:00')],
        [d, `Bản tin ngày ${d}`, instantOf(d, '19:00') + 15_000],
        [d, 'Nhạc kết', instantOf(d, '19:00') + 315_000],
      ]),
    )
    expect(seen.filter((e) => e.type === 'session-end')).toHaveLength(7)
    expect(seen.some((e) => e.type === 'item-skipped')).toBe(false)
  })

  it('adds after what is there, leaves days that are over, removes templates and sessions', async () => {
    db = createDatabase(uniqueDbName('fill-more'))
    await db.open()
    await seedLibrary()
    await saveTemplate(db, template)
    const week = weekOf(MON)
    const fill = {
      kind: 'template' as const,
      template,
      sessionIds: ['sang', 'chieu'],
      dates: week,
      mode: 'append' as const,
    }
    const plan = await applyFill(db, fill, '2026-11-25')
    expect(plan.past).toEqual([MON, '2026-11-24'])
    expect(plan.writes).toHaveLength(10)
    await applyFill(db, fill, '2026-11-25')
    const wed = (await rundownForDay(db, '2026-11-25')).map((s) => [s.sessionId, s.items.length])
    expect(wed).toEqual([
      ['sang', 6],
      ['chieu', 6],
    ])
    expect(await rundownForDay(db, MON)).toEqual([])

    await deleteTemplate(db, template.id)
    expect(await listTemplates(db)).toEqual([])
    await deleteSession(db, 'trua')
    expect((await listSessions(db)).map((s) => s.id)).toEqual(
      defaultSessions()
        .map((s) => s.id)
        .filter((id) => id !== 'trua'),
    )
  })
})
