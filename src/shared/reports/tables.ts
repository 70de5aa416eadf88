/**
 * The report laid out as tables of typed cells, once, for every export: the DOCX, the XLSX and
 * the CSV all render these, so a figure cannot appear in one file and differ in another.
 */
import { formatCount, formatLocalDate } from './format'
import { languageName, reportLabels, type ReportLabels, type ReportLanguage } from './labels'
import type { StationReport } from './report'

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

const columns = (L: ReportLabels, keys: ColumnKey[], labelTitle: string): ReportColumn[] =>
  keys.map((key) => ({ key, title: key === 'label' ? labelTitle : L.columns[key] }))

const numbered = (i: number, key: string, label: string, values: ReportCell[]): ReportRow => ({
  key,
  cells: [text(String(i + 1)), text(label), ...values],
  isTotal: false,
})
const summary = (key: string, label: string, values: ReportCell[]): ReportRow => ({
  key,
  cells: [text(''), text(label), ...values],
  isTotal: true,
})

function airtimeTable(r: StationReport, L: ReportLabels): ReportTable {
  const total = r.airtime.totalMs
  return {
    id: 'airtime',
    title: L.tables.airtime,
    columns: columns(L, ['no', 'label', 'duration', 'share'], L.columns.source),
    rows: [
      ...r.airtime.bySource.map((s, i) =>
        numbered(i, s.source, L.sources[s.source], [duration(s.ms), ratio(s.ms, total)]),
      ),
      summary('total', L.total, [duration(total), ratio(total, total)]),
    ],
  }
}

function contentTable(r: StationReport, L: ReportLabels): ReportTable {
  const sum = (f: (c: StationReport['content'][number]) => number): number => r.content.reduce((s, c) => s + f(c), 0)
  const e = r.emergency
  return {
    id: 'content',
    title: L.tables.content,
    columns: columns(L, ['no', 'label', 'produced', 'ownBroadcasts', 'upstreamBroadcasts'], L.columns.kind),
    rows: [
      ...r.content.map((c, i) =>
        numbered(i, c.kind, L.kinds[c.kind], [count(c.produced), count(c.ownBroadcasts), count(c.upstreamBroadcasts)]),
      ),
      summary('total', L.total, [
        count(sum((c) => c.produced)),
        count(sum((c) => c.ownBroadcasts)),
        count(sum((c) => c.upstreamBroadcasts)),
      ]),
      summary('emergency', L.emergency, [count(e.produced), count(e.ownBroadcasts), count(e.upstreamBroadcasts)]),
    ],
  }
}

function languagesTable(r: StationReport, L: ReportLabels, lang: ReportLanguage): ReportTable {
  const total = r.airtime.totalMs
  return {
    id: 'languages',
    title: L.tables.languages,
    columns: columns(L, ['no', 'label', 'duration', 'share'], L.columns.language),
    rows: [
      ...r.airtime.byLanguage.map((l, i) =>
        numbered(i, l.language, languageName(l.language, lang), [duration(l.ms), ratio(l.ms, total)]),
      ),
      summary('total', L.total, [duration(total), ratio(total, total)]),
      summary('minority', L.minority, [duration(r.airtime.minorityMs), ratio(r.airtime.minorityMs, total)]),
    ],
  }
}

function categoriesTable(r: StationReport, L: ReportLabels): ReportTable {
  const total = r.airtime.totalMs
  return {
    id: 'categories',
    title: L.tables.categories,
    columns: columns(L, ['no', 'label', 'duration', 'share'], L.columns.category),
    rows: [
      ...r.airtime.byCategory.map((c, i) =>
        numbered(i, c.category, c.category === '' ? L.uncategorised : c.category, [duration(c.ms), ratio(c.ms, total)]),
      ),
      summary('total', L.total, [duration(total), ratio(total, total)]),
    ],
  }
}

function clustersTable(r: StationReport, L: ReportLabels): ReportTable {
  const values = (f: StationReport['clusters']['all']): ReportCell[] => [
    count(f.inService),
    count(f.working),
    count(f.faulty),
    count(f.removed),
    ratio(f.working, f.inService),
  ]
  return {
    id: 'clusters',
    title: L.tables.clusters,
    columns: columns(
      L,
      ['no', 'label', 'inService', 'working', 'faulty', 'removed', 'workingShare'],
      L.columns.technology,
    ),
    rows: [
      ...r.clusters.byTechnology.map((t, i) => numbered(i, t.technology, L.technologies[t.technology], values(t))),
      summary('total', L.total, values(r.clusters.all)),
    ],
  }
}

/** All tables of the report, in the order they are printed. */
export function reportTables(report: StationReport, lang: ReportLanguage): ReportTable[] {
  const L = reportLabels[lang]
  return [
    airtimeTable(report, L),
    contentTable(report, L),
    languagesTable(report, L, lang),
    categoriesTable(report, L),
    clustersTable(report, L),
  ]
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
