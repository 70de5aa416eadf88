import JSZip from 'jszip'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderDocx } from '../../../../../src/main/services/reports/docx'
import { computeReport } from '../../../../../src/shared/reports/compute'
import { fixtureInput } from '../../../../unit/shared/reports/fixture'
import { meta } from './meta'

const report = () => computeReport(fixtureInput(), { kind: 'reporting-year', year: 2025 })

async function part(bytes: Uint8Array, path: string): Promise<string> {
  const file = (await JSZip.loadAsync(bytes)).file(path)
  if (file === null) throw new Error(`no ${path}`)
  return file.async('string')
}

/** The document's text runs in order. */
const texts = (xml: string): string[] => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? '')

describe('renderDocx', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('lays out the national motto, issuing body, number, place and date, and title', async () => {
    const xml = await part(await renderDocx(report(), meta), 'word/document.xml')
    const t = texts(xml)
    expect(t.slice(0, 7)).toEqual([
      'UBND XÃ TÂN LẬP',
      'ĐÀI TRUYỀN THANH',
      'Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-ĐTT',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Tân Lập, ngày 16 tháng 12 năm 2025',
      'BÁO CÁO',
    ])
    expect(t).toContain('Kết quả hoạt động của Đài truyền thanh xã Tân Lập năm báo cáo 2025')
    expect(t).toContain('(Từ ngày 15/12/2024 đến hết ngày 14/12/2025)')
    // the motto's run is underlined; the fonts are Times New Roman
    expect(xml).toMatch(/<w:u w:val="single"\/>(?:(?!<\/w:r>).)*Độc lập - Tự do - Hạnh phúc/s)
    expect(xml).toContain('w:ascii="Times New Roman"')
  })

  it('contains the figures of each table, the notes and the signature block', async () => {
    const t = texts(await part(await renderDocx(report(), meta), 'word/document.xml'))
    const after = (label: string, n: number): string[] => t.slice(t.indexOf(label) + 1, t.indexOf(label) + 1 + n)
    expect(after('Tiếp sóng Đài Tiếng nói Việt Nam', 2)).toEqual(['1 giờ 45 phút', '38,0%']) // 105 / 276:25
    expect(after('Tổng cộng', 2)).toEqual(['4 giờ 36 phút', '100,0%'])
    expect(after('Tin', 3)).toEqual(['2', '1', '1'])
    expect(after('Trong đó: tiếng dân tộc thiểu số', 1)).toEqual(['1 giờ 21 phút'])
    expect(after('Truyền thanh không dây (FM)', 5)).toEqual(['3', '2', '1', '0', '66,7%'])
    expect(t).toContain('Thôn, ấp không có cụm loa nào hoạt động tốt: Ấp Ba, Ấp Bốn.')
    expect(t).toContain('Nơi nhận:')
    expect(t.slice(t.indexOf('Nơi nhận:'))).toEqual([
      'Nơi nhận:',
      '- UBND xã (b/c);',
      '- Phòng Văn hóa - Xã hội;',
      '- Lưu: VT.',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Nguyễn Văn An',
    ])
  })

  it('dates docProps/core.xml from generatedAt and renders byte-identical files at different times', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'))
    const first = await renderDocx(report(), meta)
    vi.setSystemTime(new Date('2031-06-15T13:37:11Z'))
    const second = await renderDocx(report(), meta)
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true)
    const core = await part(first, 'docProps/core.xml')
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-12-16T01:30:00Z</dcterms:created>')
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2025-12-16T01:30:00Z</dcterms:modified>')
  })

  it('prints English labels when asked', async () => {
    const t = texts(await part(await renderDocx(report(), { ...meta, language: 'en' }), 'word/document.xml'))
    expect(t).toContain('SOCIALIST REPUBLIC OF VIETNAM')
    expect(t).toContain('4 h 36 min')
    expect(t).toContain('Tân Lập, 16 December 2025')
  })

  it('names the commune and province once when their names carry the unit (as the province sends them)', async () => {
    const province = { ...meta, communeName: 'Xã Tân Hòa', provinceName: 'Tỉnh Demo', place: 'Xã Tân Hòa' }
    const t = texts(await part(await renderDocx(report(), province), 'word/document.xml'))
    expect(t).toContain('Kết quả hoạt động của Đài truyền thanh xã Tân Hòa năm báo cáo 2025')
    expect(t).toContain('Tân Hòa, ngày 16 tháng 12 năm 2025')
    const opening = t.find((line) => line.includes('báo cáo kết quả hoạt động')) ?? ''
    expect(opening).toMatch(/^Đài truyền thanh xã Tân Hòa, tỉnh Demo báo cáo/)
    const all = t.join('\n')
    expect(all).not.toMatch(/xã Xã|tỉnh Tỉnh/i)

    const english = texts(await part(await renderDocx(report(), { ...province, language: 'en' }), 'word/document.xml'))
    expect(english.join('\n')).toContain('The Tân Hòa commune radio station, Demo province, reports')
    expect(english).toContain('Tân Hòa, 16 December 2025')
  })
})
