import { readFile } from 'node:fs/promises'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { expect, test } from '../fixtures'
import { ClustersScreen } from '../pages/ClustersScreen'
import { ReportsScreen } from '../pages/ReportsScreen'
import { vi } from '../support/strings'

async function bytesOf(download: { path(): Promise<string> }): Promise<Buffer> {
  return readFile(await download.path())
}

/** The value of one figure in the XLSX "Số liệu" sheet (one row per figure, like the CSV). */
async function xlsxFigure(bytes: Buffer, section: string, item: string, measure: string): Promise<unknown> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
  const sheet = wb.getWorksheet('Số liệu')
  let found: unknown = undefined
  sheet?.eachRow((row) => {
    const v = row.values as unknown[]
    if (v[1] === section && v[2] === item && v[3] === measure) found = v[6]
  })
  return found
}

test('adds a cluster, marks it faulty and sees the overview change', async ({ station }) => {
  const clusters = new ClustersScreen(station.page, vi)
  await clusters.open()
  await clusters.add({ code: 'TL-07', name: 'Cụm chợ Tân Lập', hamlet: 'Ấp Bình Minh' })

  await expect(clusters.row('TL-07')).toContainText(vi('clusters.status.working'))
  await expect(clusters.allCard()).toContainText('100,0%')
  await expect(clusters.hamletsCard()).toContainText(vi('clusters.overview.none'))

  await clusters.markFaulty('TL-07', 'Loa chập, mất tiếng')

  await expect(clusters.row('TL-07')).toContainText(vi('clusters.status.faulty'))
  await expect(clusters.allCard()).toContainText('0,0%')
  await expect(clusters.hamletsCard()).toContainText('Ấp Bình Minh')
  await expect(clusters.history()).toContainText('Loa chập, mất tiếng')
})

test('produces a reporting-year report and downloads the XLSX and the DOCX with the figures', async ({ station }) => {
  // Two clusters, a fault, two renders and two read-backs: about a minute on a busy 2-core machine.
  test.setTimeout(180_000)
  const clusters = new ClustersScreen(station.page, vi)
  await clusters.open()
  await clusters.add({ code: 'TL-01', name: 'Cụm nhà văn hóa', hamlet: 'Ấp Đông' })
  await clusters.add({ code: 'TL-02', name: 'Cụm trường học', hamlet: 'Ấp Tây' })
  await clusters.markFaulty('TL-02', 'Đứt dây')
  await clusters.closeDetails('TL-02')

  const reports = new ReportsScreen(station.page, vi)
  await reports.open()
  await reports.choosePeriodKind('reporting-year')
  await expect(reports.table('clusters')).toContainText('50,0%')
  await reports.fillIssuer({ communeName: 'Tân Lập', provinceName: 'Sóc Trăng', place: 'Tân Lập' })

  const xlsx = await reports.download('xlsx')
  expect(xlsx.suggestedFilename()).toMatch(/^bao-cao-nam-bao-cao-\d{4}\.xlsx$/)
  const xlsxBytes = await bytesOf(xlsx)
  expect(await xlsxFigure(xlsxBytes, 'clusters', 'total', 'working')).toBe(1)
  expect(await xlsxFigure(xlsxBytes, 'clusters', 'total', 'faulty')).toBe(1)
  expect(await xlsxFigure(xlsxBytes, 'clusters', 'wired', 'inService')).toBe(2)

  const docx = await reports.download('docx')
  expect(docx.suggestedFilename()).toMatch(/^bao-cao-nam-bao-cao-\d{4}\.docx$/)
  const xml = await (await JSZip.loadAsync(await bytesOf(docx))).file('word/document.xml')?.async('string')
  expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
  expect(xml).toContain('Tân Lập')
  // The hamlet whose only cluster is faulty is named in the notes.
  expect(xml).toContain('Ấp Tây')
})
