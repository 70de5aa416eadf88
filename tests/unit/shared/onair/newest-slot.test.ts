import { describe, expect, it } from 'vitest'
import { planDay } from '../../../../src/shared/onair/plan-day'
import { instantOf } from '../../../../src/shared/onair/station-time'
import { entry, libraryOf, once, sources } from './fixtures'

const MON = '2026-11-23'
const TUE = '2026-11-24'
const bulletin = (id: string, madeAt: string, extra: { mediaHash?: null } = {}) =>
  entry(id, 4, { kind: 'bulletin', title: `Bản tin ${id}`, madeAtMs: Date.parse(madeAt), ...extra })

describe('plan-day: a "newest" slot', () => {
  const lib = libraryOf(
    bulletin('mon', '2026-11-22T21:00:00Z'),
    bulletin('tue', '2026-11-23T21:00:00Z'),
    bulletin('draft', '2026-11-23T21:30:00Z', { mediaHash: null }),
    entry('tin', 2, { madeAtMs: Date.parse('2026-11-24T02:00:00Z') }),
  )
  const slot = (date: string) => once('sang', date, { kind: 'newest', of: 'bulletin' }, { id: `n-${date}` })

  it('plays the newest rendered bulletin made before the session, so each day has its own', () => {
    const placements = [slot(MON), slot(TUE)]
    const mon = planDay(MON, sources(placements, lib))[0]
    const tue = planDay(TUE, sources(placements, lib))[0]
    expect(mon?.rundown.items.map((i) => [i.kind, i.targetId, i.id])).toEqual([['bulletin', 'mon', `n-${MON}@${MON}`]])
    expect(tue?.rundown.items.map((i) => [i.targetId, i.plannedStartMs])).toEqual([['tue', instantOf(TUE, '05:30')]])
    expect(tue?.problems).toEqual([])
  })

  it('reports the slot when nothing of its kind was made before the session', () => {
    const early = planDay('2026-11-20', sources([slot('2026-11-20')], lib))[0]
    expect(early?.rundown.items).toEqual([])
    expect(early?.problems).toEqual([
      { kind: 'missing-media', placementId: 'n-2026-11-20', title: 'bulletin', reason: 'no-newest' },
    ])
  })

  it('follows announcements too', () => {
    const p = once('trua', TUE, { kind: 'newest', of: 'announcement' })
    const trua = planDay(TUE, sources([p], lib)).find((s) => s.template.id === 'trua')
    expect(trua?.rundown.items.map((i) => i.targetId)).toEqual(['tin'])
  })
})
