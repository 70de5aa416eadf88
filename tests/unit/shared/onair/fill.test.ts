import { describe, expect, it } from 'vitest'
import {
  conflictsOf,
  copyWrites,
  restOfWeek,
  templateWrites,
  weekOf,
  type Existing,
  type FillTemplate,
} from '../../../../src/shared/onair/fill'
import type { ScheduleEntryRecord } from '../../../../src/shared/onair/placement'

const MON = '2026-11-23'
const WED = '2026-11-25'
const SUN = '2026-11-29'

let n = 0
const makeId = () => `id${++n}`
const entry = (id: string, order: number): ScheduleEntryRecord => ({
  id,
  content: { kind: 'announcement', id },
  priority: null,
  order,
})
const template: FillTemplate = {
  id: 't1',
  name: 'Buổi sáng',
  slots: [
    { kind: 'jingle', id: 'nhac-hieu' },
    { kind: 'newest', of: 'bulletin' },
    { kind: 'jingle', id: 'nhac-ket' },
  ],
}
const existingOf =
  (rows: Record<string, ScheduleEntryRecord[]>): Existing =>
  (date, sessionId) =>
    rows[`${date}|${sessionId}`] ?? []

describe('fill: weeks', () => {
  it('gives the rest of a Monday-first week and the whole week', () => {
    expect(restOfWeek(WED)).toEqual(['2026-11-26', '2026-11-27', '2026-11-28', SUN])
    expect(restOfWeek(SUN)).toEqual([])
    expect(weekOf(WED)).toEqual([MON, '2026-11-24', WED, '2026-11-26', '2026-11-27', '2026-11-28', SUN])
    expect(weekOf(SUN)[0]).toBe(MON)
  })
})

describe('fill: templates', () => {
  it('lays the slots in order into every target, each with its own id', () => {
    const targets = [
      { date: MON, sessionId: 'sang' },
      { date: MON, sessionId: 'chieu' },
    ]
    const writes = templateWrites(template, targets, existingOf({}), 'replace', makeId)
    expect(writes.map((w) => [w.date, w.sessionId, w.entries.map((e) => [e.content.kind, e.order])])).toEqual([
      [
        MON,
        'sang',
        [
          ['jingle', 0],
          ['newest', 1],
          ['jingle', 2],
        ],
      ],
      [
        MON,
        'chieu',
        [
          ['jingle', 0],
          ['newest', 1],
          ['jingle', 2],
        ],
      ],
    ])
    const ids = writes.flatMap((w) => w.entries.map((e) => e.id))
    expect(new Set(ids).size).toBe(6)
  })

  it('replaces the station items there, or adds after them, and names the targets that hold some', () => {
    const existing = existingOf({ [`${MON}|sang`]: [entry('a', 0), entry('b', 7)] })
    const targets = [{ date: MON, sessionId: 'sang' }]
    const [replaced] = templateWrites(template, targets, existing, 'replace', makeId)
    expect(replaced?.entries).toHaveLength(3)
    const [appended] = templateWrites(template, targets, existing, 'append', makeId)
    expect(appended?.entries.map((e) => [e.id.startsWith('id') ? e.content.kind : e.id, e.order])).toEqual([
      ['a', 0],
      ['b', 7],
      ['jingle', 8],
      ['newest', 9],
      ['jingle', 10],
    ])
    expect(conflictsOf([...targets, { date: MON, sessionId: 'trua' }], existing)).toEqual([
      { date: MON, sessionId: 'sang', count: 2 },
    ])
  })
})

describe('fill: copies', () => {
  it('copies each session of a day to the other days in its order, with new ids, skipping empty sessions', () => {
    const existing = existingOf({
      [`${MON}|sang`]: [entry('b', 5), entry('a', 1)],
      [`${WED}|sang`]: [entry('old', 0)],
    })
    const pairs = restOfWeek(MON).map((to) => ({ from: MON, to }))
    const writes = copyWrites(pairs, ['sang', 'trua'], existing, 'replace', makeId)
    expect(writes).toHaveLength(6)
    expect(writes.every((w) => w.sessionId === 'sang')).toBe(true)
    const wed = writes.find((w) => w.date === WED)
    expect(wed?.entries.map((e) => [e.content, e.order])).toEqual([
      [{ kind: 'announcement', id: 'a' }, 0],
      [{ kind: 'announcement', id: 'b' }, 1],
    ])
    expect(wed?.entries.some((e) => e.id === 'a' || e.id === 'b')).toBe(false)
    expect(conflictsOf(writes, existing)).toEqual([{ date: WED, sessionId: 'sang', count: 1 }])
  })

  it('never copies a day onto itself', () => {
    const existing = existingOf({ [`${MON}|sang`]: [entry('a', 0)] })
    expect(copyWrites([{ from: MON, to: MON }], ['sang'], existing, 'append', makeId)).toEqual([])
  })
})
