import { randomUUID } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { createReportExportService } from '../../../../../src/main/services/reports/export-uploads'
import { collectingLogger } from '../../../helpers/collecting-logger'
import { fixtureInput } from '../../../shared/reports/fixture'
import { reportMetaSchema } from '../../../../../src/shared/reports/export-meta'
import { meta as metaInput } from './meta'

const period = { kind: 'reporting-year', year: 2025 } as const
/** As the bridge hands it over: parsed by the command's schema. */
const meta = reportMetaSchema.parse(metaInput)
const input = new Uint8Array(gzipSync(Buffer.from(JSON.stringify(fixtureInput()), 'utf8')))
/** The fixture's compressed input in three pieces. */
const third = Math.ceil(input.byteLength / 3)
const pieces = [input.slice(0, third), input.slice(third, 2 * third), input.slice(2 * third)]

function setup(options: { maxBytes?: number } = {}) {
  let clock = 1_000_000
  const log = collectingLogger()
  const service = createReportExportService({ log, now: () => clock, idleMs: 60_000, ...options })
  return { service, log, advance: (ms: number) => (clock += ms) }
}

function send(service: ReturnType<typeof setup>['service'], exportId: string, upTo = pieces.length): void {
  service.begin({ exportId, totalBytes: input.byteLength })
  pieces.slice(0, upTo).forEach((bytes, seq) => service.chunk({ exportId, seq, bytes }))
}

describe('report export uploads', () => {
  it('renders the file from chunks, the same as the whole input does, and then forgets the export', async () => {
    const { service } = setup()
    const exportId = randomUUID()
    send(service, exportId)
    const file = await service.finish({ exportId, period, meta, format: 'csv' })
    expect(file.fileName).toBe('bao-cao-nam-bao-cao-2025.csv')
    expect(new TextDecoder().decode(file.bytes)).toContain('content,news,produced,count,Tin,2,2')
    await expect(service.finish({ exportId, period, meta, format: 'csv' })).rejects.toMatchObject({ code: 'not-found' })
  })

  it('refuses an out-of-order chunk with conflict, and a replayed one too', () => {
    const { service } = setup()
    const exportId = randomUUID()
    service.begin({ exportId, totalBytes: input.byteLength })
    expect(() => service.chunk({ exportId, seq: 1, bytes: pieces[1]! })).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    )
    expect(service.chunk({ exportId, seq: 0, bytes: pieces[0]! })).toEqual({ receivedBytes: third })
    expect(() => service.chunk({ exportId, seq: 0, bytes: pieces[0]! })).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    )
  })

  it('refuses an input over the total limit at begin, and bytes beyond the announced size', () => {
    const { service } = setup({ maxBytes: 1000 })
    expect(() => service.begin({ exportId: randomUUID(), totalBytes: 1001 })).toThrow(/choose a shorter period/)
    expect(() => service.begin({ exportId: randomUUID(), totalBytes: 1001 })).toThrow(
      expect.objectContaining({ code: 'invalid-input' }),
    )
    const exportId = randomUUID()
    service.begin({ exportId, totalBytes: 10 })
    expect(() => service.chunk({ exportId, seq: 0, bytes: new Uint8Array(11) })).toThrow(
      expect.objectContaining({ code: 'invalid-input' }),
    )
  })

  it('refuses to finish before every byte arrived, and a bad input, with invalid-input', async () => {
    const { service } = setup()
    const short = randomUUID()
    send(service, short, 2)
    await expect(service.finish({ exportId: short, period, meta, format: 'csv' })).rejects.toMatchObject({
      code: 'invalid-input',
    })
    const garbage = randomUUID()
    service.begin({ exportId: garbage, totalBytes: 3 })
    service.chunk({ exportId: garbage, seq: 0, bytes: new Uint8Array([1, 2, 3]) })
    await expect(service.finish({ exportId: garbage, period, meta, format: 'csv' })).rejects.toMatchObject({
      code: 'invalid-input',
    })
  })

  it('holds one export at most: a new begin replaces the one in progress', () => {
    const { service, log } = setup()
    const first = randomUUID()
    send(service, first, 1)
    const second = randomUUID()
    service.begin({ exportId: second, totalBytes: input.byteLength })
    expect(() => service.chunk({ exportId: first, seq: 1, bytes: pieces[1]! })).toThrow(
      expect.objectContaining({ code: 'not-found' }),
    )
    expect(service.chunk({ exportId: second, seq: 0, bytes: pieces[0]! })).toEqual({ receivedBytes: third })
    expect(log.lines.some((l) => l.includes(`export ${first} replaced`))).toBe(true)
  })

  it('forgets an abandoned export after the idle time, and an aborted one at once', () => {
    const { service, advance } = setup()
    const idle = randomUUID()
    send(service, idle, 1)
    advance(60_000)
    expect(service.sweep()).toBe(false)
    advance(1)
    expect(service.sweep()).toBe(true)
    expect(() => service.chunk({ exportId: idle, seq: 1, bytes: pieces[1]! })).toThrow(
      expect.objectContaining({ code: 'not-found' }),
    )
    const aborted = randomUUID()
    send(service, aborted, 1)
    expect(service.abort(aborted)).toEqual({ aborted: true })
    expect(service.abort(aborted)).toEqual({ aborted: false })
    expect(service.sweep()).toBe(false)
  })
})
