/**
 * The report laid out as tables of typed cells, once, for every export: the DOCX, the XLSX and
 * the CSV all render these, so a figure cannot appear in one file and differ in another.
 */
import { formatCount, formatLocalDate } from './format'
import { languageName, reportLabels, type ReportLabels, type ReportLanguage } from './labels'
import type { ClusterFigures, ContentFigures, StationReport } from './report'

export type ReportCell =
  | { t: 'text'; text: string }
  | { t: 'count'; n: number }
  | { t: 'duration'; ms: number }
  | { t: 'ratio'; num: number; den: number }

export type ColumnKey = keyof ReportLabels['columns'] | 'label'
export interface ReportColumn {
  key: ColumnKey
  title: string
}
export interface ReportRow {
  /** Stable machine key of the row (a source kind, a language code, …). */
  key: string
  cells: ReportCell[]
  isTotal: boolean
}
export type TableId = keyof ReportLabels['tables']
export interface ReportTable {
  id: TableId
  title: string
  columns: ReportColumn[]
  rows: ReportRow[]
}

const text = (s: string): ReportCell => ({ t: 'text', text: s })
const count = (n: number): ReportCell => ({ t: 'count', n })
const duration = (ms: number): ReportCell => ({ t: 'duration', ms })
const ratio = (num: number, den: number): ReportCell => ({ t: 'ratio', num, den })

/** A row before it is numbered: its machine key, the words that name it and its figures. */
interface RowSpec {
  key: string
  label: string
  values: ReportCell[]
}

interface TableContext {
  report: StationReport
  L: ReportLabels
  lang: ReportLanguage
}

/**
 * One table declared as data. Every table has the same shape: a number column, a column naming
 * the row (`labelColumn`), then the figures (`valueColumns`); numbered item rows, then unnumbered
 * summary rows (the total and any "of which" rows).
 */
interface TableSpec {
  id: TableId
  labelColumn: keyof ReportLabels['columns']
  valueColumns: ColumnKey[]
  items: (c: TableContext) => RowSpec[]
  summaries: (c: TableContext) => RowSpec[]
}

function buildTable(spec: TableSpec, c: TableContext): ReportTable {
  const keys: ColumnKey[] = ['no', 'label', ...spec.valueColumns]
  return {
    id: spec.id,
    title: c.L.tables[spec.id],
    columns: keys.map((key) => ({ key, title: key === 'label' ? c.L.columns[spec.labelColumn] : c.L.columns[key] })),
    rows: [
      ...spec.items(c).map((row, i) => ({
        key: row.key,
        cells: [text(String(i + 1)), text(row.label), ...row.values],
        isTotal: false,
      })),
      ...spec
        .summaries(c)
        .map((row) => ({ key: row.key, cells: [text(''), text(row.label), ...row.values], isTotal: true })),
    ],
  }
}

/** Duration and share of the period's broadcast time. */
const airtime = (ms: number, c: TableContext): ReportCell[] => [duration(ms), ratio(ms, c.report.airtime.totalMs)]
const airtimeTotal = (c: TableContext): RowSpec => ({
  key: 'total',
  label: c.L.total,
  values: airtime(c.report.airtime.totalMs, c),
})

type ContentCounts = Pick<ContentFigures, 'produced' | 'ownBroadcasts' | 'upstreamBroadcasts'>
const contentCounts = (f: ContentCounts): ReportCell[] => [
  count(f.produced),
  count(f.ownBroadcasts),
  count(f.upstreamBroadcasts),
]
const contentTotal = (rows: readonly ContentCounts[]): ContentCounts => {
  const sum = (f: (row: ContentCounts) => number): number => rows.reduce((s, row) => s + f(row), 0)
  return {
    produced: sum((row) => row.produced),
    ownBroadcasts: sum((row) => row.ownBroadcasts),
    upstreamBroadcasts: sum((row) => row.upstreamBroadcasts),
  }
}

const clusterCounts = (f: ClusterFigures): ReportCell[] => [
  count(f.inService),
  count(f.working),
  count(f.faulty),
  count(f.removed),
  ratio(f.working, f.inService),
]

