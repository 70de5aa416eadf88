/**
 * What an exported report file says about who issues it, besides the figures: the parts of an
 * administrative document under NĐ 30/2020/NĐ-CP Art. 8 (issuing body, number and symbol, place
 * and date, signer, recipients). Parsed with zod in the main process before rendering.
 *
 * `generatedAt` is the date printed on the report and written as the files' creation and
 * modification time (document properties and zip entries): with it fixed, the same report
 * renders to the same bytes.
 */
import { z } from 'zod'
import { instantSchema } from '../model/common'
import { reportLanguageSchema } from './labels'

const line = (max: number) => z.string().trim().max(max)

export const reportMetaSchema = z.object({
  /** Commune name without the prefix: 'Tân Lập'. */
  communeName: line(100).min(1),
  provinceName: line(100).min(1),
  /** Governing body, printed above the issuing body, not bold: 'UBND XÃ TÂN LẬP'. May be empty. */
  governingBody: line(200).default(''),
  /** Issuing body, bold with a short rule under it: 'ĐÀI TRUYỀN THANH' or 'ỦY BAN NHÂN DÂN XÃ TÂN LẬP'. */
  issuingBody: line(200).min(1),
  /** Number; empty leaves a blank for the clerk who registers the document. */
  documentNumber: line(20).default(''),
  /** Symbol after the slash: document type 'BC' (báo cáo) - issuing body abbreviation. */
  documentSymbol: line(40).default('BC-UBND'),
  /** Place name of the date line (địa danh): usually the commune. */
  place: line(100).min(1),
  /** Authority before the title, e.g. 'TM. ỦY BAN NHÂN DÂN' or 'KT. CHỦ TỊCH'; may be empty. */
  signerAuthority: line(100).default(''),
  signerTitle: line(100).min(1),
  signerName: line(100).default(''),
  /** "Nơi nhận" lines, without the leading dash or trailing punctuation. */
  recipients: z.array(line(200).min(1)).max(20).default([]),
  /** The archive line: 'VT' gives "- Lưu: VT." */
  archive: line(100).default('VT'),
  generatedAt: instantSchema,
  language: reportLanguageSchema.default('vi'),
})
export type ReportMetaInput = z.input<typeof reportMetaSchema>
export type ReportMeta = z.output<typeof reportMetaSchema>
