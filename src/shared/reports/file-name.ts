/**
 * File names of exported reports: Vietnamese words without diacritics, so that every mail
 * client, USB stick and province portal keeps them intact ('bao-cao-nam-bao-cao-2025.docx').
 */
import type { PeriodSpec } from './period'

export const reportFormats = ['xlsx', 'docx', 'csv'] as const
export type ReportFormat = (typeof reportFormats)[number]

export const reportMimeTypes: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv; charset=utf-8',
}

const pad2 = (n: number): string => String(n).padStart(2, '0')

function periodSlug(spec: PeriodSpec): string {
  switch (spec.kind) {
    case 'month':
      return `thang-${pad2(spec.month)}-${spec.year}`
    case 'quarter':
      return `quy-${spec.quarter}-${spec.year}`
    case 'year':
      return `nam-${spec.year}`
    case 'reporting-year':
      return `nam-bao-cao-${spec.year}`
    case 'range':
      return `tu-${spec.from}-den-${spec.to}`
  }
}

/** 'bao-cao-nam-2025.xlsx', 'bao-cao-quy-1-2025.csv', 'bao-cao-thang-03-2025.docx'. */
export const reportFileName = (spec: PeriodSpec, format: ReportFormat): string =>
  `bao-cao-${periodSlug(spec)}.${format}`
