/**
 * A small station's log, library and cluster registry, with every time written in Vietnam's
 * local time (+07:00) so the arithmetic in the tests can be checked by eye. The figures each test
 * expects are worked out by hand next to the assertion.
 */
import {
  reportInputSchema,
  type PlayEntry,
  type ReportInput,
  type SourceKind,
  type ReportContentKind,
} from '../../../../src/shared/reports/report-input'
import type { PriorityClass } from '../../../../src/shared/model/common'

/** '2025-03-10T05:30' or '2025-03-10T05:30:45' local → ISO instant in UTC. */
export const at = (local: string): string => new Date(`${local}${local.length === 16 ? ':00' : ''}+07:00`).toISOString()

interface PlayOptions {
  source: SourceKind
  kind: ReportContentKind
  language?: string
  category?: string
  priority?: PriorityClass
  outcome?: PlayEntry['outcome']
}

function play(id: string, start: string | null, end: string | null, o: PlayOptions, planned?: string): PlayEntry {
  return {
    id,
    itemId: `item-${id}`,
    plannedStart: at(planned ?? start ?? '2000-01-01T00:00'),
    actualStart: start === null ? null : at(start),
    actualEnd: end === null ? null : at(end),
    outcome: o.outcome ?? 'played',
    source: o.source,
    contentKind: o.kind,
    language: o.language ?? 'vi',
    category: o.category ?? '',
    priority: o.priority ?? 'normal',
  }
}

export const plays: PlayEntry[] = [
  // 12 min 30 s of own news.
  play('p1', '2025-03-10T05:30', '2025-03-10T05:42:30', { source: 'own', kind: 'news', category: 'Nông nghiệp' }),
  // VOV relay crossing midnight: 23:30 → 01:15 = 105 min.
  play('p2', '2025-03-10T23:30', '2025-03-11T01:15', {
    source: 'relay-national-radio',
    kind: 'program',
    category: 'Thời sự',
  }),
  // Provincial programme in Khmer: 60 min.
  play('p3', '2025-06-01T17:00', '2025-06-01T18:00', {
    source: 'relay-provincial',
    kind: 'program',
    language: 'km',
    category: 'Thời sự',
  }),
  // Own article in Khmer: 20 min 45 s.
  play('p4', '2025-06-02T06:00', '2025-06-02T06:20:45', {
    source: 'own',
    kind: 'article',
    language: 'km',
    category: 'Y tế',
  }),
  // Own emergency notice, interrupted after 3 min 10 s: it went out, so it counts.
  play('p5', '2025-09-05T14:00', '2025-09-05T14:03:10', {
    source: 'own',
    kind: 'notice',
    category: 'An ninh trật tự',
    priority: 'emergency',
    outcome: 'interrupted',
  }),
  // Skipped (no times) and failed (5 s of attempt): no broadcast time.
  play('p6', null, null, { source: 'own', kind: 'news', outcome: 'skipped' }, '2025-09-06T05:30'),
  play('p7', '2025-09-06T06:00', '2025-09-06T06:00:05', { source: 'own', kind: 'article', outcome: 'failed' }),
  // VTV audio crossing the reporting-year boundary 15/12/2024 00:00: 60 min before, 30 min after.
  play('p8', '2024-12-14T23:00', '2024-12-15T00:30', {
    source: 'relay-national-tv',
    kind: 'program',
    category: 'Thời sự',
  }),
  // District relay crossing 15/12/2025 00:00: 20 min in reporting year 2025, 20 min in 2026.
  play('p9', '2025-12-14T23:40', '2025-12-15T00:20', {
    source: 'relay-district',
    kind: 'program',
    category: 'Văn hóa',
  }),
  // Outside reporting year 2025: after it, and before it.
  play('p10', '2025-12-20T06:00', '2025-12-20T06:10', { source: 'own', kind: 'news' }),
  play('p11', '2024-12-10T06:00', '2024-12-10T06:10', { source: 'own', kind: 'news' }),
  // Own feature tagged vi-VN crossing midnight 31/01 → 01/02: 10 min in January, 10 in February.
  play('p12', '2025-01-31T23:50', '2025-02-01T00:10', {
    source: 'own',
    kind: 'feature',
    language: 'vi-VN',
    category: 'Nông nghiệp',
  }),
  // Provincial emergency bulletin: 5 min.
  play('p13', '2025-10-20T10:00', '2025-10-20T10:05', {
    source: 'relay-provincial',
    kind: 'news',
    category: 'Phòng chống thiên tai',
    priority: 'emergency',
  }),
]

