import { gzipSync } from 'node:zlib'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAppServices, type AppServices } from '../../../../src/main/app-services'
import {
  MAX_REPORT_EXPORT_GZIP_BYTES,
  REPORT_INPUT_CHUNK_BYTES,
  type ReportFile,
} from '../../../../src/shared/ipc/reports'
import type { Result } from '../../../../src/shared/result'
import { collectingLogger } from '../../helpers/collecting-logger'
import { tempDirs } from '../../helpers/temp-dir'
import { meta } from '../services/reports/meta'
import { fixtureInput } from '../../shared/reports/fixture'

const INFO = { version: '0.0.0-test', host: 'browser', platform: 'linux', mediaBaseUrl: '/media/' } as const
const ctx = { sender: 'test' }
const dirs = tempDirs()
let services: AppServices

beforeEach(async () => {
  services = await createAppServices({ dataDir: await dirs.make(), info: INFO, log: collectingLogger() })
})

afterEach(async () => {
  await services.stop()
  await dirs.cleanup()
})

const gz = (value: unknown): Uint8Array => new Uint8Array(gzipSync(Buffer.from(JSON.stringify(value), 'utf8')))
const period = { kind: 'reporting-year', year: 2025 } as const

function file(result: Result<unknown>): ReportFile {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`)
  return result.value as ReportFile
}

const exportAs = (format: 'xlsx' | 'docx' | 'csv', inputGzip = gz(fixtureInput())) =>
  services.dispatch('reports:export', { inputGzip, period, meta, format }, ctx)

describe('reports:export handler', () => {
  it('answers an XLSX with the figures and a Vietnamese file name', async () => {
    const out = file(await exportAs('xlsx'))
    expect(out.fileName).toBe('bao-cao-nam-bao-cao-2025.xlsx')
    expect(out.mimeType).toContain('spreadsheetml')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(out.bytes.buffer.slice(out.bytes.byteOffset, out.bytes.byteOffset + out.bytes.byteLength))
    const ws = wb.getWorksheet('Báo cáo')
    // Table II, row "Tin": produced 2, own broadcasts 1, relayed 1 (see the render tests)
    expect([ws?.getCell('C21').value, ws?.getCell('D21').value, ws?.getCell('E21').value]).toEqual([2, 1, 1])
  })

  it('answers a DOCX whose text holds the title and a figure', async () => {
    const out = file(await exportAs('docx'))
    expect(out.fileName).toBe('bao-cao-nam-bao-cao-2025.docx')
    const xml = await (await JSZip.loadAsync(out.bytes)).file('word/document.xml')?.async('string')
    expect(xml).toContain('BÁO CÁO')
    expect(xml).toContain('Tiếp sóng Đài Tiếng nói Việt Nam')
  })

  it('answers the CSV as UTF-8 with a byte-order mark', async () => {
    const out = file(await exportAs('csv'))
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(out.bytes)
    expect(text.startsWith('\uFEFFsection,item,measure')).toBe(true)
    expect(text).toContain('content,news,produced,count,Tin,2,2')
  })

  it('gives the same bytes for the same data', async () => {
    const a = file(await exportAs('docx'))
    const b = file(await exportAs('docx'))
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true)
  })

  it("answers 'invalid-input' for bytes that are not gzip, and for JSON that is not a report input", async () => {
    const notGzip = await exportAs('csv', new Uint8Array([1, 2, 3]))
    expect(notGzip.ok ? null : notGzip.error.code).toBe('invalid-input')
    const wrong = await exportAs('csv', gz({ plays: [{ id: 'x' }], library: [], clusters: [], clusterEvents: [] }))
    expect(wrong.ok ? null : wrong.error.code).toBe('invalid-input')
    const badPeriod = await services.dispatch(
      'reports:export',
      { inputGzip: gz(fixtureInput()), period: { kind: 'year', year: 1900 }, meta, format: 'csv' },
      ctx,
    )
    expect(badPeriod.ok ? null : badPeriod.error.code).toBe('invalid-input')
  })

  it('refuses a chunked export over the total limit, and a chunk over the chunk size, with invalid-input', async () => {
    const over = await services.dispatch(
      'reports:exportBegin',
      { exportId: crypto.randomUUID(), totalBytes: MAX_REPORT_EXPORT_GZIP_BYTES + 1 },
      ctx,
    )
    expect(over.ok ? null : over.error.code).toBe('invalid-input')
    const exportId = crypto.randomUUID()
    const begun = await services.dispatch(
      'reports:exportBegin',
      { exportId, totalBytes: 3 * REPORT_INPUT_CHUNK_BYTES },
      ctx,
    )
    expect(begun.ok).toBe(true)
    const big = await services.dispatch(
      'reports:exportChunk',
      { exportId, seq: 0, bytes: new Uint8Array(REPORT_INPUT_CHUNK_BYTES + 1) },
      ctx,
    )
    expect(big.ok ? null : big.error.code).toBe('invalid-input')
    const outOfOrder = await services.dispatch(
      'reports:exportChunk',
      { exportId, seq: 1, bytes: new Uint8Array(8) },
      ctx,
    )
    expect(outOfOrder.ok ? null : outOfOrder.error.code).toBe('conflict')
    expect(await services.dispatch('reports:exportAbort', { exportId }, ctx)).toEqual({
      ok: true,
      value: { aborted: true },
    })
  })

  it('answers the same file through the chunked commands as in one message', async () => {
    const inputGzip = gz(fixtureInput())
    const exportId = crypto.randomUUID()
    await services.dispatch('reports:exportBegin', { exportId, totalBytes: inputGzip.byteLength }, ctx)
    const half = Math.ceil(inputGzip.byteLength / 2)
    await services.dispatch('reports:exportChunk', { exportId, seq: 0, bytes: inputGzip.slice(0, half) }, ctx)
    await services.dispatch('reports:exportChunk', { exportId, seq: 1, bytes: inputGzip.slice(half) }, ctx)
    const chunked = file(
      await services.dispatch('reports:exportFinish', { exportId, period, meta, format: 'docx' }, ctx),
    )
    const whole = file(await exportAs('docx', inputGzip))
    expect(Buffer.from(chunked.bytes).equals(Buffer.from(whole.bytes))).toBe(true)
  })
})
