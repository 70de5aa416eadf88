/** The "what plays" part of the add-item form, and the placement content it makes. */
import type { LibraryEntry, PlacementContent } from '../../../shared/onair/placement'
import type { SourceKind } from '../../../shared/reports/report-input'
import { slotContent } from './slot-options'

export type ContentDraft =
  | { kind: 'library'; key: string | null }
  | { kind: 'relay'; title: string; isLineIn: boolean; url: string; minutes: number; source: SourceKind }
  | { kind: 'silence'; seconds: number }

export const emptyContent: ContentDraft = { kind: 'library', key: null }

export type ContentProblem = 'pick-item' | 'relay-title' | 'relay-url' | 'relay-length' | 'silence-length'

const isHttpUrl = (text: string): boolean => {
  try {
    const url = new URL(text)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

/** The content for a complete draft, or what is missing. */
export function contentOf(
  draft: ContentDraft,
  library: ReadonlyMap<string, LibraryEntry>,
): { content: PlacementContent } | { problem: ContentProblem } {
  switch (draft.kind) {
    case 'library': {
      // an item of the library, or a slot that changes by itself ("the newest bulletin")
      const content = draft.key === null ? null : slotContent(draft.key, library)
      return content ? { content } : { problem: 'pick-item' }
    }
    case 'relay': {
      if (draft.title.trim() === '') return { problem: 'relay-title' }
      if (!draft.isLineIn && !isHttpUrl(draft.url.trim())) return { problem: 'relay-url' }
      if (!(draft.minutes >= 1 && draft.minutes <= 240)) return { problem: 'relay-length' }
      const url = draft.isLineIn ? null : draft.url.trim()
      return {
        content: {
          kind: 'relay',
          title: draft.title.trim(),
          url,
          durationMs: Math.round(draft.minutes * 60_000),
          source: draft.source,
        },
      }
    }
    case 'silence':
      if (!(draft.seconds >= 1 && draft.seconds <= 600)) return { problem: 'silence-length' }
      return { content: { kind: 'silence', durationMs: Math.round(draft.seconds * 1000) } }
  }
}