const item = (
  id: string,
  kind: ReportContentKind,
  createdLocal: string,
  approval: 'draft' | 'awaiting-approval' | 'approved' = 'approved',
  priority: PriorityClass = 'normal',
) => ({ id, kind, language: 'vi', category: '', priority, approval, createdAt: at(createdLocal) })

export const library = [
  item('L1', 'news', '2025-01-05T09:00'),
  item('L2', 'news', '2024-12-15T00:00'), // the first instant of reporting year 2025
  item('L3', 'article', '2025-12-14T23:59'),
  item('L4', 'article', '2025-12-15T00:00'), // the first instant of reporting year 2026
  item('L5', 'notice', '2025-05-05T08:00', 'draft'),
  item('L6', 'program', '2025-07-01T08:00'),
  item('L7', 'notice', '2025-09-05T13:50', 'approved', 'emergency'),
  item('L8', 'feature', '2025-04-04T08:00', 'awaiting-approval'),
  item('L9', 'news', '2024-12-14T23:59:59'), // the last second of reporting year 2024
]

export const clusters = [
  { id: 'C1', code: 'CD-01', hamlet: 'Ấp Một', technology: 'wired', status: 'faulty' },
  { id: 'C2', code: 'CD-02', hamlet: 'Ấp Một', technology: 'wired', status: 'working' },
  { id: 'C3', code: 'FM-01', hamlet: 'Ấp Hai', technology: 'fm', status: 'working' },
  { id: 'C4', code: 'FM-02', hamlet: 'Ấp Hai', technology: 'fm', status: 'removed' },
  { id: 'C5', code: 'IP-01', hamlet: 'Ấp Ba', technology: 'ip', status: 'removed' },
  { id: 'C6', code: 'IP-02', hamlet: 'Ấp Bốn', technology: 'ip', status: 'working' },
  { id: 'C7', code: 'IP-03', hamlet: 'Ấp Bốn', technology: 'ip', status: 'faulty' },
  { id: 'C8', code: 'FM-03', hamlet: 'Ấp Ba', technology: 'fm', status: 'faulty' },
] as const

const ev = (clusterId: string, local: string, status: 'working' | 'faulty' | 'removed') => ({
  clusterId,
  at: at(local),
  status,
})

export const clusterEvents = [
  ev('C1', '2023-01-01T08:00', 'working'),
  ev('C1', '2025-05-01T08:00', 'faulty'),
  ev('C2', '2023-01-01T08:00', 'working'),
  ev('C3', '2022-06-01T08:00', 'working'),
  ev('C3', '2025-03-01T08:00', 'faulty'),
  ev('C3', '2025-12-14T23:00', 'working'), // repaired an hour before the reporting year ends
  ev('C4', '2022-06-01T08:00', 'working'),
  ev('C4', '2025-12-15T00:00', 'removed'), // exactly at the end: belongs to the next year
  ev('C5', '2025-02-01T08:00', 'working'),
  ev('C5', '2025-11-01T08:00', 'removed'),
  ev('C6', '2026-01-10T08:00', 'working'), // registered after reporting year 2025
  // C7 has no history at all: counted with its current status (faulty).
  ev('C8', '2024-01-01T08:00', 'faulty'),
]

/** The fixture, parsed the way the main process parses what the renderer sends. */
export const fixtureInput = (): ReportInput => reportInputSchema.parse({ plays, library, clusters, clusterEvents })
