/** Small builders for the scheduling tests: sessions, library entries and placements. */
import type { LibraryEntry, Placement, PlacementContent } from '../../../../src/shared/onair/placement'
import { libraryKey } from '../../../../src/shared/onair/placement'
import type { RundownSources } from '../../../../src/shared/onair/plan-day'
import { defaultSessions, type SessionTemplate } from '../../../../src/shared/onair/session'
import type { PriorityClass } from '../../../../src/shared/model/common'

export const MIN = 60_000

export function entry(id: string, minutes: number, overrides: Partial<LibraryEntry> = {}): LibraryEntry {
  return {
    kind: 'announcement',
    id,
    title: `Tin ${id}`,
    mediaHash: id
      .padEnd(64, '0')
      .replace(/[^0-9a-f]/g, 'a')
      .slice(0, 64),
    durationMs: minutes * MIN,
    priority: 'normal',
    language: 'vi',
    contentKind: 'notice',
    category: '',
    source: 'own',
    validFromMs: null,
    validToMs: null,
    ...overrides,
  }
}

export function libraryOf(...entries: LibraryEntry[]): Map<string, LibraryEntry> {
  return new Map(entries.map((e) => [libraryKey(e.kind, e.id), e]))
}

let seq = 0
export function once(
  sessionId: string,
  date: string,
  content: PlacementContent,
  extra: { order?: number; priority?: PriorityClass | null; id?: string } = {},
): Placement {
  seq += 1
  return {
    id: extra.id ?? `p${seq}`,
    sessionId,
    content,
    priority: extra.priority ?? null,
    order: extra.order ?? seq,
    when: { kind: 'once', date },
  }
}

export function ruled(
  sessionId: string,
  dtstart: string,
  rrule: string,
  content: PlacementContent,
  extra: { order?: number; id?: string } = {},
): Placement {
  seq += 1
  return {
    id: extra.id ?? `r${seq}`,
    sessionId,
    content,
    priority: null,
    order: extra.order ?? seq,
    when: { kind: 'rule', dtstart, rrule },
  }
}

export const ann = (id: string): PlacementContent => ({ kind: 'announcement', id })

export function sources(
  placements: Placement[],
  library: Map<string, LibraryEntry>,
  sessions: SessionTemplate[] = defaultSessions(),
): RundownSources {
  return { sessions, placements, library }
}
