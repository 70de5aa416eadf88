/**
 * The chunked form of `reports:export`: the renderer sends the gzip-compressed report input in
 * numbered chunks (begin → chunk 0, 1, … → finish), because one bridge message is limited to
 * 2 MiB in the browser host. The shape follows the media imports (`import-service.ts`), but the
 * chunks stay in memory: an input is at most `MAX_REPORT_EXPORT_GZIP_BYTES`, and main holds at
 * most one export (a new begin replaces the one in progress: one officer exports one file at a
 * time, and an export whose page went away must not block the next). An export with no chunk
 * for `idleMs` is forgotten. At finish the whole input is inflated, parsed with zod and rendered
 * by `exportReport`, exactly as the one-message form.
 */
import { concatBytes } from '../../../shared/bytes'
import { MAX_REPORT_EXPORT_GZIP_BYTES, type ReportFile } from '../../../shared/ipc/reports'
import type { ReportMeta } from '../../../shared/reports/export-meta'
import type { ReportFormat } from '../../../shared/reports/file-name'
import type { PeriodSpec } from '../../../shared/reports/period'
import { ServiceError } from '../../../shared/result'
import type { Logger } from '../logger'
import { exportReport } from './export'

interface PendingExport {
  id: string
  totalBytes: number
  chunks: Uint8Array[]
  received: number
  lastActivity: number
}

export interface ReportExportServiceOptions {
  log: Logger
  now?: () => number
  /** An export with no chunk for this long is forgotten (the page went away). */
  idleMs?: number
  /** Largest compressed input (default `MAX_REPORT_EXPORT_GZIP_BYTES`). */
  maxBytes?: number
}

export interface ReportExportFinishInput {
  exportId: string
  period: PeriodSpec
  meta: ReportMeta
  format: ReportFormat
}

export interface ReportExportService {
  begin(input: { exportId: string; totalBytes: number }): { exportId: string }
  chunk(input: { exportId: string; seq: number; bytes: Uint8Array }): { receivedBytes: number }
  finish(input: ReportExportFinishInput): Promise<ReportFile>
  abort(exportId: string): { aborted: boolean }
  /** Forgets an idle export; returns whether one was. Runs every 30 s between start() and stop(). */
  sweep(): boolean
  start(): void
  stop(): void
}

export function createReportExportService(options: ReportExportServiceOptions): ReportExportService {
  const { log } = options
  const now = options.now ?? Date.now
  const idleMs = options.idleMs ?? 2 * 60_000
  const maxBytes = options.maxBytes ?? MAX_REPORT_EXPORT_GZIP_BYTES
  let pending: PendingExport | null = null
  let timer: ReturnType<typeof setInterval> | null = null

  const current = (id: string): PendingExport => {
    if (pending?.id !== id) throw new ServiceError('not-found', `reports: export ${id} is not in progress`)
    return pending
  }

  const service: ReportExportService = {
    begin({ exportId, totalBytes }) {
      if (totalBytes > maxBytes) {
        throw new ServiceError(
          'invalid-input',
          `reports: ${totalBytes} bytes of compressed input is over the ${maxBytes}-byte limit; choose a shorter period`,
        )
      }
      if (pending) log.warn(`reports: export ${pending.id} replaced by ${exportId} before it finished`)
      pending = { id: exportId, totalBytes, chunks: [], received: 0, lastActivity: now() }
      return { exportId }
    },

    chunk({ exportId, seq, bytes }) {
      const p = current(exportId)
      if (seq !== p.chunks.length) {
        throw new ServiceError('conflict', `reports: chunk ${seq} of ${exportId} arrived, expected ${p.chunks.length}`)
      }
      if (p.received + bytes.byteLength > p.totalBytes) {
        throw new ServiceError('invalid-input', `reports: more than the announced ${p.totalBytes} bytes`)
      }
      // A copy: the bytes may be a view into a larger buffer that the bridge reuses.
      p.chunks.push(bytes.slice())
      p.received += bytes.byteLength
      p.lastActivity = now()
      return { receivedBytes: p.received }
    },

    async finish({ exportId, period, meta, format }) {
      const p = current(exportId)
      // Forgotten whatever happens next: a failed export is started again from the beginning.
      pending = null
      if (p.received !== p.totalBytes) {
        throw new ServiceError('invalid-input', `reports: ${p.received} of ${p.totalBytes} bytes arrived`)
      }
      return exportReport({ inputGzip: concatBytes(p.chunks), period, meta, format })
    },

    abort(exportId) {
      if (pending?.id !== exportId) return { aborted: false }
      pending = null
      return { aborted: true }
    },

    sweep() {
      if (!pending || now() - pending.lastActivity <= idleMs) return false
      log.warn(`reports: export ${pending.id} idle for ${Math.round(idleMs / 1000)} s; forgotten`)
      pending = null
      return true
    },

    start() {
      timer ??= setInterval(() => service.sweep(), 30_000)
    },

    stop() {
      if (timer) clearInterval(timer)
      timer = null
      pending = null
    },
  }
  return service
}
