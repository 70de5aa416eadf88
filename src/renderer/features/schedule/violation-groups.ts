/**
 * One warning per real problem, not one per row: violations that say the same thing about the
 * same session on the same day (eight items of a province session that matches nothing, five
 * files missing) become one group with the count and the titles. Province programs this computer
 * has no audio for are not a breach of the station's policy: they are shown in their session
 * (SessionCard) and left out of the day's warnings.
 */
import type { ItemProblem } from '../../../shared/onair/plan-day'
import { violationKey, type Violation } from '../../../shared/onair/policy'

export interface ViolationGroup {
  /** The first violation of the group (its kind, date, session and reason). */
  violation: Violation
  count: number
  /** The items' titles, in order, each once (empty when the kind has none). */
  titles: string[]
}

/** A province item left out only because this computer has no audio for it (not the station's fault). */
export const isProvinceWithoutAudio = (p: ItemProblem | Violation): boolean =>
  p.kind === 'missing-media' && p.origin === 'province' && (p.reason === 'not-rendered' || p.reason === 'no-file')

function groupKey(v: Violation): string {
  switch (v.kind) {
    case 'unknown-session':
      return [v.kind, v.date, v.sessionId, v.origin ?? ''].join('|')
    case 'missing-media':
      return [v.kind, v.date, v.sessionId, v.reason, v.origin ?? ''].join('|')
    case 'outside-validity':
      return [v.kind, v.date, v.sessionId, v.origin ?? ''].join('|')
    default:
      return violationKey(v)
  }
}

const titleOf = (v: Violation): string | null => ('title' in v ? v.title : null)

export function groupViolations(violations: readonly Violation[]): ViolationGroup[] {
  const groups = new Map<string, ViolationGroup>()
  for (const v of violations) {
    const key = groupKey(v)
    const group = groups.get(key) ?? { violation: v, count: 0, titles: [] }
    group.count += 1
    const title = titleOf(v)
    if (title !== null && !group.titles.includes(title)) group.titles.push(title)
    groups.set(key, group)
  }
  return [...groups.values()]
}
