/**
 * CSV export: one row per figure (section, item, measure), so a province's changing forms can be
 * filled by filtering or pivoting in a spreadsheet.
 *
 * Format: RFC 4180 (fields with a comma, quote or line break are quoted, quotes doubled; CRLF line
 * ends, including after the last row), UTF-8 with a byte-order mark so that Excel opens the
 * Vietnamese text as UTF-8. Text that a spreadsheet would run as a formula (starting with = + - @,
 * tab or CR: "CSV injection", OWASP) gets a leading apostrophe. Deterministic: the same report
 * gives the same text.
 */
import {
  formatCount,
  formatHoursMinutes,
  formatPercent,
  periodLabel,
  periodRangeLabel,
  permille,
  roundMinutes,
} from './format'
import type { ReportLanguage } from './labels'
import type { StationReport } from './report'
import { reportTables, type ReportCell, type ReportTable } from './tables'

export interface ReportFigure {
  section: string
  item: string
  measure: string
  /** 'min' (whole minutes), 'count', '%', or '' for text. */
  unit: 'min' | 'count' | '%' | ''
  label: string
  value: string | number
  display: string
}

export const csvColumns = ['section', 'item', 'measure', 'unit', 'label', 'value', 'display'] as const

function cellFigure(cell: ReportCell, lang: ReportLanguage): Pick<ReportFigure, 'unit' | 'value' | 'display'> {
  switch (cell.t) {
    case 'text':
      return { unit: '', value: cell.text, display: cell.text }
    case 'count':
      return { unit: 'count', value: cell.n, display: formatCount(cell.n, lang) }
    case 'duration':
      return { unit: 'min', value: roundMinutes(cell.ms), display: formatHoursMinutes(cell.ms) }
    case 'ratio': {
      const p = permille(cell.num, cell.den)
      return {
        unit: '%',
        value: p === null ? '' : (p / 10).toFixed(1),
        display: formatPercent(cell.num, cell.den, lang),
      }
    }
  }
}

function tableFigures(table: ReportTable, lang: ReportLanguage): ReportFigure[] {
  return table.rows.flatMap((row) => {
    const label = row.cells[1]?.t === 'text' ? row.cells[1].text : ''
    return table.columns.slice(2).map((column, i) => {
      const cell = row.cells[i + 2] ?? { t: 'text', text: '' }
      return { section: table.id, item: row.key, measure: column.key, label, ...cellFigure(cell, lang) }
    })
  })
}

const textFigure = (section: string, item: string, label: string, value: string): ReportFigure => ({
  section,
  item,
  measure: 'text',
  unit: '',
  label,
  value,
  display: value,
})

const countFigure = (section: string, item: string, n: number, lang: ReportLanguage): ReportFigure => ({
  section,
  item,
  measure: 'count',
  unit: 'count',
  label: item,
  value: n,
  display: formatCount(n, lang),
})

/** Every figure of the report as a flat list, in print order. */
export function reportFigures(report: StationReport, lang: ReportLanguage): ReportFigure[] {
  const { period, log, clusters } = report
  const label = `${periodLabel(period.spec, lang)} (${periodRangeLabel(period, lang)})`
  return [
    textFigure('period', 'kind', period.spec.kind, period.spec.kind),
    textFigure('period', 'label', label, label),
    textFigure('period', 'start', 'startUtc', period.startUtc),
    textFigure('period', 'end', 'endUtc', period.endUtc),
    ...reportTables(report, lang).flatMap((t) => tableFigures(t, lang)),
    textFigure(
      'clusters',
      'hamlets-without-working',
      'hamletsWithoutWorking',
      clusters.hamletsWithoutWorking.join('; '),
    ),
    countFigure('clusters', 'without-history', clusters.withoutHistory, lang),
    ...(['broadcasts', 'interrupted', 'skipped', 'failed', 'missingTimes'] as const).map((k) =>
      countFigure('log', k, log[k], lang),
    ),
  ]
}

const FORMULA_START = /^[=+\-@\t\r]/

/** One CSV field: guarded against formula injection, quoted when RFC 4180 requires it. */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value)
  const safe = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** The report as CSV text (with BOM); write it as UTF-8 bytes. */
export function renderCsv(report: StationReport, lang: ReportLanguage = 'vi'): string {
  const rows = reportFigures(report, lang).map((f) => csvColumns.map((c) => csvField(f[c])).join(','))
  return `\uFEFF${[csvColumns.join(','), ...rows].join('\r\n')}\r\n`
}
