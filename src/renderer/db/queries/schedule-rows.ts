/**
 * A day schedule row as placements. The station's own rows carry their `entries`; rows pulled
 * from the province carry the API's `items` (at fixed instants) and no entries: they are read in
 * `startAt` order. A schedule the province placed (`origin: 'province'`) lands in the station
 * session its key maps to (session-map.ts), ahead of the station's own items of the same priority
 * class (its items have fixed times, mostly at the session's start), and is marked read-only.
 * `status: 'cancelled'` rows do not play.
 */
import { z } from 'zod'
import { scheduleEntryRecordSchema, type Placement, type ScheduleEntryRecord } from '../../../shared/onair/placement'
import type { ScheduleRow } from '../records'
import { isProvinceRow } from './session-map'

const entriesSchema = z.array(scheduleEntryRecordSchema)

/** Province items come first within their priority class: their order starts this far below 0. */
export const PROVINCE_ORDER_BASE = -100_000

/**
 * `resolve` gives the station session of a province key (null: none matches — the raw key is kept,
 * and the day's check reports it once as an unknown session).
 */
export function scheduleToPlacements(row: ScheduleRow, resolve?: (provinceKey: string) => string | null): Placement[] {
  // Fields the sync feature writes on rows it pulls (sync-rows.ts); read without depending on its types.
  const synced = row as ScheduleRow & { status?: unknown; items?: unknown }
  if (synced.status === 'cancelled') return []
  const entries = entriesSchema.safeParse(row.entries ?? fromProvinceItems(synced.items))
  if (!entries.success) return []
  const isProvince = isProvinceRow(row) && row.entries === undefined
  const sessionId = isProvince ? (resolve?.(row.sessionId) ?? row.sessionId) : row.sessionId
  return entries.data.map((e) => ({
    id: e.id,
    sessionId,
    content: e.content,
    priority: e.priority,
    order: isProvince ? PROVINCE_ORDER_BASE + e.order : e.order,
    when: { kind: 'once', date: row.date },
    scheduleId: row.id,
    ...(isProvince ? { origin: 'province' as const } : {}),
  }))
}

const provinceItems = z.array(
  z.object({
    id: z.string(),
    target: z.object({ kind: z.enum(['program', 'announcement']), id: z.string() }),
    startAt: z.string(),
  }),
)

function fromProvinceItems(items: unknown): ScheduleEntryRecord[] {
  const parsed = provinceItems.safeParse(items ?? [])
  if (!parsed.success) return []
  return [...parsed.data]
    .sort((a, b) => a.startAt.localeCompare(b.startAt))
    .map((item, order) => ({
      id: item.id,
      content: { kind: item.target.kind, id: item.target.id },
      priority: null,
      order,
    }))
}
