/**
 * What a slot of a session template (or an item of the add dialog) can be, as one grouped list
 * for a searchable select: the slots that change by themselves ("the newest bulletin") first,
 * then every library kind — jingles included — each group complete (no virtual list, so a
 * group never looks empty until it is scrolled to).
 */
import type { TFunction } from 'i18next'
import {
  libraryKey,
  libraryKinds,
  newestKinds,
  type LibraryEntry,
  type PlacementContent,
} from '../../../shared/onair/placement'
import { formatDuration } from '../../components/format'

const NEWEST = 'newest:'

export interface SlotOptionGroup {
  label: string
  options: { value: string; label: string }[]
}

export function slotOptions(t: TFunction, library: ReadonlyMap<string, LibraryEntry>): SlotOptionGroup[] {
  const entries = [...library.values()].sort((a, b) => a.title.localeCompare(b.title, 'vi'))
  const newest: SlotOptionGroup = {
    label: t('plan.slot.changing'),
    options: newestKinds.map((of) => ({ value: `${NEWEST}${of}`, label: t(`plan.slot.newest.${of}`) })),
  }
  const byKind = libraryKinds.map((kind) => ({
    label: t(`schedule.kind.${kind}`),
    options: entries
      .filter((e) => e.kind === kind)
      .map((e) => ({ value: libraryKey(e.kind, e.id), label: `${e.title} (${formatDuration(e.durationMs)})` })),
  }))
  return [newest, ...byKind.filter((g) => g.options.length > 0)]
}

/** The content a chosen option stands for (null: not in the library any more). */
export function slotContent(value: string, library: ReadonlyMap<string, LibraryEntry>): PlacementContent | null {
  if (value.startsWith(NEWEST)) {
    const of = newestKinds.find((k) => `${NEWEST}${k}` === value)
    return of ? { kind: 'newest', of } : null
  }
  const entry = library.get(value)
  return entry ? { kind: entry.kind, id: entry.id } : null
}

/** A slot as the officer reads it. */
export function slotLabel(t: TFunction, content: PlacementContent, library: ReadonlyMap<string, LibraryEntry>): string {
  switch (content.kind) {
    case 'newest':
      return t(`plan.slot.newest.${content.of}`)
    case 'relay':
      return content.title
    case 'silence':
      return t('schedule.silenceTitle')
    default:
      return library.get(libraryKey(content.kind, content.id))?.title ?? content.id
  }
}
