/**
 * `reports:export`: inflate and parse the renderer's report input, compute the report and render
 * the chosen file. Everything the renderer sent is checked here (the bridge is a trust boundary):
 * the inflated size is capped before JSON is parsed, then `reportInputSchema` parses it.
 * Offline and deterministic: the same input, period and meta give the same bytes.
 *
 * The XLSX and DOCX writers (exceljs, docx and their zip libraries) are loaded on first use, with
 * `import()`: they are a large part of the host's code, and starting the app should not pay for
 * a report made once a year.
 */
import { gunzip } from 'node:zlib'
import { promisify } from 'node:util'
import { z } from 'zod'
import type { ReportFile } from '../../../shared/ipc/reports'
import { computeReport } from '../../../shared/reports/compute'
import { renderCsv } from '../../../shared/reports/csv'
import type { ReportMeta } from '../../../shared/reports/export-meta'
import { reportFileName, reportMimeTypes, type ReportFormat } from '../../../shared/reports/file-name'
import type { PeriodSpec } from '../../../shared/reports/period'
import type { StationReport } from '../../../shared/reports/report'
import { reportInputSchema, type ReportInput } from '../../../shared/reports/report-input'
import { ServiceError } from '../../../shared/result'

/**
 * Inflated JSON larger than this is refused: a guard against zip bombs. Real inputs inflate about
 * fivefold, so the largest accepted chunked input (16 MiB compressed) stays well under it.
 */
export const MAX_REPORT_INPUT_JSON_BYTES = 256 * 1024 * 1024

const inflate = promisify(gunzip)

export interface ReportExportOptions {
  inputGzip: Uint8Array
  period: PeriodSpec
  meta: ReportMeta
  format: ReportFormat
}

async function readInput(gz: Uint8Array): Promise<ReportInput> {
  let json: unknown
  try {
    const raw = await inflate(gz, { maxOutputLength: MAX_REPORT_INPUT_JSON_BYTES })
    json = JSON.parse(raw.toString('utf8'))
  } catch (error) {
    throw new ServiceError(
      'invalid-input',
      `reports: input is not gzip-compressed JSON within the limit: ${String(error)}`,
    )
  }
  const parsed = reportInputSchema.safeParse(json)
  if (!parsed.success) throw new ServiceError('invalid-input', `reports: ${z.prettifyError(parsed.error)}`)
  return parsed.data
}

async function render(report: StationReport, meta: ReportMeta, format: ReportFormat): Promise<Uint8Array> {
  switch (format) {
    case 'xlsx':
      return (await import('./xlsx')).renderXlsx(report, meta)
    case 'docx':
      return (await import('./docx')).renderDocx(report, meta)
    case 'csv':
      return new TextEncoder().encode(renderCsv(report, meta.language))
  }
}

export async function exportReport({ inputGzip, period, meta, format }: ReportExportOptions): Promise<ReportFile> {
  const report = computeReport(await readInput(inputGzip), period)
  return {
    fileName: reportFileName(period, format),
    mimeType: reportMimeTypes[format],
    // A copy on its own ArrayBuffer: the renderers may answer a view into a larger (pooled) buffer.
    bytes: new Uint8Array(await render(report, meta, format)),
  }
}
