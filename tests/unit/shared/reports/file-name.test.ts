import { describe, expect, it } from 'vitest'
import { reportFileName } from '../../../../src/shared/reports/file-name'

describe('reports/file-name', () => {
  it('names each period kind in Vietnamese without diacritics', () => {
    expect(reportFileName({ kind: 'month', year: 2025, month: 3 }, 'xlsx')).toBe('bao-cao-thang-03-2025.xlsx')
    expect(reportFileName({ kind: 'quarter', year: 2025, quarter: 4 }, 'csv')).toBe('bao-cao-quy-4-2025.csv')
    expect(reportFileName({ kind: 'year', year: 2025 }, 'docx')).toBe('bao-cao-nam-2025.docx')
    expect(reportFileName({ kind: 'reporting-year', year: 2025 }, 'xlsx')).toBe('bao-cao-nam-bao-cao-2025.xlsx')
    expect(reportFileName({ kind: 'range', from: '2025-01-01', to: '2025-01-31' }, 'csv')).toBe(
      'bao-cao-tu-2025-01-01-den-2025-01-31.csv',
    )
  })
})
