import { afterEach, describe, expect, it } from 'vitest'
import { createDatabase, type DaixaDb } from '../../../../src/renderer/db/database'
import {
  addClusterObservation,
  changeClusterStatus,
  registerCluster,
} from '../../../../src/renderer/db/queries/clusters'
import {
  readReportInput,
  readReportIssuer,
  reportLanguage,
  saveReportIssuer,
} from '../../../../src/renderer/db/queries/reports'
import type { PlayLogRow } from '../../../../src/renderer/db/records'
import type { Announcement } from '../../../../src/shared/model/announcement'
import { computeReport } from '../../../../src/shared/reports/compute'
import { reportInputSchema } from '../../../../src/shared/reports/report-input'
import { dropDatabase, uniqueDbName } from './migration-harness'

let db: DaixaDb
afterEach(async () => dropDatabase(db))

async function fresh(): Promise<DaixaDb> {
  db = createDatabase(uniqueDbName('reports'))
  await db.open()
  return db
}

/** Local Vietnam time → UTC ISO instant. */
const at = (local: string): string => new Date(`${local}:00+07:00`).toISOString()

const log = (id: string, start: string, end: string, more: Partial<PlayLogRow> = {}): PlayLogRow => ({
  id,
  itemId: `item-${id}`,
  scheduleId: null,
  title: `Mục ${id}`,
  plannedStart: at(start),
  actualStart: at(start),
  actualEnd: at(end),
  outcome: 'played',
  source: 'own',
  contentKind: 'news',
  language: 'vi',
  category: '',
  priority: 'normal',
  note: '',
  ...more,
})

const announcement = (id: string, created: string, more: Partial<Announcement> = {}): Announcement => ({
  id,
  title: id,
  kind: 'article',
  language: 'vi',
  priority: 'normal',
  approval: 'approved',
  source: 'recording',
  mediaHash: 'a'.repeat(64),
  durationMs: 1000,
  category: 'Nông nghiệp',
  author: null,
  validFrom: null,
  validTo: null,
  approvedBy: null,
  approvedAt: null,
  createdAt: at(created),
  updatedAt: at(created),
  ...more,
})

