/**
 * The as-played log: one row per rundown item that went out (or did not), written once when the
 * item is over, never updated or deleted. Each row and its outbox entry (entity 'playLog') are
 * written in one transaction, so the province hears about every row exactly once, even offline.
 * Rows of a trial run (`isTrial`) get no outbox entry and are left out of reports.
 * Rows are found by their planned start (indexed), which is also how "today" is read.
 */
import { newId } from '../../../shared/ids'
import type { DaixaDb } from '../database'
import { outboxEntry } from './outbox'
import type { PlayLogRow } from '../records'

export type NewPlayLogRow = Omit<PlayLogRow, 'id'>

/** A row that records a broadcast (not a trial run): what the province hears of and reports count. */
export const isBroadcast = (row: Pick<PlayLogRow, 'isTrial'>): boolean => row.isTrial !== true

export async function appendPlayLog(db: DaixaDb, row: NewPlayLogRow, now = new Date()): Promise<PlayLogRow> {
  const full: PlayLogRow = { ...row, id: newId() }
  const at = now.toISOString()
  await db.transaction('rw', [db.playLog, db.outbox], async () => {
    await db.playLog.add(full)
    // a trial run is not a broadcast: the province never hears of it
    if (isBroadcast(full)) await db.outbox.add(outboxEntry('playLog', full.id, 'create', full, at))
  })
  return full
}

/** Rows planned in [fromIso, toIso), oldest first. */
export function listPlayLogBetween(db: DaixaDb, fromIso: string, toIso: string): Promise<PlayLogRow[]> {
  return db.playLog.where('plannedStart').between(fromIso, toIso, true, false).sortBy('plannedStart')
}

/**
 * Which of these rundown item ids already went out (so a restart never plays one twice). A trial
 * run of the session does not count: the real session still plays at its time.
 */
export async function loggedItemIds(db: DaixaDb, itemIds: readonly string[]): Promise<Set<string>> {
  if (itemIds.length === 0) return new Set()
  const rows = await db.playLog
    .where('itemId')
    .anyOf([...itemIds])
    .filter(isBroadcast)
    .toArray()
  return new Set(rows.map((r) => r.itemId))
}

/** The local day [start, end) around `at`, as ISO instants, for "today's" log. */
export function localDayRange(at: Date): { fromIso: string; toIso: string } {
  const start = new Date(at.getFullYear(), at.getMonth(), at.getDate())
  const end = new Date(at.getFullYear(), at.getMonth(), at.getDate() + 1)
  return { fromIso: start.toISOString(), toIso: end.toISOString() }
}
