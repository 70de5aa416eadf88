/**
 * XLSX export of a station report (exceljs 4). Two sheets:
 * - "Báo cáo" / "Report": the report as printed (heading, the five tables, notes, signer), with
 *   durations as Excel durations ([h]:mm, rounded to the minute), counts as integers and shares
 *   as percentages, so the officer can copy figures into a province's own form;
 * - "Số liệu" / "Figures": one row per figure, the same rows as the CSV export.
 * Reproducible: workbook dates come from `meta.generatedAt` and the zip is re-dated by `pinZip`.
 */
import ExcelJS from 'exceljs'
import { reportFigures, csvColumns } from '../../../shared/reports/csv'
import { documentText, type DocumentText } from '../../../shared/reports/document-text'
import { reportMetaSchema, type ReportMeta, type ReportMetaInput } from '../../../shared/reports/export-meta'
import { romanNumeral, roundMinutes } from '../../../shared/reports/format'
import type { ReportLanguage } from '../../../shared/reports/labels'
import type { StationReport } from '../../../shared/reports/report'
import { reportNotes, reportTables, type ReportCell, type ReportTable } from '../../../shared/reports/tables'
import { pinZip, zipDate } from './zip'

const FONT = 'Times New Roman'
const LAST_COLUMN = 'G'
const thin: Partial<ExcelJS.Border> = { style: 'thin' }
const box: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin }

export const sheetNames: Record<ReportLanguage, { report: string; figures: string }> = {
  vi: { report: 'Báo cáo', figures: 'Số liệu' },
  en: { report: 'Report', figures: 'Figures' },
}

function put(
  ws: ExcelJS.Worksheet,
  address: string,
  value: ExcelJS.CellValue,
  font: Partial<ExcelJS.Font> = {},
): ExcelJS.Cell {
  const cell = ws.getCell(address)
  cell.value = value
  cell.font = { name: FONT, size: 13, ...font }
  return cell
}

/** A line merged across the sheet, centred (title lines) or wrapped left (notes). */
function wideLine(ws: ExcelJS.Worksheet, row: number, value: string, font: Partial<ExcelJS.Font>, wrap = false): void {
  ws.mergeCells(`A${row}:${LAST_COLUMN}${row}`)
  const cell = put(ws, `A${row}`, value, font)
  cell.alignment = wrap ? { horizontal: 'justify', vertical: 'top', wrapText: true } : { horizontal: 'center' }
  if (wrap) ws.getRow(row).height = 18 * Math.ceil(value.length / 90)
}

/** Rows 1–7: issuing body and number | national name, motto and date; type, subject, period. */
function writeHeading(ws: ExcelJS.Worksheet, text: DocumentText, meta: ReportMeta): number {
  const center: Partial<ExcelJS.Alignment> = { horizontal: 'center' }
  ws.mergeCells('A1:B1')
  ws.mergeCells('A2:B2')
  ws.mergeCells('A3:B3')
  ws.mergeCells(`C1:${LAST_COLUMN}1`)
  ws.mergeCells(`C2:${LAST_COLUMN}2`)
  ws.mergeCells(`C3:${LAST_COLUMN}3`)
  put(ws, 'A1', meta.governingBody.toUpperCase()).alignment = center
  put(ws, 'A2', meta.issuingBody.toUpperCase(), { bold: true }).alignment = center
  put(ws, 'A3', text.numberLine).alignment = center
  put(ws, 'C1', text.nationalName, { bold: true }).alignment = center
  put(ws, 'C2', text.motto, { bold: true, size: 14, underline: true }).alignment = center
  put(ws, 'C3', text.placeDate, { italic: true, size: 14 }).alignment = center
  wideLine(ws, 5, text.documentType, { bold: true, size: 14 })
  wideLine(ws, 6, text.subject, { bold: true, size: 14 })
  wideLine(ws, 7, text.periodLine, { italic: true })
  return 9
}

