/**
 * The computed report as the screen shows it: tables of display strings and chart bars, with
 * every word from i18next (the exported files use their own fixed labels, see
 * src/shared/reports/labels.ts). Pure: `t` is passed in, so this is tested without React.
 */
import { formatCount, formatPercent, roundMinutes } from '../../../shared/reports/format'
import type { ReportLanguage } from '../../../shared/reports/labels'
import type { ClusterFigures, StationReport } from '../../../shared/reports/report'

export type Translate = (key: string, options?: Record<string, unknown>) => string

export interface ViewRow {
  key: string
  cells: string[]
  isTotal: boolean
}

export interface ViewTable {
  id: 'airtime' | 'content' | 'languages' | 'categories' | 'clusters'
  title: string
  columns: string[]
  rows: ViewRow[]
}

export interface ChartBar {
  key: string
  label: string
  value: number
  display: string
}

export interface ReportView {
  tables: ViewTable[]
  charts: { id: 'airtime' | 'languages' | 'clusters'; title: string; bars: ChartBar[]; max?: number }[]
}

export function durationText(ms: number, t: Translate): string {
  const minutes = roundMinutes(ms)
  return t('reports.duration', { hours: Math.floor(minutes / 60), minutes: String(minutes % 60).padStart(2, '0') })
}

const row = (key: string, cells: string[], isTotal = false): ViewRow => ({ key, cells, isTotal })

function timeTables(r: StationReport, t: Translate, lang: ReportLanguage): ViewTable[] {
  const total = r.airtime.totalMs
  const timeCells = (ms: number) => [durationText(ms, t), formatPercent(ms, total, lang)]
  const timeColumns = (first: string) => [first, t('reports.columns.duration'), t('reports.columns.share')]
  const totalRow = row('total', [t('reports.total'), ...timeCells(total)], true)
  return [
    {
      id: 'airtime',
      title: t('reports.tables.airtime'),
      columns: timeColumns(t('reports.columns.source')),
      rows: [
        ...r.airtime.bySource.map((s) => row(s.source, [t(`reports.sources.${s.source}`), ...timeCells(s.ms)])),
        totalRow,
      ],
    },
    {
      id: 'languages',
      title: t('reports.tables.languages'),
      columns: timeColumns(t('reports.columns.language')),
      rows: [
        ...r.airtime.byLanguage.map((l) =>
          row(l.language, [t(`reports.languages.${l.language}`, { defaultValue: l.language }), ...timeCells(l.ms)]),
        ),
        totalRow,
        row('minority', [t('reports.minority'), ...timeCells(r.airtime.minorityMs)], true),
      ],
    },
    {
      id: 'categories',
      title: t('reports.tables.categories'),
      columns: timeColumns(t('reports.columns.category')),
      rows: [
        ...r.airtime.byCategory.map((c) =>
          row(c.category || '-', [c.category === '' ? t('reports.uncategorised') : c.category, ...timeCells(c.ms)]),
        ),
        totalRow,
      ],
    },
  ]
}

function contentTable(r: StationReport, t: Translate, lang: ReportLanguage): ViewTable {
  const n = (x: number) => formatCount(x, lang)
  const sum = (f: (c: StationReport['content'][number]) => number) => r.content.reduce((s, c) => s + f(c), 0)
  const e = r.emergency
  return {
    id: 'content',
    title: t('reports.tables.content'),
    columns: ['kind', 'produced', 'ownBroadcasts', 'upstreamBroadcasts'].map((c) => t(`reports.columns.${c}`)),
    rows: [
      ...r.content.map((c) =>
        row(c.kind, [t(`reports.kinds.${c.kind}`), n(c.produced), n(c.ownBroadcasts), n(c.upstreamBroadcasts)]),
      ),
      row(
        'total',
        [
          t('reports.total'),
          n(sum((c) => c.produced)),
          n(sum((c) => c.ownBroadcasts)),
          n(sum((c) => c.upstreamBroadcasts)),
        ],
        true,
      ),
      row('emergency', [t('reports.emergency'), n(e.produced), n(e.ownBroadcasts), n(e.upstreamBroadcasts)], true),
    ],
  }
}

function clustersTable(r: StationReport, t: Translate, lang: ReportLanguage): ViewTable {
  const n = (x: number) => formatCount(x, lang)
  const cells = (f: ClusterFigures) => [
    n(f.inService),
    n(f.working),
    n(f.faulty),
    n(f.removed),
    formatPercent(f.working, f.inService, lang),
  ]
  return {
    id: 'clusters',
    title: t('reports.tables.clusters'),
    columns: ['technology', 'inService', 'working', 'faulty', 'removed', 'workingShare'].map((c) =>
      t(`reports.columns.${c}`),
    ),
    rows: [
      ...r.clusters.byTechnology.map((x) => row(x.technology, [t(`clusters.technology.${x.technology}`), ...cells(x)])),
      row('total', [t('reports.total'), ...cells(r.clusters.all)], true),
    ],
  }
}

function charts(r: StationReport, t: Translate, lang: ReportLanguage): ReportView['charts'] {
  const hours = (ms: number) => ms / 3_600_000
  return [
    {
      id: 'airtime',
      title: t('reports.charts.airtime'),
      bars: r.airtime.bySource.map((s) => ({
        key: s.source,
        label: t(`reports.sources.${s.source}`),
        value: hours(s.ms),
        display: durationText(s.ms, t),
      })),
    },
    {
      id: 'languages',
      title: t('reports.charts.languages'),
      bars: r.airtime.byLanguage.map((l) => ({
        key: l.language,
        label: t(`reports.languages.${l.language}`, { defaultValue: l.language }),
        value: hours(l.ms),
        display: durationText(l.ms, t),
      })),
    },
    {
      id: 'clusters',
      title: t('reports.charts.clusters'),
      max: 100,
      bars: r.clusters.byTechnology.map((x) => ({
        key: x.technology,
        label: t(`clusters.technology.${x.technology}`),
        value: x.inService === 0 ? 0 : (100 * x.working) / x.inService,
        display: formatPercent(x.working, x.inService, lang),
      })),
    },
  ]
}

export function reportView(r: StationReport, t: Translate, lang: ReportLanguage): ReportView {
  const [airtime, languages, categories] = timeTables(r, t, lang)
  const tables = [airtime, contentTable(r, t, lang), languages, categories, clustersTable(r, t, lang)].filter(
    (x): x is ViewTable => x !== undefined,
  )
  return { tables, charts: charts(r, t, lang) }
}
