/**
 * Which programme files this computer keeps within its disk budget. Pure: the download service
 * (main) calls it with the renderer's plan and the files it holds.
 *
 * Rules (docs/sync.md, "Programme audio ahead of need"):
 * - wanted files are taken in the plan's order (emergency on air now, placed, emergency,
 *   priority, newest); a protected one (placed within the horizon, or on air) is always taken and
 *   counts against the budget; any other is taken only if it still fits, otherwise it waits for
 *   room (`budget`) and the walk goes on with smaller ones;
 * - a file this computer downloaded that is not taken and not kept for another use is released.
 */
import type { DownloadWant } from '../ipc/downloads'

/** Bytes per millisecond assumed when the province gives no size: 128 kbit/s MP3. */
export const ESTIMATED_BYTES_PER_MS = 16
/** Assumed size when neither the size nor the length is known. */
export const UNKNOWN_SIZE_BYTES = 5 * 1024 * 1024

export function estimatedSize(want: Pick<DownloadWant, 'sizeBytes' | 'durationMs'>): number {
  if (want.sizeBytes !== null) return want.sizeBytes
  if (want.durationMs !== null && want.durationMs > 0) return Math.ceil(want.durationMs * ESTIMATED_BYTES_PER_MS)
  return UNKNOWN_SIZE_BYTES
}

export interface BudgetInput {
  items: readonly DownloadWant[]
  /** Files downloaded earlier and still on disk, with their real sizes. */
  held: ReadonlyMap<string, number>
  /** Hashes another part of the app uses. */
  keep: ReadonlySet<string>
  budgetBytes: number
}

export interface BudgetDecision {
  /** Files to have, in order of need (present ones included). */
  take: DownloadWant[]
  /** Wanted but held back: they do not fit the budget. */
  overBudget: DownloadWant[]
  /** Downloaded files to delete now. */
  release: string[]
}

export function decideBudget({ items, held, keep, budgetBytes }: BudgetInput): BudgetDecision {
  const take: DownloadWant[] = []
  const overBudget: DownloadWant[] = []
  const seen = new Set<string>()
  let used = 0
  for (const want of items) {
    if (seen.has(want.hash)) continue
    seen.add(want.hash)
    const size = held.get(want.hash) ?? estimatedSize(want)
    if (want.isProtected || used + size <= budgetBytes) {
      take.push(want)
      used += size
    } else overBudget.push(want)
  }
  const taken = new Set(take.map((w) => w.hash))
  const release = [...held.keys()].filter((hash) => !taken.has(hash) && !keep.has(hash))
  return { take, overBudget, release }
}
