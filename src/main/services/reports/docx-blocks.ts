/**
 * Building blocks of the DOCX report, laid out per NĐ 30/2020/NĐ-CP, Phụ lục I (kỹ thuật trình
 * bày văn bản hành chính): A4; margins top and bottom 20 mm, left 30 mm, right 15 mm; Times New
 * Roman, black.
 * - Quốc hiệu: upper case, 12–13 pt (13 here), bold; Tiêu ngữ under it, 13–14 pt, bold, with a
 *   solid line under it as long as the line of text (here: the run is underlined).
 * - Issuing body at top left, 12–13 pt (13 here): governing body upper case, not bold; issuing
 *   body upper case, bold, with a solid line under it 1/3–1/2 of the text's length (0.4 here,
 *   estimated from the character count), centred; "Số: …/…" under that.
 * - Place and date under the motto, 13–14 pt, italic.
 * - Document type ("BÁO CÁO") 13–14 pt bold, centred; subject under it, bold, with a short rule.
 * - "Nơi nhận:" 12 pt bold italic, its lines 11 pt with "-" and ";" (the archive line ends ".");
 *   signer's authority and title upper case bold, name bold, 13–14 pt.
 * Sizes are in half-points (docx), lengths in twips (1/20 pt; 1 mm ≈ 56.7 twips).
 */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx'
import type { DocumentText } from '../../../shared/reports/document-text'
import type { ReportMeta } from '../../../shared/reports/export-meta'

export const FONT = 'Times New Roman'
/** A4 in twips, and the text width between the margins. */
export const PAGE = { width: 11906, height: 16838, top: 1134, bottom: 1134, left: 1701, right: 851 } as const
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right
/** Word's default left + right cell margins. */
const CELL_PADDING = 216

type RunStyle = Pick<IRunOptions, 'bold' | 'italics'> & { pt?: number; underline?: boolean }

export const run = (text: string, style: RunStyle = {}): TextRun =>
  new TextRun({
    text,
    font: FONT,
    size: (style.pt ?? 13) * 2,
    ...(style.bold === true ? { bold: true } : {}),
    ...(style.italics === true ? { italics: true } : {}),
    ...(style.underline === true ? { underline: { type: UnderlineType.SINGLE } } : {}),
  })

type Align = (typeof AlignmentType)[keyof typeof AlignmentType]

export const line = (text: string, style: RunStyle = {}, alignment: Align = AlignmentType.CENTER): Paragraph =>
  new Paragraph({ alignment, spacing: { before: 0, after: 0 }, children: [run(text, style)] })

/**
 * A centred horizontal rule `ruleTwips` long inside a container `containerTwips` wide: an empty
 * paragraph with a bottom border, indented from both sides.
 */
export function rule(ruleTwips: number, containerTwips: number): Paragraph {
  const indent = Math.max(0, Math.round((containerTwips - ruleTwips) / 2))
  return new Paragraph({
    indent: { left: indent, right: indent },
    spacing: { before: 0, after: 120, line: 120, lineRule: 'exact' },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [],
  })
}

/** Rough width in twips of upper-case bold Times New Roman text (about 0.67 em a character). */
export const upperTextWidth = (text: string, pt: number): number => Math.round(text.length * pt * 0.67 * 20)

const none = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none }

/** A one-row table without borders, used to place blocks side by side (left / right). */
export function sideBySide(widths: [number, number], left: Paragraph[], right: Paragraph[], cantSplit = false): Table {
  const cell = (children: Paragraph[], width: number): TableCell =>
    new TableCell({ children, width: { size: width, type: WidthType.DXA }, verticalAlign: VerticalAlignTable.TOP })
  return new Table({
    width: { size: widths[0] + widths[1], type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    rows: [new TableRow({ cantSplit, children: [cell(left, widths[0]), cell(right, widths[1])] })],
  })
}

const HEADER_WIDTHS: [number, number] = [3500, TEXT_WIDTH - 3500]

/** Top of the first page: issuing body and number (left), national name, motto, place and date (right). */
export function headerBlock(text: DocumentText, meta: ReportMeta): Table {
  const leftInner = HEADER_WIDTHS[0] - CELL_PADDING
  const issuing = meta.issuingBody.toUpperCase()
  const ruleLength = Math.min(leftInner, upperTextWidth(issuing, 13)) * 0.4
  const left = [
    ...(meta.governingBody === '' ? [] : [line(meta.governingBody.toUpperCase(), { pt: 13 })]),
    line(issuing, { pt: 13, bold: true }),
    rule(ruleLength, leftInner),
    line(text.numberLine, { pt: 13 }),
  ]
  const right = [
    line(text.nationalName, { pt: 13, bold: true }),
    line(text.motto, { pt: 13, bold: true, underline: true }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 0 },
      children: [run(text.placeDate, { pt: 13, italics: true })],
    }),
  ]
  return sideBySide(HEADER_WIDTHS, left, right)
}

/** Document type, subject with its rule, and the period. */
export function titleBlock(text: DocumentText): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 480, after: 0 },
      children: [run(text.documentType, { pt: 14, bold: true })],
    }),
    line(text.subject, { pt: 14, bold: true }),
    line(text.periodLine, { pt: 13, italics: true }),
    rule(2000, TEXT_WIDTH),
  ]
}

/** "Nơi nhận" (left) and the signature block (right), kept on one page. */
export function signatureBlock(text: DocumentText): Table {
  const left = [
    line(text.recipientsHeading, { pt: 12, bold: true, italics: true }, AlignmentType.LEFT),
    ...text.recipientLines.map((r) => line(r, { pt: 11 }, AlignmentType.LEFT)),
  ]
  const right = [
    ...(text.signerAuthority === '' ? [] : [line(text.signerAuthority, { pt: 13, bold: true })]),
    line(text.signerTitle, { pt: 13, bold: true }),
    ...Array.from({ length: 4 }, () => new Paragraph({ children: [] })),
    line(text.signerName, { pt: 13, bold: true }),
  ]
  return sideBySide([4200, TEXT_WIDTH - 4200], left, right, true)
}
