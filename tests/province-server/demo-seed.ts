/**
 * Demo data for the reference province server (`--seed-demo`): one commune, Xã Tân Hòa, with the
 * account `xa-demo` / `loa-xa-2025`, its station profile, 20 programs (3 priority, 2 emergency,
 * 1 withdrawn), 40 loudspeaker clusters in 8 hamlets (2 faulty, 1 removed) and 3 schedules for
 * today's morning and evening sessions. Program validity windows are relative to the seeding time.
 * Seeding an already seeded data dir changes nothing.
 */
import type { Cluster, Program, Schedule, Station } from '../../src/shared/province/entities'
import type { AccountService } from './accounts'
import { applyProvinceEdit } from './province-edits'
import type { CommuneStore } from './store'

export const DEMO_COMMUNE = { id: 'xa-demo', code: '26500', name: 'Xã Tân Hòa', provinceName: 'Tỉnh Demo' }
export const DEMO_ACCOUNT = { username: 'xa-demo', password: 'loa-xa-2025', displayName: 'Cán bộ VH-XH Tân Hòa' }

const DAY = 24 * 3600_000
const HAMLETS = ['Thôn 1', 'Thôn 2', 'Thôn 3', 'Thôn 4', 'Ấp Bắc', 'Ấp Nam', 'Khóm Chợ', 'Khóm Bến']
const TITLES = [
  'Bản tin thời sự tỉnh',
  'Phòng chống dịch sốt xuất huyết',
  'Lịch tiêm chủng mở rộng',
  'Hướng dẫn chuyển đổi số cho hộ kinh doanh',
  'An toàn giao thông dịp lễ',
  'Phòng cháy chữa cháy khu dân cư',
  'Chính sách bảo hiểm y tế hộ gia đình',
  'Khuyến nông: gieo sạ vụ hè thu',
]

