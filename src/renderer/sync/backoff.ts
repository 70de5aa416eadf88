/**
 * Retry delays: exponential backoff with "full jitter" — sleep = random(0, min(cap, base·2^attempt))
 * (AWS Architecture Blog, "Exponential Backoff And Jitter", 2015) — so a hundred communes that lost
 * the province at the same moment do not come back in step. A server's `Retry-After` is a floor.
 */
import type { RandomSource } from './types'

export interface BackoffOptions {
  baseMs: number
  capMs: number
}

export const SYNC_BACKOFF: BackoffOptions = { baseMs: 2_000, capMs: 5 * 60_000 }

/** Delay before retry number `attempt` (0 for the first retry after one failure). */
export function fullJitterDelay(attempt: number, random: RandomSource, options: BackoffOptions = SYNC_BACKOFF): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.min(attempt, 30))
  return Math.floor(random() * ceiling)
}

/** The delay to wait: the jittered backoff, but never less than what the server asked for. */
export function retryDelay(
  attempt: number,
  retryAfterMs: number | null,
  random: RandomSource,
  options: BackoffOptions = SYNC_BACKOFF,
): number {
  return Math.max(fullJitterDelay(attempt, random, options), retryAfterMs ?? 0)
}
