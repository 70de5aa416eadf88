/**
 * What programme audio this computer should have, most needed first, and how far ahead the
 * schedule is covered. Pure: the renderer's prefetch runner feeds it the planned days (plan-day.ts)
 * and the province's programmes; main's download service fetches in this order
 * (docs/sync.md, "Programme audio ahead of need").
 *
 * Order: programmes placed in the schedule within the horizon (soonest first; protected: fetched
 * whatever the budget, never released), then active emergency programmes, then priority ones, then
 * the newest active ones. A withdrawn programme, or one whose validity has ended, is not wanted
 * (unless placed), so its file is released once nothing else uses it.
 */
import type { DownloadWant } from '../ipc/downloads'
import type { PriorityClass } from '../model/common'
import type { RundownSession } from '../onair/rundown'

export interface ProgrammeFacts {
  id: string
  title: string
  priority: PriorityClass
  status: 'active' | 'withdrawn'
  validToMs: number | null
  updatedAt: string
  mediaHash: string | null
  mediaSize: number | null
  durationMs: number | null
}

/** One day of the horizon: its date and its sessions as planned. */
export interface PlannedDay {
  date: string
  sessions: readonly RundownSession[]
}

/** How many of the newest active programmes are fetched beyond placed, emergency and priority. */
export const NEWEST_COUNT = 20

const placedItems = (days: readonly PlannedDay[]) =>
  days.flatMap((d) => d.sessions.flatMap((s) => s.items)).filter((i) => i.kind === 'program' && i.mediaHash !== null)

export function prefetchWants(
  days: readonly PlannedDay[],
  programmes: readonly ProgrammeFacts[],
  nowMs: number,
): DownloadWant[] {
  const byId = new Map(programmes.map((p) => [p.id, p]))
  const out: DownloadWant[] = []
  const seen = new Set<string>()
  const add = (hash: string, rank: DownloadWant['rank'], p: ProgrammeFacts | undefined, isProtected: boolean) => {
    if (seen.has(hash)) return
    seen.add(hash)
    out.push({ hash, rank, sizeBytes: p?.mediaSize ?? null, durationMs: p?.durationMs ?? null, isProtected })
  }
  const placed = placedItems(days).sort((a, b) => a.plannedStartMs - b.plannedStartMs)
  for (const item of placed) {
    // an item that ended before now needs no file any more (today's earlier sessions)
    if (item.mediaHash && item.plannedStartMs + item.durationMs > nowMs)
      add(item.mediaHash, 'placed', byId.get(item.targetId ?? ''), true)
  }
  const live = programmes.filter(
    (p) => p.status === 'active' && p.mediaHash !== null && (p.validToMs === null || p.validToMs > nowMs),
  )
  for (const p of live) if (p.priority === 'emergency' && p.mediaHash) add(p.mediaHash, 'emergency', p, false)
  for (const p of live) if (p.priority === 'priority' && p.mediaHash) add(p.mediaHash, 'priority', p, false)
  const newest = [...live].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, NEWEST_COUNT)
  for (const p of newest) if (p.mediaHash) add(p.mediaHash, 'newest', p, false)
  return out
}

export interface Coverage {
  /** Days from today (today counts) whose every placed programme's audio is here, up to the last day with any. */
  daysCovered: number
  /** Sessions starting within the next 24 h with programme audio not here yet. */
  soonMissing: Array<{ sessionId: string; label: string; startMs: number; titles: string[] }>
}

export function coverage(days: readonly PlannedDay[], isHere: (hash: string) => boolean, nowMs: number): Coverage {
  const lastWithContent = days.reduce((last, d, i) => (placedItems([d]).length > 0 ? i : last), -1)
  let daysCovered = 0
  for (const day of days.slice(0, lastWithContent + 1)) {
    const isComplete = placedItems([day]).every(
      (i) => i.plannedStartMs + i.durationMs <= nowMs || (i.mediaHash !== null && isHere(i.mediaHash)),
    )
    if (!isComplete) break
    daysCovered += 1
  }
  const soonMissing = days
    .flatMap((d) => d.sessions)
    .filter((s) => s.startMs < nowMs + 24 * 3_600_000 && s.endMs > nowMs)
    .flatMap((s) => {
      const titles = placedItems([{ date: '', sessions: [s] }])
        .filter((i) => i.mediaHash !== null && !isHere(i.mediaHash) && i.plannedStartMs + i.durationMs > nowMs)
        .map((i) => i.title)
      return titles.length > 0 ? [{ sessionId: s.sessionId, label: s.label, startMs: s.startMs, titles }] : []
    })
  return { daysCovered, soonMissing }
}
