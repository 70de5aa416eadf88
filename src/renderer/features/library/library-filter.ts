/**
 * The library's search and filters, as one pure function: search matches the title or the author
 * without caring about case or Vietnamese diacritics ("tiem chung" finds "Tiêm chủng"); every
 * other filter is "any" when null.
 */
import type { Announcement } from '../../../shared/model/announcement'
import type { ContentKind, PriorityClass } from '../../../shared/model/common'

export type ApprovalState = Announcement['approval']

export interface LibraryFilter {
  text: string
  kind: ContentKind | null
  category: string | null
  language: string | null
  priority: PriorityClass | null
  approval: ApprovalState | null
  /** Only announcements whose validity window contains now. */
  isValidNow: boolean
}

export const emptyFilter: LibraryFilter = {
  text: '',
  kind: null,
  category: null,
  language: null,
  priority: null,
  approval: null,
  isValidNow: false,
}

/** Lower case, no diacritics, đ → d, spaces collapsed. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

export function isValidAt(a: Pick<Announcement, 'validFrom' | 'validTo'>, now: Date): boolean {
  const t = now.getTime()
  if (a.validFrom && Date.parse(a.validFrom) > t) return false
  if (a.validTo && Date.parse(a.validTo) <= t) return false
  return true
}

const matchesText = (a: Announcement, folded: string): boolean =>
  folded === '' || foldForSearch(a.title).includes(folded) || foldForSearch(a.author ?? '').includes(folded)

export function filterAnnouncements(
  list: readonly Announcement[],
  filter: LibraryFilter,
  now: Date = new Date(),
): Announcement[] {
  const folded = foldForSearch(filter.text)
  return list.filter(
    (a) =>
      matchesText(a, folded) &&
      (filter.kind === null || a.kind === filter.kind) &&
      (filter.category === null || a.category === filter.category) &&
      (filter.language === null || a.language === filter.language) &&
      (filter.priority === null || a.priority === filter.priority) &&
      (filter.approval === null || a.approval === filter.approval) &&
      (!filter.isValidNow || isValidAt(a, now)),
  )
}

/** The categories in use, sorted, for the filter and the form's suggestions. */
export const categoriesOf = (list: readonly Announcement[]): string[] =>
  [...new Set(list.map((a) => a.category).filter((c) => c !== ''))].sort((x, y) => x.localeCompare(y, 'vi'))

export const isFilterActive = (f: LibraryFilter): boolean =>
  f.text.trim() !== '' ||
  f.kind !== null ||
  f.category !== null ||
  f.language !== null ||
  f.priority !== null ||
  f.approval !== null ||
  f.isValidNow
