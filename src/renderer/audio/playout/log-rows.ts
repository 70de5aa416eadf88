/** As-played log rows from the engine's entries: the snapshot of what the rundown said, plus what happened. */
import type { RundownItem } from '../../../shared/onair/rundown'
import type { PlayOutcome } from '../../../shared/reports/report-input'
import type { NewPlayLogRow } from '../../db/queries/play-log'
import type { PlayLogActionResult } from '../../db/records'

export interface LogFacts {
  sessionId: string
  item: RundownItem
  outcome: PlayOutcome
  actualStartMs: number | null
  actualEndMs: number | null
  note?: string
  deviceActions?: PlayLogActionResult[]
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString())

export function playLogRowOf(f: LogFacts): NewPlayLogRow {
  const { item } = f
  return {
    itemId: item.id,
    scheduleId: item.scheduleId,
    title: item.title,
    plannedStart: new Date(item.plannedStartMs).toISOString(),
    plannedEnd: new Date(item.plannedStartMs + item.durationMs).toISOString(),
    actualStart: iso(f.actualStartMs),
    actualEnd: iso(f.actualEndMs),
    outcome: f.outcome,
    source: item.source,
    contentKind: item.contentKind,
    language: item.language,
    category: item.category,
    priority: item.priority,
    note: f.note ?? '',
    sessionId: f.sessionId,
    deviceActions: f.deviceActions ?? [],
  }
}

/** An item that did not go on air because its session was stopped (or it could not play). */
export const skippedRow = (item: RundownItem, note: string): Omit<LogFacts, 'sessionId'> => ({
  item,
  outcome: 'skipped',
  actualStartMs: null,
  actualEndMs: null,
  note,
})

/** The item on air when the programme was cut at `nowMs` (an emergency, or a stop). */
export const interruptedRow = (
  on: { entry: { item: RundownItem }; actualStartMs: number; actions: PlayLogActionResult[] },
  nowMs: number,
): Omit<LogFacts, 'sessionId'> => ({
  item: on.entry.item,
  outcome: 'interrupted',
  actualStartMs: on.actualStartMs,
  actualEndMs: nowMs,
  deviceActions: on.actions,
})
