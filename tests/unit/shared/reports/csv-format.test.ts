import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { computeReport } from '../../../../src/shared/reports/compute'
import { csvField, renderCsv } from '../../../../src/shared/reports/csv'
import {
  formatCount,
  formatDuration,
  formatHoursMinutes,
  formatPercent,
  placeDateLine,
} from '../../../../src/shared/reports/format'
import { sourceKinds, type PlayEntry } from '../../../../src/shared/reports/report-input'
import { at, fixtureInput } from './fixture'

const report = () => computeReport(fixtureInput(), { kind: 'reporting-year', year: 2025 })

describe('format', () => {
  it('rounds durations to the nearest minute only for display', () => {
    expect(formatDuration(32 * 60_000 + 30_000, 'vi')).toBe('0 giờ 33 phút') // 32:30 rounds up
    expect(formatDuration(32 * 60_000 + 29_999, 'vi')).toBe('0 giờ 32 phút')
    expect(formatDuration((1345 * 60 + 22) * 60_000, 'vi')).toBe('1.345 giờ 22 phút')
    expect(formatDuration((1345 * 60 + 22) * 60_000, 'en')).toBe('1,345 h 22 min')
    expect(formatHoursMinutes((1345 * 60 + 22) * 60_000)).toBe('1345:22')
  })

  it('formats counts and shares without depending on the machine locale', () => {
    expect(formatCount(1234567, 'vi')).toBe('1.234.567')
    expect(formatCount(1234567, 'en')).toBe('1,234,567')
    expect(formatPercent(2, 3, 'vi')).toBe('66,7%')
    expect(formatPercent(1, 8, 'en')).toBe('12.5%')
    expect(formatPercent(0, 0, 'vi')).toBe('—')
  })

  it('writes the place and date line with the zeros NĐ 30/2020 asks for', () => {
    expect(placeDateLine('Tân Lập', Date.parse(at('2025-01-05T09:00')), 'vi')).toBe(
      'Tân Lập, ngày 05 tháng 01 năm 2025',
    )
    expect(placeDateLine('Tân Lập', Date.parse(at('2025-03-15T09:00')), 'vi')).toBe('Tân Lập, ngày 15 tháng 3 năm 2025')
    // 16/12 00:30 local is still 15/12 in UTC: the local date is printed
    expect(placeDateLine('Tân Lập', Date.parse(at('2025-12-16T00:30')), 'vi')).toBe(
      'Tân Lập, ngày 16 tháng 12 năm 2025',
    )
  })
})

describe('csv', () => {
  it('writes UTF-8 with a BOM, a header and CRLF line ends', () => {
    const csv = renderCsv(report())
    expect(csv.startsWith('\uFEFFsection,item,measure,unit,label,value,display\r\n')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(csv.replaceAll('\r\n', '').includes('\n')).toBe(false)
  })

  it('has one row per figure with the hand-worked values', () => {
    const rows = renderCsv(report()).split('\r\n')
    expect(rows).toContain('airtime,relay-national-radio,duration,min,Tiếp sóng Đài Tiếng nói Việt Nam,105,1:45')
    expect(rows).toContain('airtime,total,duration,min,Tổng cộng,276,4:36')
    expect(rows).toContain('languages,minority,duration,min,Trong đó: tiếng dân tộc thiểu số,81,1:21')
    expect(rows).toContain('content,news,produced,count,Tin,2,2')
    expect(rows).toContain('content,emergency,upstreamBroadcasts,count,Trong đó: bản tin khẩn cấp,1,1')
    expect(rows).toContain('clusters,fm,workingShare,%,Truyền thanh không dây (FM),66.7,"66,7%"')
    expect(rows).toContain('clusters,hamlets-without-working,text,,hamletsWithoutWorking,Ấp Ba; Ấp Bốn,Ấp Ba; Ấp Bốn')
    expect(rows).toContain('log,skipped,count,count,skipped,1,1')
  })

  it('quotes fields per RFC 4180 and defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvField(12)).toBe('12')
  })

  it('is deterministic: the same data gives the same text', () => {
    const input = fixtureInput()
    const shuffled = { ...input, plays: [...input.plays].reverse() }
    const other = computeReport(shuffled, { kind: 'reporting-year', year: 2025 })
    expect(renderCsv(other, 'en')).toBe(renderCsv(report(), 'en'))
  })
})

describe('computeReport (property)', () => {
  const entry = fc.record({
    startMin: fc.integer({ min: 0, max: 366 * 24 * 60 }),
    lengthMs: fc.integer({ min: 0, max: 5 * 3_600_000 }),
    source: fc.constantFrom(...sourceKinds),
    outcome: fc.constantFrom<PlayEntry['outcome']>('played', 'interrupted', 'skipped', 'failed'),
  })

  it('gives a calendar year the sum of its twelve months, to the millisecond', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), (entries) => {
        const base = Date.parse(at('2024-12-31T12:00'))
        const plays: PlayEntry[] = entries.map((e, i) => {
          const start = base + e.startMin * 60_000
          const iso = new Date(start).toISOString()
          return {
            id: `r${i}`,
            itemId: 'x',
            plannedStart: iso,
            actualStart: iso,
            actualEnd: new Date(start + e.lengthMs).toISOString(),
            outcome: e.outcome,
            source: e.source,
            contentKind: 'news',
            language: 'vi',
            category: '',
            priority: 'normal',
          }
        })
        const input = { plays, library: [], clusters: [], clusterEvents: [] }
        const year = computeReport(input, { kind: 'year', year: 2025 })
        const months = Array.from({ length: 12 }, (_, m) =>
          computeReport(input, { kind: 'month', year: 2025, month: m + 1 }),
        )
        expect(months.reduce((s, r) => s + r.airtime.totalMs, 0)).toBe(year.airtime.totalMs)
        expect(months.reduce((s, r) => s + r.log.broadcasts, 0)).toBe(year.log.broadcasts)
      }),
      { numRuns: 60 },
    )
  })
})