/** All tables, in the order they are printed. */
const TABLES: readonly TableSpec[] = [
  {
    id: 'airtime',
    labelColumn: 'source',
    valueColumns: ['duration', 'share'],
    items: (c) =>
      c.report.airtime.bySource.map((s) => ({ key: s.source, label: c.L.sources[s.source], values: airtime(s.ms, c) })),
    summaries: (c) => [airtimeTotal(c)],
  },
  {
    id: 'content',
    labelColumn: 'kind',
    valueColumns: ['produced', 'ownBroadcasts', 'upstreamBroadcasts'],
    items: (c) => c.report.content.map((k) => ({ key: k.kind, label: c.L.kinds[k.kind], values: contentCounts(k) })),
    summaries: (c) => [
      { key: 'total', label: c.L.total, values: contentCounts(contentTotal(c.report.content)) },
      { key: 'emergency', label: c.L.emergency, values: contentCounts(c.report.emergency) },
    ],
  },
  {
    id: 'languages',
    labelColumn: 'language',
    valueColumns: ['duration', 'share'],
    items: (c) =>
      c.report.airtime.byLanguage.map((l) => ({
        key: l.language,
        label: languageName(l.language, c.lang),
        values: airtime(l.ms, c),
      })),
    summaries: (c) => [
      airtimeTotal(c),
      { key: 'minority', label: c.L.minority, values: airtime(c.report.airtime.minorityMs, c) },
    ],
  },
  {
    id: 'categories',
    labelColumn: 'category',
    valueColumns: ['duration', 'share'],
    items: (c) =>
      c.report.airtime.byCategory.map((k) => ({
        key: k.category,
        label: k.category === '' ? c.L.uncategorised : k.category,
        values: airtime(k.ms, c),
      })),
    summaries: (c) => [airtimeTotal(c)],
  },
  {
    id: 'clusters',
    labelColumn: 'technology',
    valueColumns: ['inService', 'working', 'faulty', 'removed', 'workingShare'],
    items: (c) =>
      c.report.clusters.byTechnology.map((t) => ({
        key: t.technology,
        label: c.L.technologies[t.technology],
        values: clusterCounts(t),
      })),
    summaries: (c) => [{ key: 'total', label: c.L.total, values: clusterCounts(c.report.clusters.all) }],
  },
]

/** All tables of the report, in the order they are printed. */
export function reportTables(report: StationReport, lang: ReportLanguage): ReportTable[] {
  const context: TableContext = { report, L: reportLabels[lang], lang }
  return TABLES.map((spec) => buildTable(spec, context))
}

/** Sentences printed under the tables: cluster cut-off, hamlets without service, what the log left out. */
export function reportNotes(report: StationReport, lang: ReportLanguage): string[] {
  const { clusters, log } = report
  const n = (x: number): string => formatCount(x, lang)
  const asOf = formatLocalDate(Date.parse(clusters.asOfUtc) - 1, lang)
  const hamlets = clusters.hamletsWithoutWorking.join(', ')
  if (lang === 'vi') {
    return [
      `Số liệu cụm loa tính đến hết ngày ${asOf}.`,
      hamlets === ''
        ? 'Thôn, ấp nào có cụm loa cũng có ít nhất một cụm loa hoạt động tốt.'
        : `Thôn, ấp không có cụm loa nào hoạt động tốt: ${hamlets}.`,
      ...(clusters.withoutHistory > 0
        ? [`${n(clusters.withoutHistory)} cụm loa chưa có lịch sử trạng thái, được tính theo trạng thái hiện tại.`]
        : []),
      `Số liệu phát sóng tính tự động từ nhật ký phát: ${n(log.broadcasts)} lượt phát (${n(log.interrupted)} lượt bị ngắt giữa chừng); không tính thời lượng của ${n(log.skipped)} lượt bỏ qua, ${n(log.failed)} lượt phát lỗi và ${n(log.missingTimes)} lượt thiếu giờ phát. Tin, bài phát vắt qua thời điểm đầu hoặc cuối kỳ chỉ tính phần thời lượng nằm trong kỳ; thời lượng làm tròn đến phút.`,
    ]
  }
  return [
    `Cluster figures as at the end of ${asOf}.`,
    hamlets === ''
      ? 'Every hamlet with clusters has at least one working cluster.'
      : `Hamlets with no working cluster: ${hamlets}.`,
    ...(clusters.withoutHistory > 0
      ? [`${n(clusters.withoutHistory)} clusters have no status history and are counted with their current status.`]
      : []),
    `Broadcast figures are computed from the as-played log: ${n(log.broadcasts)} broadcasts (${n(log.interrupted)} interrupted); not counted as broadcast time: ${n(log.skipped)} skipped, ${n(log.failed)} failed and ${n(log.missingTimes)} without start or end time. Items crossing the start or end of the period count only their part inside it; durations are rounded to the minute.`,
  ]
}
