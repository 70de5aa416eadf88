import { describe, expect, it } from 'vitest'
import { computeReport } from '../../../../src/shared/reports/compute'
import { reportLabels } from '../../../../src/shared/reports/labels'
import { reportTables, type ReportCell, type ReportTable } from '../../../../src/shared/reports/tables'
import { fixtureInput } from './fixture'

const report = () => computeReport(fixtureInput(), { kind: 'reporting-year', year: 2025 })
const table = (tables: ReportTable[], id: ReportTable['id']): ReportTable => {
  const found = tables.find((t) => t.id === id)
  if (found === undefined) throw new Error(`no table ${id}`)
  return found
}
const row = (t: ReportTable, key: string) => t.rows.find((r) => r.key === key)
/** The number a count, duration or ratio cell carries (ratio: its numerator). */
const figure = (cell: ReportCell | undefined): number => {
  if (cell === undefined) throw new Error('no cell')
  switch (cell.t) {
    case 'count':
      return cell.n
    case 'duration':
      return cell.ms
    case 'ratio':
      return cell.num
    case 'text':
      throw new Error(`text cell ${cell.text}`)
  }
}

describe('reportTables', () => {
  it('prints the five tables in order, each with a number column, a naming column and its figures', () => {
    const L = reportLabels.en
    const tables = reportTables(report(), 'en')
    expect(tables.map((t) => [t.id, t.title])).toEqual([
      ['airtime', L.tables.airtime],
      ['content', L.tables.content],
      ['languages', L.tables.languages],
      ['categories', L.tables.categories],
      ['clusters', L.tables.clusters],
    ])
    expect(tables.map((t) => t.columns.slice(0, 2).map((c) => c.title))).toEqual([
      [L.columns.no, L.columns.source],
      [L.columns.no, L.columns.kind],
      [L.columns.no, L.columns.language],
      [L.columns.no, L.columns.category],
      [L.columns.no, L.columns.technology],
    ])
    for (const t of tables) {
      expect(t.columns.slice(2).map((c) => c.title)).toEqual(
        t.columns.slice(2).map((c) => L.columns[c.key as keyof typeof L.columns]),
      )
      for (const r of t.rows) expect(r.cells).toHaveLength(t.columns.length)
    }
  })

  it('numbers the item rows from 1 and leaves the total and "of which" rows unnumbered', () => {
    for (const t of reportTables(report(), 'vi')) {
      const items = t.rows.filter((r) => !r.isTotal)
      expect(items.map((r) => r.cells[0])).toEqual(items.map((_, i) => ({ t: 'text', text: String(i + 1) })))
      const summaries = t.rows.slice(items.length)
      expect(summaries.length).toBeGreaterThan(0)
      expect(summaries.every((r) => r.isTotal && r.cells[0]?.t === 'text' && r.cells[0].text === '')).toBe(true)
    }
  })

  it('adds the item rows up to the total row when the table lists every item', () => {
    const tables = reportTables(report(), 'vi')
    for (const id of ['airtime', 'content', 'clusters'] as const) {
      const t = table(tables, id)
      const total = row(t, 'total')
      const items = t.rows.filter((r) => !r.isTotal)
      t.columns.slice(2).forEach((column, i) => {
        const sum = items.reduce((s, r) => s + figure(r.cells[i + 2]), 0)
        expect([id, column.key, sum]).toEqual([id, column.key, figure(total?.cells[i + 2])])
      })
    }
  })

  it('shows each share against the whole broadcast time and the "of which" rows under the total', () => {
    const r = report()
    const tables = reportTables(r, 'vi')
    const languages = table(tables, 'languages')
    expect(languages.rows.map((x) => x.key)).toEqual(['vi', 'km', 'total', 'minority'])
    expect(row(languages, 'minority')?.cells.slice(1)).toEqual([
      { t: 'text', text: reportLabels.vi.minority },
      { t: 'duration', ms: r.airtime.minorityMs },
      { t: 'ratio', num: r.airtime.minorityMs, den: r.airtime.totalMs },
    ])
    const content = table(tables, 'content')
    expect(content.rows.slice(-2).map((x) => x.key)).toEqual(['total', 'emergency'])
    expect(row(content, 'emergency')?.cells.slice(2)).toEqual([
      { t: 'count', n: r.emergency.produced },
      { t: 'count', n: r.emergency.ownBroadcasts },
      { t: 'count', n: r.emergency.upstreamBroadcasts },
    ])
    // 12 min 30 s + 20 min 45 s + 20 min + 3 min 10 s of own items (see fixture.ts)
    expect(row(table(tables, 'airtime'), 'own')?.cells[2]).toEqual({ t: 'duration', ms: 3_385_000 })
    const clusters = table(tables, 'clusters')
    expect(row(clusters, 'total')?.cells.at(-1)).toEqual({ t: 'ratio', num: 3, den: 6 })
  })
})