function setCell(cell: ExcelJS.Cell, value: ReportCell): void {
  switch (value.t) {
    case 'text':
      cell.value = value.text
      break
    case 'count':
      cell.value = value.n
      cell.numFmt = '#,##0'
      break
    case 'duration':
      cell.value = roundMinutes(value.ms) / 1440
      cell.numFmt = '[h]:mm'
      break
    case 'ratio':
      cell.value = value.den === 0 ? null : value.num / value.den
      cell.numFmt = '0.0%'
      break
  }
}

/** A titled, boxed table from `row`; returns the first row after it and a blank line. */
function writeTable(ws: ExcelJS.Worksheet, table: ReportTable, index: number, row: number): number {
  put(ws, `A${row}`, `${romanNumeral(index + 1)}. ${table.title}`, { bold: true })
  const header = ws.getRow(row + 1)
  table.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1)
    cell.value = column.title
    cell.font = { name: FONT, size: 12, bold: true }
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    cell.border = box
  })
  table.rows.forEach((r, j) => {
    const line = ws.getRow(row + 2 + j)
    r.cells.forEach((value, i) => {
      const cell = line.getCell(i + 1)
      setCell(cell, value)
      cell.font = { name: FONT, size: 12, bold: r.isTotal }
      cell.alignment = { horizontal: i === 1 ? 'left' : 'center', vertical: 'middle', wrapText: i === 1 }
      cell.border = box
    })
  })
  return row + 2 + table.rows.length + 1
}

function writeSignature(ws: ExcelJS.Worksheet, text: DocumentText, row: number): void {
  const lines: [string, Partial<ExcelJS.Font>][] = [
    [text.signerAuthority, { bold: true }],
    [text.signerTitle, { bold: true }],
    ['', {}],
    ['', {}],
    [text.signerName, { bold: true }],
  ]
  lines.forEach(([value, font], i) => {
    ws.mergeCells(`D${row + i}:${LAST_COLUMN}${row + i}`)
    put(ws, `D${row + i}`, value, font).alignment = { horizontal: 'center' }
  })
}

function addReportSheet(wb: ExcelJS.Workbook, report: StationReport, meta: ReportMeta): void {
  const lang = meta.language
  const ws = wb.addWorksheet(sheetNames[lang].report, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  })
  ws.columns = [6, 42, 14, 14, 14, 14, 14].map((width) => ({ width }))
  const text = documentText(report, meta)
  let row = writeHeading(ws, text, meta)
  reportTables(report, lang).forEach((table, i) => {
    row = writeTable(ws, table, i, row)
  })
  for (const note of reportNotes(report, lang)) wideLine(ws, row++, note, { italic: true, size: 12 }, true)
  writeSignature(ws, text, row + 1)
}

function addFiguresSheet(wb: ExcelJS.Workbook, report: StationReport, lang: ReportLanguage): void {
  const ws = wb.addWorksheet(sheetNames[lang].figures)
  ws.columns = [14, 26, 20, 8, 44, 22, 22].map((width) => ({ width }))
  ws.addRow([...csvColumns]).font = { bold: true }
  for (const f of reportFigures(report, lang)) ws.addRow(csvColumns.map((c) => f[c]))
}

/** The report as an XLSX file; the same report and meta give the same bytes. */
export async function renderXlsx(report: StationReport, metaInput: ReportMetaInput): Promise<Uint8Array> {
  const meta = reportMetaSchema.parse(metaInput)
  const at = new Date(meta.generatedAt)
  const wb = new ExcelJS.Workbook()
  wb.creator = meta.issuingBody
  wb.lastModifiedBy = meta.issuingBody
  wb.title = documentText(report, meta).subject
  wb.created = at
  wb.modified = at
  addReportSheet(wb, report, meta)
  addFiguresSheet(wb, report, meta.language)
  const written = await wb.xlsx.writeBuffer()
  return pinZip(new Uint8Array(written), zipDate(meta.generatedAt))
}
