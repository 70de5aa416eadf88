import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { gzipJson } from '../../../../../src/renderer/features/reports/report-file'
import { durationText, reportView, type Translate } from '../../../../../src/renderer/features/reports/report-view'
import { computeReport } from '../../../../../src/shared/reports/compute'
import { fixtureInput } from '../../../shared/reports/fixture'

/** Echoes the key and its values, so the test sees which translation each cell asks for. */
const t: Translate = (key, options) => {
  const str = (k: string): string => JSON.stringify(options?.[k])
  if (key === 'reports.duration') return `${str('hours')}:${String(options?.['minutes'])}`
  return options?.['defaultValue'] !== undefined ? `${key}|${str('defaultValue')}` : key
}

describe('features/reports/report-view', () => {
  const report = computeReport(fixtureInput(), { kind: 'reporting-year', year: 2025 })
  const view = reportView(report, t, 'vi')

  it('shows durations rounded to the minute (the fixture: VOV relay 105 min, total 276 min 25 s)', () => {
    const airtime = view.tables.find((x) => x.id === 'airtime')
    expect(airtime?.rows.find((r) => r.key === 'relay-national-radio')?.cells.slice(0, 2)).toEqual([
      'reports.sources.relay-national-radio',
      '1:45',
    ])
    expect(airtime?.rows.at(-1)).toMatchObject({ key: 'total', isTotal: true })
    expect(airtime?.rows.at(-1)?.cells[1]).toBe('4:36')
    expect(durationText(29_999, t)).toBe('0:00')
    expect(durationText(30_000, t)).toBe('0:01')
  })

  it('lays out the five tables in the order of the printed report', () => {
    expect(view.tables.map((x) => x.id)).toEqual(['airtime', 'content', 'languages', 'categories', 'clusters'])
    const news = view.tables[1]?.rows.find((r) => r.key === 'news')
    expect(news?.cells).toEqual(['reports.kinds.news', '2', '1', '1'])
  })

  it('gives chart bars in hours, and the cluster share in percent of 100', () => {
    const airtime = view.charts.find((c) => c.id === 'airtime')
    expect(airtime?.bars.find((b) => b.key === 'relay-national-radio')?.value).toBeCloseTo(1.75)
    const clusters = view.charts.find((c) => c.id === 'clusters')
    expect(clusters?.max).toBe(100)
    expect(clusters?.bars.every((b) => b.value >= 0 && b.value <= 100)).toBe(true)
  })
})

describe('features/reports/report-file', () => {
  it('gzips JSON that main can inflate back to the same value', async () => {
    const value = { plays: [], text: 'Ấp Bình Minh' }
    const gz = await gzipJson(value)
    expect(gz[0]).toBe(0x1f)
    expect(JSON.parse(gunzipSync(gz).toString('utf8'))).toEqual(value)
  })
})
