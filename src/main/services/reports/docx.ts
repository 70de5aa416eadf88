/**
 * DOCX export of a station report (docx 9), laid out as a Vietnamese administrative report
 * (NĐ 30/2020/NĐ-CP; layout details in ./docx-blocks.ts): header block, "BÁO CÁO" and subject,
 * opening sentence, one numbered section per table of figures, notes, closing sentence "./.",
 * "Nơi nhận" and the signature block.
 *
 * Reproducible: docx always stamps docProps/core.xml with the current time, so that part is
 * replaced (a packer override) with one dated `meta.generatedAt`; the zip entry times are then
 * pinned by `pinZip`. The same report and meta give the same bytes.
 */
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx'
import { documentText } from '../../../shared/reports/document-text'
import { reportMetaSchema, type ReportMeta, type ReportMetaInput } from '../../../shared/reports/export-meta'
import { formatCount, formatDuration, formatPercent, romanNumeral } from '../../../shared/reports/format'
import type { ReportLanguage } from '../../../shared/reports/labels'
import type { StationReport } from '../../../shared/reports/report'
import { reportNotes, reportTables, type ReportCell, type ReportTable } from '../../../shared/reports/tables'
import { FONT, PAGE, TEXT_WIDTH, headerBlock, run, signatureBlock, titleBlock } from './docx-blocks'
import { pinZip, zipDate } from './zip'

export function cellText(cell: ReportCell, lang: ReportLanguage): string {
  switch (cell.t) {
    case 'text':
      return cell.text
    case 'count':
      return formatCount(cell.n, lang)
    case 'duration':
      return formatDuration(cell.ms, lang)
    case 'ratio':
      return formatPercent(cell.num, cell.den, lang)
  }
}

/** Body text: justified, first line indented 1 cm, 6 pt after (Phụ lục I, nội dung văn bản). */
const body = (text: string, italics = false): Paragraph =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 567 },
    spacing: { before: 0, after: 120, line: 288 },
    children: [run(text, { pt: 14, italics })],
  })

const heading = (text: string): Paragraph =>
  new Paragraph({ spacing: { before: 120, after: 120 }, keepNext: true, children: [run(text, { pt: 14, bold: true })] })

function columnWidths(count: number): number[] {
  const no = 700
  const value = count - 2 <= 2 ? 2000 : 1200
  return [no, TEXT_WIDTH - no - value * (count - 2), ...Array.from({ length: count - 2 }, () => value)]
}

function figuresTable(table: ReportTable, lang: ReportLanguage): Table {
  const widths = columnWidths(table.columns.length)
  const cell = (text: string, width: number, bold: boolean, left: boolean): TableCell =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      children: [
        new Paragraph({
          alignment: left ? AlignmentType.LEFT : AlignmentType.CENTER,
          children: [run(text, { pt: 13, bold })],
        }),
      ],
    })
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((c, i) => cell(c.title, widths[i] ?? 0, true, false)),
  })
  const rows = table.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: r.cells.map((c, i) => cell(cellText(c, lang), widths[i] ?? 0, r.isTotal, i === 1)),
      }),
  )
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [header, ...rows],
  })
}

const xmlEscape = (s: string): string =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;')

/** docProps/core.xml with fixed dates (seconds precision, as Word writes them). */
function coreXml(title: string, meta: ReportMeta): string {
  const at = new Date(meta.generatedAt).toISOString().replace(/\.\d{3}Z$/, 'Z')
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlEscape(title)}</dc:title><dc:creator>${xmlEscape(meta.issuingBody)}</dc:creator>` +
    `<cp:lastModifiedBy>${xmlEscape(meta.issuingBody)}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified></cp:coreProperties>`
  )
}

function reportBody(report: StationReport, meta: ReportMeta): (Paragraph | Table)[] {
  const lang = meta.language
  const text = documentText(report, meta)
  const sections = reportTables(report, lang).flatMap((table, i) => [
    heading(`${romanNumeral(i + 1)}. ${table.title}`),
    figuresTable(table, lang),
  ])
  return [
    headerBlock(text, meta),
    ...titleBlock(text),
    body(text.opening),
    ...sections,
    heading(lang === 'vi' ? 'GHI CHÚ' : 'NOTES'),
    ...reportNotes(report, lang).map((note) => body(note, true)),
    body(text.closing),
    signatureBlock(text),
  ]
}

/** The report as a DOCX file; the same report and meta give the same bytes. */
export async function renderDocx(report: StationReport, metaInput: ReportMetaInput): Promise<Uint8Array> {
  const meta = reportMetaSchema.parse(metaInput)
  const doc = new Document({
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
          },
        },
        children: reportBody(report, meta),
      },
    ],
  })
  const core = { path: 'docProps/core.xml', data: coreXml(documentText(report, meta).subject, meta) }
  const packed = await Packer.toBuffer(doc, false, [core])
  return pinZip(new Uint8Array(packed), zipDate(meta.generatedAt))
}
