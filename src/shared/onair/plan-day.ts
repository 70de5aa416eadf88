/**
 * Plans one day: which placements occur in which session, in what order, at what instants.
 * Items follow each other with no gap from the session's start (priority class first, then the
 * officer's order). An item that cannot be built (no library entry, not rendered) or that would
 * play outside its validity window is left out of the rundown and reported as a problem; a
 * library item whose file is missing stays in (the engine skips it with a log entry and an alert)
 * and is reported too.
 */
import type { PriorityClass } from '../model/common'
import { libraryKey, byPriorityThenOrder, type LibraryEntry, type Placement } from './placement'
import { parseRRule } from './rrule'
import { occursOn } from './rrule-expand'
import type { RundownItem, RundownSession } from './rundown'
import { byStart, sessionPostRoll, sessionPreRoll, type SessionTemplate } from './session'
import { instantOf, type LocalDate } from './station-time'

export interface RundownSources {
  sessions: readonly SessionTemplate[]
  placements: readonly Placement[]
  /** Keyed by libraryKey(kind, id). */
  library: ReadonlyMap<string, LibraryEntry>
  /** Whether the media store holds a file; omitted = assume it does. */
  hasMedia?: (hash: string) => boolean
}

/** `origin: 'province'` marks a problem of an item the province placed (its schedule, read-only here). */
export type ItemProblem = (
  | {
      kind: 'missing-media'
      placementId: string
      title: string
      /** no-newest: a "newest" slot with nothing of its kind made yet (title: the kind) */
      reason: 'no-library-item' | 'not-rendered' | 'no-file' | 'no-newest'
    }
  | { kind: 'outside-validity'; placementId: string; title: string; plannedStartMs: number }
) & { origin?: 'province' }

export interface PlannedSession {
  template: SessionTemplate
  rundown: RundownSession
  problems: ItemProblem[]
}

/** The placements that occur on `date`, whatever their session. */
export function placementsOn(placements: readonly Placement[], date: LocalDate): Placement[] {
  return placements.filter((p) => {
    if (p.when.kind === 'once') return p.when.date === date
    const parsed = parseRRule(p.when.rrule)
    return parsed.ok && occursOn(parsed.rule, p.when.dtstart, date)
  })
}

/** Every enabled session of the day, planned, including those with nothing in them. */
export function planDay(date: LocalDate, sources: RundownSources): PlannedSession[] {
  const today = placementsOn(sources.placements, date)
  return [...sources.sessions]
    .filter((s) => s.isEnabled)
    .sort(byStart)
    .map((template) =>
      planSession(
        date,
        template,
        today.filter((p) => p.sessionId === template.id),
        sources,
      ),
    )
}

/** The day's rundown for the playout engine: sessions with something to play. */
export function buildRundown(date: LocalDate, sources: RundownSources): RundownSession[] {
  return planDay(date, sources)
    .map((p) => p.rundown)
    .filter((s) => s.items.length > 0)
}

type Candidate = { placement: Placement; priority: PriorityClass; order: number; id: string }

function planSession(
  date: LocalDate,
  template: SessionTemplate,
  placements: Placement[],
  sources: RundownSources,
): PlannedSession {
  const startMs = instantOf(date, template.start)
  const newest = newestFinder(sources.library, startMs)
  const candidates: Candidate[] = placements.map(newest).map((p) => ({
    placement: p,
    priority: p.priority ?? entryOf(p, sources)?.priority ?? 'normal',
    order: p.order,
    id: p.id,
  }))
  const items: RundownItem[] = []
  const problems: ItemProblem[] = []
  let cursor = startMs
  for (const { placement, priority } of candidates.sort(byPriorityThenOrder)) {
    const built = buildItem(placement, priority, `${placement.id}@${date}`, cursor, sources)
    const origin = placement.origin === 'province' ? { origin: 'province' as const } : {}
    if ('problem' in built) {
      problems.push({ ...built.problem, ...origin })
      continue
    }
    if (built.noFile) {
      const title = built.item.title
      problems.push({ kind: 'missing-media', placementId: placement.id, title, reason: 'no-file', ...origin })
    }
    items.push(built.item)
    cursor += built.item.durationMs
  }
  // The session ends with its last item (then the post-roll runs); the booked length is a limit.
  const rundown: RundownSession = {
    sessionId: template.id,
    label: template.label,
    startMs,
    endMs: cursor,
    preRoll: sessionPreRoll(template),
    postRoll: sessionPostRoll(template),
    rds: template.rds,
    items,
  }
  return { template, rundown, problems }
}

