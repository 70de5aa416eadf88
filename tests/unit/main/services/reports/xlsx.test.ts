import ExcelJS from 'exceljs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderXlsx } from '../../../../../src/main/services/reports/xlsx'
import { computeReport } from '../../../../../src/shared/reports/compute'
import { fixtureInput } from '../../../../unit/shared/reports/fixture'
import { meta } from './meta'

const report = () => computeReport(fixtureInput(), { kind: 'reporting-year', year: 2025 })

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
  return wb
}

const sheet = (wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const ws = wb.getWorksheet(name)
  if (ws === undefined) throw new Error(`no sheet ${name}`)
  return ws
}

/**
 * Whole minutes of an Excel duration (a number of days). exceljs reads a number formatted as
 * time back as a Date counted from Excel's epoch, 1899-12-30.
 */
const minutes = (cell: ExcelJS.Cell): number => {
  const v = cell.value
  const days = v instanceof Date ? (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000 : Number(v)
  return Math.round(days * 1440)
}

describe('renderXlsx', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('writes the heading and each table of figures in its cells', async () => {
    const ws = sheet(await readBack(await renderXlsx(report(), meta)), 'Báo cáo')
    expect(ws.getCell('A2').value).toBe('ĐÀI TRUYỀN THANH')
    expect(ws.getCell('C1').value).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
    expect(ws.getCell('C2').value).toBe('Độc lập - Tự do - Hạnh phúc')
    expect(ws.getCell('C3').value).toBe('Tân Lập, ngày 16 tháng 12 năm 2025')
    expect(ws.getCell('A5').value).toBe('BÁO CÁO')
    expect(ws.getCell('A7').value).toBe('(Từ ngày 15/12/2024 đến hết ngày 14/12/2025)')
    // Table I from row 9: title, header, then own, VOV, VTV, province, district, total
    expect(ws.getCell('A9').value).toBe('I. THỜI LƯỢNG PHÁT SÓNG THEO NGUỒN')
    expect(ws.getCell('B12').value).toBe('Tiếp sóng Đài Tiếng nói Việt Nam')
    expect(minutes(ws.getCell('C11'))).toBe(56) // 56 min 25 s
    expect(minutes(ws.getCell('C12'))).toBe(105)
    expect(ws.getCell('C12').numFmt).toBe('[h]:mm')
    expect(minutes(ws.getCell('C16'))).toBe(276)
    // Table II from row 18: program, news, article, notice, feature, total, emergency
    expect(ws.getCell('B21').value).toBe('Tin')
    expect([ws.getCell('C21').value, ws.getCell('D21').value, ws.getCell('E21').value]).toEqual([2, 1, 1])
    expect(ws.getCell('B26').value).toBe('Trong đó: bản tin khẩn cấp')
    expect([ws.getCell('C26').value, ws.getCell('D26').value, ws.getCell('E26').value]).toEqual([1, 1, 1])
  })

  it('writes the cluster table and the flat figures sheet', async () => {
    const wb = await readBack(await renderXlsx(report(), meta))
    const ws = sheet(wb, 'Báo cáo')
    const fmRow = ws.getColumn(2).values.findIndex((v) => v === 'Truyền thanh không dây (FM)')
    expect(fmRow).toBeGreaterThan(0)
    const fm = ws.getRow(fmRow)
    expect([3, 4, 5, 6].map((c) => fm.getCell(c).value)).toEqual([3, 2, 1, 0])
    expect(fm.getCell(7).value).toBeCloseTo(2 / 3, 12)
    const figures = sheet(wb, 'Số liệu')
    const find = (section: string, item: string, measure: string): ExcelJS.CellValue => {
      const row = figures
        .getRows(2, figures.rowCount - 1)
        ?.find((r) => r.getCell(1).value === section && r.getCell(2).value === item && r.getCell(3).value === measure)
      return row?.getCell(6).value
    }
    expect(find('airtime', 'total', 'duration')).toBe(276)
    expect(find('languages', 'km', 'duration')).toBe(81) // 80 min 45 s
    expect(find('clusters', 'total', 'working')).toBe(3)
  })

  it('dates the workbook from generatedAt and renders byte-identical files at different times', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'))
    const first = await renderXlsx(report(), meta)
    vi.setSystemTime(new Date('2031-06-15T13:37:11Z'))
    const second = await renderXlsx(report(), meta)
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true)
    const wb = await readBack(first)
    expect(wb.created.toISOString()).toBe('2025-12-16T01:30:00.000Z')
    const later = await renderXlsx(report(), { ...meta, generatedAt: '2025-12-17T01:30:00.000Z' })
    expect(Buffer.from(later).equals(Buffer.from(first))).toBe(false)
  })

  it('labels the workbook in English when asked', async () => {
    const wb = await readBack(await renderXlsx(report(), { ...meta, language: 'en' }))
    const ws = sheet(wb, 'Report')
    expect(ws.getCell('C1').value).toBe('SOCIALIST REPUBLIC OF VIETNAM')
    expect(ws.getCell('B12').value).toBe('Relay of Voice of Vietnam')
  })
})
