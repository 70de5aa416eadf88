/**
 * The browser half of `npm run bench:schedule`: the app's own schedule code on Chromium's
 * IndexedDB. It saves one item into a session (useSchedule's `place`: the day's entries read, the
 * row written with its outbox entry, the session planned for the Province API's items), then the
 * day as the screen reads it again (`loadDay`: sources, plan, policy check) — first with an empty
 * week, then with a full one (12 sessions × 5 items × 7 days) — beside the same Dexie writes
 * alone (the row put and the outbox entry added in one transaction). The library: four jingles
 * and a year of rendered daily bulletins.
 */
import { newId } from '../../src/shared/ids'
import type { ScheduleEntryRecord } from '../../src/shared/onair/placement'
import { defaultSessions } from '../../src/shared/onair/session'
import { addDays, type LocalDate } from '../../src/shared/onair/station-time'
import { appDatabase } from '../../src/renderer/db/database'
import { outboxEntry } from '../../src/renderer/db/queries/outbox'
import { saveSession, setManyDayEntries } from '../../src/renderer/db/queries/schedule'
import { loadDay, place } from '../../src/renderer/features/schedule/useSchedule'

interface Times {
  save: number[]
  saveAndShow: number[]
  raw: number[]
}

const hash = (n: number): string => n.toString(16).padStart(64, 'a')
const jingle = (i: number): ScheduleEntryRecord['content'] => ({ kind: 'jingle', id: `Nhạc ${i % 4}` })

/** Four jingles and `bulletins` rendered bulletins (a year of daily bulletins is about 365). */
async function seedLibrary(bulletins: number): Promise<void> {
  const db = appDatabase()
  for (let i = 0; i < 4; i++) {
    await db.settings.put({ key: `bulletins.jingle.Nhạc ${i}`, value: { hash: hash(i + 1), durationMs: 20_000 } })
  }
  const at = new Date().toISOString()
  await db.bulletins.bulkPut(
    Array.from({ length: bulletins }, (_, i) => ({
      id: `bt-${i}`,
      title: `Bản tin số ${i}`,
      approval: 'approved' as const,
      createdAt: at,
      updatedAt: at,
      renderedHash: hash(1000 + i),
      rendered: { format: 'wav' as const, sizeBytes: 1, durationMs: 300_000, sampleRate: 44100, channels: 1 },
    })),
  )
  const base = defaultSessions()[0]
  if (!base) throw new Error('no default session')
  // 12 sessions a day, an hour apart from 05:00
  for (let h = 0; h < 12; h++) {
    const start = `${String(5 + h).padStart(2, '0')}:00`
    await saveSession(db, { ...base, id: `s${h}`, label: `Buổi ${start}`, start, lengthMin: 45 })
  }
}

async function fillWeek(from: LocalDate): Promise<void> {
  const writes = Array.from({ length: 7 }, (_, d) => addDays(from, d)).flatMap((date) =>
    Array.from({ length: 12 }, (_, h) => ({
      date,
      sessionId: `s${h}`,
      entries: Array.from({ length: 5 }, (_, i) => ({ id: newId(), content: jingle(i), priority: null, order: i })),
    })),
  )
  await setManyDayEntries(appDatabase(), writes)
}

async function rawWrite(date: LocalDate, sessionId: string, i: number): Promise<void> {
  const db = appDatabase()
  const at = new Date().toISOString()
  const entries = [{ id: newId(), content: jingle(i), priority: null, order: i }]
  await db.transaction('rw', db.schedules, db.outbox, async () => {
    const id = newId()
    await db.schedules.put({ id, date, sessionId: `raw-${sessionId}`, serverVersion: null, updatedAt: at, entries })
    await db.outbox.add(outboxEntry('schedule', id, 'create', { date, entries }, at, null))
  })
}

async function measure(date: LocalDate, runs: number): Promise<Times> {
  const times: Times = { save: [], saveAndShow: [], raw: [] }
  for (let i = 0; i < runs; i++) {
    const sessionId = `s${i % 12}`
    const placement = {
      id: newId(),
      sessionId,
      content: jingle(i),
      priority: null,
      order: 100 + i,
      when: { kind: 'once' as const, date },
    }
    const t0 = performance.now()
    await place(placement)
    const t1 = performance.now()
    await loadDay(date)
    const t2 = performance.now()
    await rawWrite(date, sessionId, i)
    const t3 = performance.now()
    times.save.push(t1 - t0)
    times.saveAndShow.push(t2 - t0)
    times.raw.push(t3 - t2)
  }
  return times
}

declare global {
  interface Window {
    runBench: (c: { runs: number; from: LocalDate; bulletins: number }) => Promise<{ empty: Times; full: Times }>
  }
}

window.runBench = async ({ runs, from, bulletins }) => {
  await seedLibrary(bulletins)
  // the empty week is measured on a week of its own, a month later (nothing else placed there)
  const empty = await measure(addDays(from, 35), runs)
  await fillWeek(from)
  const full = await measure(addDays(from, 3), runs)
  return { empty, full }
}
document.title = 'schedule-bench ready'