describe('db/queries/reports', () => {
  it('maps the log, the library and the status history into a valid report input', async () => {
    await fresh()
    await db.playLog.bulkAdd([
      log('b', '2025-06-01T17:00', '2025-06-01T18:00', {
        source: 'relay-provincial',
        language: 'km',
        category: 'Thời sự',
      }),
      log('a', '2025-03-10T05:30', '2025-03-10T05:42', { priority: 'emergency' }),
    ])
    await db.announcements.bulkAdd([
      announcement('n1', '2025-02-01T08:00', { kind: 'news', language: 'Tiếng Việt' }),
      announcement('n2', '2025-01-01T08:00', { approval: 'draft' }),
    ])
    const c = await registerCluster(
      db,
      { code: 'TL-01', name: 'Cụm chợ', hamlet: 'Ấp Chợ', technology: 'fm' },
      'working',
      new Date(at('2025-01-05T08:00')),
    )
    await addClusterObservation(db, c.id, 'maintenance', 'Vệ sinh loa', new Date(at('2025-02-05T08:00')))
    await changeClusterStatus(db, c.id, 'faulty', 'Hỏng', new Date(at('2025-12-01T08:00')))

    const input = await readReportInput(db)
    expect(reportInputSchema.safeParse(input).success).toBe(true)
    expect(input.plays.map((p) => p.id)).toEqual(['a', 'b'])
    expect(input.plays[1]).toMatchObject({
      source: 'relay-provincial',
      language: 'km',
      category: 'Thời sự',
      contentKind: 'news',
    })
    expect(input.library.map((l) => [l.id, l.kind, l.language, l.approval])).toEqual([
      ['n2', 'article', 'vi', 'draft'],
      ['n1', 'news', 'und', 'approved'],
    ])
    expect(input.clusters).toEqual([{ id: c.id, code: 'TL-01', hamlet: 'Ấp Chợ', technology: 'fm', status: 'faulty' }])
    // The maintenance note is an observation, not a status change.
    expect(input.clusterEvents.map((e) => e.status)).toEqual(['working', 'faulty'])
  })

  it('gives figures worked out by hand for reporting year 2025', async () => {
    await fresh()
    await db.playLog.bulkAdd([
      // 12 min, emergency, own news
      log('a', '2025-03-10T05:30', '2025-03-10T05:42', { priority: 'emergency' }),
      // crosses 15/12 00:00: only 14/12 23:50 → 24:00 = 10 min counts in 2025
      log('c', '2025-12-14T23:50', '2025-12-15T00:20', { source: 'relay-national-radio', contentKind: 'program' }),
    ])
    await db.announcements.add(announcement('n1', '2025-02-01T08:00', { kind: 'news' }))
    const c = await registerCluster(
      db,
      { code: 'TL-01', name: 'Cụm chợ', hamlet: 'Ấp Chợ', technology: 'fm' },
      'working',
      new Date(at('2025-01-05T08:00')),
    )
    // faulty on 15/12 00:00: belongs to the next reporting year, so 2025 still sees it working
    await changeClusterStatus(db, c.id, 'faulty', '', new Date(at('2025-12-15T00:00')))

    const report = computeReport(await readReportInput(db), { kind: 'reporting-year', year: 2025 })
    expect(report.airtime.bySource.find((s) => s.source === 'own')?.ms).toBe(12 * 60_000)
    expect(report.airtime.bySource.find((s) => s.source === 'relay-national-radio')?.ms).toBe(10 * 60_000)
    expect(report.content.find((k) => k.kind === 'news')).toMatchObject({ produced: 1, ownBroadcasts: 1 })
    expect(report.emergency.ownBroadcasts).toBe(1)
    expect(report.clusters.byTechnology.find((t) => t.technology === 'fm')).toMatchObject({ working: 1, faulty: 0 })
  })

  it('never counts a trial run: only the broadcast goes into the figures', async () => {
    await fresh()
    await db.playLog.bulkAdd([
      log('real', '2025-03-10T05:30', '2025-03-10T05:42'),
      // the same session tried the day before, and a trial item cut by "Dừng"
      log('t1', '2025-03-09T14:00', '2025-03-09T14:12', { isTrial: true, itemId: 'trial-1:item-real' }),
      log('t2', '2025-03-09T14:12', '2025-03-09T14:13', { isTrial: true, outcome: 'interrupted' }),
    ])
    const input = await readReportInput(db)
    expect(input.plays.map((p) => p.id)).toEqual(['real'])
    const report = computeReport(input, { kind: 'reporting-year', year: 2025 })
    expect(report.airtime.bySource.find((s) => s.source === 'own')?.ms).toBe(12 * 60_000)
    expect(report.content.find((k) => k.kind === 'news')).toMatchObject({ ownBroadcasts: 1 })
  })

  it('keeps valid BCP 47 tags and marks free text undetermined', () => {
    expect(reportLanguage('vi-VN')).toBe('vi-VN')
    expect(reportLanguage('km')).toBe('km')
    expect(reportLanguage('Tiếng Việt')).toBe('und')
  })
})

describe('db/queries/reports issuer', () => {
  it('starts from the station profile, then keeps what the officer saved', async () => {
    await fresh()
    await db.station.put({
      id: 'station',
      communeName: 'Tân Lập',
      provinceName: 'Sóc Trăng',
      licence: null,
      frequencyMHz: null,
    })
    expect(await readReportIssuer(db)).toEqual({ communeName: 'Tân Lập', provinceName: 'Sóc Trăng', place: 'Tân Lập' })
    const saved = await saveReportIssuer(db, {
      communeName: 'Tân Lập',
      provinceName: 'Sóc Trăng',
      issuingBody: 'Đài truyền thanh',
      place: 'Tân Lập',
      signerTitle: 'Trưởng đài',
      recipients: ['UBND xã'],
    })
    expect(saved).toMatchObject({ documentSymbol: 'BC-UBND', archive: 'VT' })
    expect(await readReportIssuer(db)).toEqual(saved)
  })

  it('refuses issuing details without a signer title', async () => {
    await fresh()
    await expect(
      saveReportIssuer(db, { communeName: 'A', provinceName: 'B', issuingBody: 'C', place: 'D', signerTitle: ' ' }),
    ).rejects.toThrow()
    expect(await db.settings.count()).toBe(0)
  })
})
