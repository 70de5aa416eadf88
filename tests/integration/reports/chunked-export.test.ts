/**
 * A report input far over one bridge message (60,000 as-played entries, about 4 MB compressed)
 * goes through the browser host's real WebSocket bridge in chunks, and the XLSX and DOCX it
 * answers are read back with the right totals.
 */
import { randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppServices, type AppServices } from '../../../src/main/app-services'
import { attachWsBridge } from '../../../src/main/host/ws-bridge-server'
import { createRequestHandler } from '../../../src/main/host/static-files'
import { createHostAccess } from '../../../src/main/host/host-access'
import { REPORT_INPUT_CHUNK_BYTES, type ReportFile } from '../../../src/shared/ipc/reports'
import { localMidnight } from '../../../src/shared/reports/period'
import type { PlayEntry, ReportInput } from '../../../src/shared/reports/report-input'
import type { Result } from '../../../src/shared/result'
import { meta } from '../../unit/main/services/reports/meta'
import { collectingLogger } from '../../unit/helpers/collecting-logger'
import { tempDirs } from '../../unit/helpers/temp-dir'
import { connectBridge, type BridgeClient } from '../host/bridge-client'

const ENTRIES = 60_000
/** The browser host's WebSocket frame limit (ws-bridge-server.ts). */
const MAX_FRAME_BYTES = 2 * 1024 * 1024
const ctx = { sender: 'test' }
const TEN_MINUTES = 10 * 60_000
const period = { kind: 'reporting-year', year: 2025 } as const

const dirs = tempDirs('daixa-report-export-')
let services: AppServices
let server: Server
let closeBridge: () => Promise<void>
let bridge: BridgeClient

/**
 * 60,000 played news items of exactly 10 minutes over reporting year 2025 (from 15/12/2024),
 * alternately own and relayed from VOV: 30,000 × 10 min = 5,000 h each, 10,000 h in all.
 * Random UUIDs make the JSON compress as badly as real ids do.
 */
function bigInput(): ReportInput {
  const start = localMidnight(2024, 12, 15)
  const plays = Array.from({ length: ENTRIES }, (_, i): PlayEntry => {
    const at = start + (i % 360) * 86_400_000 + Math.floor(i / 360) * 5 * 60_000
    return {
      id: randomUUID(),
      itemId: randomUUID(),
      plannedStart: new Date(at).toISOString(),
      actualStart: new Date(at).toISOString(),
      actualEnd: new Date(at + TEN_MINUTES).toISOString(),
      outcome: 'played',
      source: i % 2 === 0 ? 'own' : 'relay-national-radio',
      contentKind: 'news',
      language: 'vi',
      category: 'Thời sự',
      priority: 'normal',
    }
  })
  return { plays, library: [], clusters: [], clusterEvents: [] }
}

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`)
  return result.value as T
}

async function exportInChunks(inputGzip: Uint8Array, format: 'xlsx' | 'docx'): Promise<ReportFile> {
  const exportId = randomUUID()
  value(await bridge.invoke('reports:exportBegin', { exportId, totalBytes: inputGzip.byteLength }))
  const chunks = Math.ceil(inputGzip.byteLength / REPORT_INPUT_CHUNK_BYTES)
  for (let seq = 0; seq < chunks; seq += 1) {
    const bytes = inputGzip.slice(seq * REPORT_INPUT_CHUNK_BYTES, (seq + 1) * REPORT_INPUT_CHUNK_BYTES)
    value(await bridge.invoke('reports:exportChunk', { exportId, seq, bytes }))
  }
  return value<ReportFile>(await bridge.invoke('reports:exportFinish', { exportId, period, meta, format }))
}

/** Whole minutes of an Excel duration, which exceljs reads back as a Date from 1899-12-30. */
const minutes = (cell: ExcelJS.Cell): number => {
  const v = cell.value
  const days = v instanceof Date ? (v.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000 : Number(v)
  return Math.round(days * 1440)
}

beforeAll(async () => {
  const root = await dirs.make()
  services = await createAppServices({
    dataDir: join(root, 'data'),
    info: { version: '0.0.0-test', host: 'browser', platform: process.platform, mediaBaseUrl: '/media/' },
    log: collectingLogger(),
  })
  let port = 0
  const access = createHostAccess({ port: () => port, sessionValue: 'report-test-session' })
  const handle = createRequestHandler(join(root, 'renderer'), services.store, access)
  server = createServer((req, res) => void handle(req, res))
  let origin = ''
  closeBridge = attachWsBridge({
    server,
    dispatch: services.dispatch,
    bus: services.bus,
    log: collectingLogger(),
    allowedOrigins: () => [origin],
    access,
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  origin = `http://127.0.0.1:${port}`
  bridge = await connectBridge(port, origin, { Cookie: `${access.cookieName()}=report-test-session` })
})

afterAll(async () => {
  await bridge.close()
  await closeBridge()
  await services.stop()
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await dirs.cleanup()
})

describe('chunked reports:export through the browser host', () => {
  it('exports 60,000 entries as XLSX and DOCX with the right totals', { timeout: 120_000 }, async () => {
    const inputGzip = new Uint8Array(gzipSync(Buffer.from(JSON.stringify(bigInput()), 'utf8')))
    // Over one 2 MiB bridge message (the host would close the socket): the one-message form
    // refuses it even without the socket, the chunks carry it.
    expect(inputGzip.byteLength).toBeGreaterThan(MAX_FRAME_BYTES)
    const oneMessage = await services.dispatch('reports:export', { inputGzip, period, meta, format: 'csv' }, ctx)
    expect(oneMessage.ok ? null : oneMessage.error.code).toBe('invalid-input')

    const xlsx = await exportInChunks(inputGzip, 'xlsx')
    expect(xlsx.fileName).toBe('bao-cao-nam-bao-cao-2025.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(xlsx.bytes.buffer.slice(xlsx.bytes.byteOffset, xlsx.bytes.byteOffset + xlsx.bytes.byteLength))
    const ws = wb.getWorksheet('Báo cáo')
    if (ws === undefined) throw new Error('no sheet Báo cáo')
    // Table I: own (row 11) and VOV (row 12) 5,000 h each, total (row 16) 10,000 h.
    expect([minutes(ws.getCell('C11')), minutes(ws.getCell('C12'))]).toEqual([300_000, 300_000])
    expect(minutes(ws.getCell('C16'))).toBe(600_000)
    // Table II, row "Tin": produced 0 (empty library), own broadcasts 30,000, relayed 30,000.
    expect([ws.getCell('C21').value, ws.getCell('D21').value, ws.getCell('E21').value]).toEqual([0, 30_000, 30_000])

    const docx = await exportInChunks(inputGzip, 'docx')
    expect(docx.fileName).toBe('bao-cao-nam-bao-cao-2025.docx')
    const xml = (await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')?.async('string')) ?? ''
    expect(xml).toContain('5.000 giờ 00 phút')
    expect(xml).toContain('10.000 giờ 00 phút')
    expect(xml).toContain('30.000')
  })
})