const pad = (n: number): string => String(n).padStart(3, '0')
/** Fixed, valid UUIDv7-shaped ids so demo schedules look like client-made ones. */
const demoUuid = (n: number): string => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`

function demoPrograms(nowMs: number): Program[] {
  return Array.from({ length: 20 }, (_, i): Program => {
    const priority = i < 2 ? 'emergency' : i < 5 ? 'priority' : 'normal'
    return {
      entity: 'program',
      id: `pg-${pad(i + 1)}`,
      version: 1,
      updatedAt: new Date(nowMs).toISOString(),
      code: `CT-${pad(i + 1)}`,
      title: `${TITLES[i % TITLES.length] ?? 'Bản tin'} (${i + 1})`,
      kind: i % 4 === 0 ? 'news' : i % 4 === 1 ? 'notice' : i % 4 === 2 ? 'article' : 'feature',
      source: i % 3 === 0 ? 'central' : 'province',
      priority,
      language: i === 7 ? 'km' : 'vi',
      validFrom: new Date(nowMs - 2 * DAY).toISOString(),
      validTo: i % 5 === 4 ? new Date(nowMs + 3 * DAY).toISOString() : null,
      status: i === 19 ? 'withdrawn' : 'active',
      mediaHash: null,
      durationMs: 60_000 * (2 + (i % 6)),
      text:
        priority === 'emergency'
          ? 'Thông báo khẩn: bão số 3 đang tiến vào đất liền. Người dân sơ tán theo hướng dẫn.'
          : null,
    }
  })
}

function demoClusters(nowMs: number): Cluster[] {
  return Array.from({ length: 40 }, (_, i): Cluster => {
    const hamlet = HAMLETS[i % HAMLETS.length] ?? 'Thôn 1'
    return {
      entity: 'cluster',
      id: `cl-${pad(i + 1)}`,
      version: 1,
      updatedAt: new Date(nowMs).toISOString(),
      code: `TH-${pad(i + 1)}`,
      name: `Cụm loa ${hamlet} số ${Math.floor(i / HAMLETS.length) + 1}`,
      hamlet,
      technology: i % 5 === 0 ? 'fm' : i % 7 === 0 ? 'ip' : 'wired',
      status: i === 39 ? 'removed' : i === 12 || i === 25 ? 'faulty' : 'working',
      latitude: 10.9 + i * 0.001,
      longitude: 106.6 + i * 0.001,
    }
  })
}

function demoStation(nowMs: number): Station {
  return {
    entity: 'station',
    id: 'st-xa-demo',
    version: 1,
    updatedAt: new Date(nowMs).toISOString(),
    address: 'UBND xã Tân Hòa',
    contactName: DEMO_ACCOUNT.displayName,
    contactPhone: '0900 000 000',
    communeCode: DEMO_COMMUNE.code,
    communeName: DEMO_COMMUNE.name,
    provinceName: DEMO_COMMUNE.provinceName,
    timeZone: 'Asia/Ho_Chi_Minh',
    licence: {
      number: 'GP-FM-2025-001',
      frequencyMHz: 62.5,
      maxPowerW: 30,
      validTo: new Date(nowMs + 365 * DAY).toISOString(),
    },
    sessions: [
      { id: 'morning', label: 'Buổi sáng', start: '05:30', end: '06:15' },
      { id: 'evening', label: 'Buổi chiều', start: '17:00', end: '17:45' },
    ],
  }
}

/** Today's date in Vietnam (UTC+7, no daylight saving) and an instant at hh:mm that day. */
function vietnamDay(nowMs: number): { date: string; at: (hhmm: string) => number } {
  const date = new Date(nowMs + 7 * 3600_000).toISOString().slice(0, 10)
  return { date, at: (hhmm) => Date.parse(`${date}T${hhmm}:00+07:00`) }
}

function demoSchedules(nowMs: number): Schedule[] {
  const { date, at } = vietnamDay(nowMs)
  const make = (n: number, sessionId: string, start: string, clusters: string[], programs: string[]): Schedule => ({
    entity: 'schedule',
    id: demoUuid(n),
    version: 1,
    updatedAt: new Date(nowMs).toISOString(),
    date,
    sessionId,
    timeZone: 'Asia/Ho_Chi_Minh',
    clusterIds: clusters,
    items: programs.map((program, i) => ({
      id: demoUuid(100 + n * 10 + i),
      target: { kind: 'program' as const, id: program },
      startAt: new Date(at(start) + i * 10 * 60_000).toISOString(),
      durationMs: 5 * 60_000,
    })),
    note: '',
    status: 'active',
    cancelledReason: null,
    origin: 'province',
  })
  const firstHalf = Array.from({ length: 20 }, (_, i) => `cl-${pad(i + 1)}`)
  const secondHalf = Array.from({ length: 19 }, (_, i) => `cl-${pad(i + 21)}`)
  return [
    make(1, 'morning', '05:30', firstHalf, ['pg-006', 'pg-007', 'pg-008']),
    make(2, 'morning', '05:30', secondHalf, ['pg-009', 'pg-010']),
    make(3, 'evening', '17:00', [...firstHalf, ...secondHalf], ['pg-011', 'pg-012', 'pg-013']),
  ]
}

export async function seedDemo(store: CommuneStore, accounts: AccountService, nowMs: number): Promise<boolean> {
  const seeded = await store.read(DEMO_COMMUNE.id, (state) => state.seq > 0)
  if (seeded) return false
  await accounts.addCommune(DEMO_COMMUNE)
  await accounts.addAccount({ ...DEMO_ACCOUNT, communeId: DEMO_COMMUNE.id })
  const now = new Date(nowMs).toISOString()
  const records = [demoStation(nowMs), ...demoPrograms(nowMs), ...demoClusters(nowMs), ...demoSchedules(nowMs)]
  await store.update(DEMO_COMMUNE.id, (state) => {
    for (const record of records) applyProvinceEdit(state, { action: 'put', record }, now)
    return { result: null, changed: true }
  })
  return true
}
