/**
 * reports: the station report rendered to a file. The renderer reads its local database
 * (`readReportInput`), the main process computes the report and renders XLSX, DOCX or CSV with
 * the services in src/main/services/reports, and answers with the file's bytes and name.
 *
 * The input travels gzip-compressed: a year's as-played log (10,000 entries) is about 3.4 MB of
 * JSON and about 0.7 MB compressed (ids are random, so no better than fivefold). One bridge
 * message is limited to 2 MiB in the browser host, so the app sends the compressed input like an
 * import, in numbered chunks: `reports:exportBegin` → `reports:exportChunk` (seq 0, 1, …) →
 * `reports:exportFinish` (period, issuing details, format), or `reports:exportAbort`. Main keeps
 * at most one export's chunks, and inflates and parses the whole input with `reportInputSchema`
 * at finish, before anything is computed.
 *
 * `reports:export` is the one-message form of the same command, for an input that fits in one
 * message (up to `MAX_REPORT_INPUT_GZIP_BYTES`, about 25,000 log entries).
 */
import { z } from 'zod'
import { idSchema } from '../ids'
import { reportMetaSchema } from '../reports/export-meta'
import { reportFormats } from '../reports/file-name'
import { periodSpecSchema } from '../reports/period'
import { command } from './define'

/** Largest compressed input of the one-message form (below the bridge's frame limit, with room for the rest). */
export const MAX_REPORT_INPUT_GZIP_BYTES = 1_800_000

/** Largest chunk of a chunked export (as for media imports: well inside one 2 MiB frame). */
export const REPORT_INPUT_CHUNK_BYTES = 1024 * 1024

/**
 * Largest compressed input of a chunked export: about 230,000 log entries, nine times a very busy
 * station's year. Main holds the chunks in memory and parses the inflated JSON in one piece, so
 * the limit is kept where that stays a few hundred MB. Beyond it the officer chooses a shorter period.
 */
export const MAX_REPORT_EXPORT_GZIP_BYTES = 16 * 1024 * 1024

const gzipBytes = (max: number) =>
  z.instanceof(Uint8Array).refine((b) => b.byteLength > 0 && b.byteLength <= max, {
    message: `the compressed report input must be 1..${max} bytes`,
  })

const renderOptions = z.object({
  period: periodSpecSchema,
  meta: reportMetaSchema,
  format: z.enum(reportFormats),
})

export const reportExportRequestSchema = renderOptions.extend({
  /** `ReportInput` as UTF-8 JSON, gzip-compressed (RFC 1952). */
  inputGzip: gzipBytes(MAX_REPORT_INPUT_GZIP_BYTES),
})
export type ReportExportRequest = z.input<typeof reportExportRequestSchema>

const exportRef = z.object({ exportId: idSchema })

export const reportExportBeginSchema = exportRef.extend({
  /** The exact size of the compressed input that the chunks will carry. */
  totalBytes: z.number().int().positive(),
})
export const reportExportChunkSchema = exportRef.extend({
  seq: z.number().int().nonnegative(),
  bytes: gzipBytes(REPORT_INPUT_CHUNK_BYTES),
})
export const reportExportFinishSchema = exportRef.extend(renderOptions.shape)
export type ReportExportFinish = z.input<typeof reportExportFinishSchema>

export const reportFileSchema = z.object({
  fileName: z.string().min(1).max(200),
  mimeType: z.string().min(1).max(200),
  bytes: z.instanceof(Uint8Array),
})
export type ReportFile = z.infer<typeof reportFileSchema>

export const reportsCommands = {
  'reports:export': command(reportExportRequestSchema, reportFileSchema),
  'reports:exportBegin': command(reportExportBeginSchema, exportRef),
  'reports:exportChunk': command(reportExportChunkSchema, z.object({ receivedBytes: z.number().int().nonnegative() })),
  'reports:exportFinish': command(reportExportFinishSchema, reportFileSchema),
  'reports:exportAbort': command(exportRef, z.object({ aborted: z.boolean() })),
}
