import type { ReportMetaInput } from '../../../../../src/shared/reports/export-meta'

/** The issuing details used by the render tests: generated 16/12/2025 08:30 local. */
export const meta: ReportMetaInput = {
  communeName: 'Tân Lập',
  provinceName: 'Sóc Trăng',
  governingBody: 'UBND xã Tân Lập',
  issuingBody: 'Đài truyền thanh',
  documentSymbol: 'BC-ĐTT',
  place: 'Tân Lập',
  signerAuthority: 'KT. Chủ tịch',
  signerTitle: 'Phó Chủ tịch',
  signerName: 'Nguyễn Văn An',
  recipients: ['UBND xã (b/c)', 'Phòng Văn hóa - Xã hội'],
  generatedAt: '2025-12-16T01:30:00.000Z',
}