/**
 * A "newest" slot becomes the newest playable item of its kind made before the session starts
 * (ties: the greater id); with none it stays as it is and is reported.
 */
function newestFinder(library: ReadonlyMap<string, LibraryEntry>, beforeMs: number): (p: Placement) => Placement {
  const found = new Map<string, LibraryEntry | null>()
  const find = (of: LibraryEntry['kind']): LibraryEntry | null => {
    let best: LibraryEntry | null = null
    for (const e of library.values()) {
      const made = e.madeAtMs
      if (e.kind !== of || e.mediaHash === null || e.durationMs <= 0 || made == null || made > beforeMs) continue
      const bestMade = best?.madeAtMs ?? -Infinity
      if (best === null || made > bestMade || (made === bestMade && e.id > best.id)) best = e
    }
    return best
  }
  return (p) => {
    if (p.content.kind !== 'newest') return p
    const of = p.content.of
    if (!found.has(of)) found.set(of, find(of))
    const entry = found.get(of)
    return entry ? { ...p, content: { kind: entry.kind, id: entry.id } } : p
  }
}

function entryOf(p: Placement, sources: RundownSources): LibraryEntry | undefined {
  const c = p.content
  if (c.kind === 'relay' || c.kind === 'silence' || c.kind === 'newest') return undefined
  return sources.library.get(libraryKey(c.kind, c.id))
}

type Built = { item: RundownItem; noFile: boolean } | { problem: ItemProblem }

function buildItem(p: Placement, priority: PriorityClass, id: string, at: number, sources: RundownSources): Built {
  const c = p.content
  const base = { id, scheduleId: p.scheduleId ?? p.id, plannedStartMs: at, priority, category: '', language: 'vi' }
  switch (c.kind) {
    case 'relay':
      return {
        item: {
          ...base,
          targetId: null,
          kind: 'relay',
          title: c.title,
          mediaHash: null,
          relayUrl: c.url,
          durationMs: c.durationMs,
          source: c.source,
          contentKind: 'program',
        },
        noFile: false,
      }
    case 'silence':
      return {
        item: {
          ...base,
          targetId: null,
          kind: 'silence',
          title: '',
          mediaHash: null,
          relayUrl: null,
          durationMs: c.durationMs,
          source: 'own',
          contentKind: 'program',
        },
        noFile: false,
      }
    case 'newest':
      return { problem: { kind: 'missing-media', placementId: p.id, title: c.of, reason: 'no-newest' } }
    case 'announcement':
    case 'bulletin':
    case 'program':
    case 'jingle':
      return buildLibraryItem(p, c.kind, c.id, base, sources)
  }
}

function buildLibraryItem(
  p: Placement,
  kind: LibraryEntry['kind'],
  targetId: string,
  base: Pick<RundownItem, 'id' | 'scheduleId' | 'plannedStartMs' | 'priority'>,
  sources: RundownSources,
): Built {
  const entry = sources.library.get(libraryKey(kind, targetId))
  if (!entry)
    return { problem: { kind: 'missing-media', placementId: p.id, title: targetId, reason: 'no-library-item' } }
  const durationMs = Math.round(entry.durationMs)
  if (entry.mediaHash === null || durationMs <= 0) {
    return { problem: { kind: 'missing-media', placementId: p.id, title: entry.title, reason: 'not-rendered' } }
  }
  const start = base.plannedStartMs
  if (
    (entry.validFromMs !== null && start < entry.validFromMs) ||
    (entry.validToMs !== null && start + durationMs > entry.validToMs)
  ) {
    return { problem: { kind: 'outside-validity', placementId: p.id, title: entry.title, plannedStartMs: start } }
  }
  const item: RundownItem = {
    ...base,
    targetId,
    kind,
    title: entry.title,
    mediaHash: entry.mediaHash,
    relayUrl: null,
    durationMs,
    source: entry.source,
    contentKind: entry.contentKind,
    language: entry.language,
    category: entry.category,
  }
  return { item, noFile: sources.hasMedia ? !sources.hasMedia(entry.mediaHash) : false }
}
