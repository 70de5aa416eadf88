/**
 * The words of the report as an administrative document (NĐ 30/2020/NĐ-CP Art. 8 and Phụ lục I):
 * national name and motto, number and symbol, place and date, document type and subject, the
 * opening and closing sentences, "Nơi nhận" and the signature block. Shared by the DOCX and XLSX
 * renderers so both print the same text.
 */
import { englishAdminName, placeName, withAdminUnit } from '../format/admin-names'
import type { ReportMeta } from './export-meta'
import { capitalize, periodLabel, periodRangeLabel, placeDateLine } from './format'
import type { StationReport } from './report'

export interface DocumentText {
  /** Quốc hiệu (upper case) and Tiêu ngữ (underlined when printed). */
  nationalName: string
  motto: string
  numberLine: string
  placeDate: string
  documentType: string
  subject: string
  periodLine: string
  opening: string
  closing: string
  recipientsHeading: string
  /** Each line with its leading dash and trailing punctuation, the archive line last. */
  recipientLines: string[]
  signerAuthority: string
  signerTitle: string
  signerName: string
}

/** A blank wide enough to write a number in by hand. */
const NUMBER_BLANK = '\u00a0'.repeat(6)

function recipientLines(meta: ReportMeta): string[] {
  const archive = meta.language === 'vi' ? `Lưu: ${meta.archive}` : `Archived: ${meta.archive}`
  return [...meta.recipients.map((r) => `- ${r.replace(/[;.]$/, '')};`), `- ${archive}.`]
}

export function documentText(report: StationReport, meta: ReportMeta): DocumentText {
  const lang = meta.language
  const vi = lang === 'vi'
  const period = periodLabel(report.period.spec, lang)
  const range = periodRangeLabel(report.period, lang)
  const number = `${meta.documentNumber === '' ? NUMBER_BLANK : meta.documentNumber}/${meta.documentSymbol}`
  // The commune and province names may carry their unit ("Xã Tân Hòa", "Tỉnh Demo"): never printed twice.
  const station = vi
    ? `Đài truyền thanh ${withAdminUnit('xã', meta.communeName)}`
    : `the ${englishAdminName('xã', meta.communeName)} radio station`
  const province = vi ? withAdminUnit('tỉnh', meta.provinceName) : englishAdminName('tỉnh', meta.provinceName)
  return {
    nationalName: vi ? 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' : 'SOCIALIST REPUBLIC OF VIETNAM',
    motto: vi ? 'Độc lập - Tự do - Hạnh phúc' : 'Independence - Freedom - Happiness',
    numberLine: vi ? `Số: ${number}` : `No.: ${number}`,
    placeDate: placeDateLine(placeName(meta.place), Date.parse(meta.generatedAt), lang),
    documentType: vi ? 'BÁO CÁO' : 'REPORT',
    subject: vi ? `Kết quả hoạt động của ${station} ${period}` : `Activity of ${station}, ${period}`,
    periodLine: `(${capitalize(range)})`,
    opening: vi
      ? `${station}, ${province} báo cáo kết quả hoạt động ${period} (${range}) như sau:`
      : `${capitalize(station)}, ${province}, reports its activity for ${period} (${range}) as follows:`,
    closing: vi
      ? `Trên đây là báo cáo kết quả hoạt động của ${station} ${period}./.`
      : `This concludes the report on the activity of ${station} for ${period}.`,
    recipientsHeading: vi ? 'Nơi nhận:' : 'Recipients:',
    recipientLines: recipientLines(meta),
    signerAuthority: meta.signerAuthority.toUpperCase(),
    signerTitle: meta.signerTitle.toUpperCase(),
    signerName: meta.signerName,
  }
}
