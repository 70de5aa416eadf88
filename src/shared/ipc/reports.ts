/**
 * reports: the station report rendered to a file. The renderer reads its local database
 * (`readReportInput`), the main process computes the report and renders XLSX, DOCX or CSV with
 * the services in src/main/services/reports, and answers with the file's bytes and name.
 *
 * The input travels gzip-compressed: a year's as-played log (10,000 entries) is about 3.4 MB of
 * JSON, over the browser bridge's 2 MiB frame limit, and about 0.7 MB compressed (ids are random,
 * so no better than fivefold). The limit below allows about 25,000 entries. Main inflates it with
 * a size cap and parses it with `reportInputSchema` before anything is computed; the period and
 * the issuing details are parsed here, with the command's schema.
 */
import { z } from 'zod'
import { reportMetaSchema } from '../reports/export-meta'
import { reportFormats } from '../reports/file-name'
import { periodSpecSchema } from '../reports/period'
import { command } from './define'

/** Largest compressed input accepted (below the bridge's frame limit, with room for the rest). */
export const MAX_REPORT_INPUT_GZIP_BYTES = 1_800_000

export const reportExportRequestSchema = z.object({
  /** `ReportInput` as UTF-8 JSON, gzip-compressed (RFC 1952). */
  inputGzip: z.instanceof(Uint8Array).refine((b) => b.byteLength > 0 && b.byteLength <= MAX_REPORT_INPUT_GZIP_BYTES, {
    message: `the compressed report input must be 1..${MAX_REPORT_INPUT_GZIP_BYTES} bytes`,
  }),
  period: periodSpecSchema,
  meta: reportMetaSchema,
  format: z.enum(reportFormats),
})
export type ReportExportRequest = z.input<typeof reportExportRequestSchema>

export const reportFileSchema = z.object({
  fileName: z.string().min(1).max(200),
  mimeType: z.string().min(1).max(200),
  bytes: z.instanceof(Uint8Array),
})
export type ReportFile = z.infer<typeof reportFileSchema>

export const reportsCommands = {
  'reports:export': command(reportExportRequestSchema, reportFileSchema),
}
