/**
 * How many records to ask for in the next pull or bootstrap page, from how long the last page took.
 * A page is the unit of resumption (it is stored with its cursor in one transaction), so on a slow
 * link pages stay small — a cut costs at most a few seconds of transfer — and on a good one they
 * grow, so a bootstrap of 13,000 records is a handful of round trips instead of 27 (each one also a
 * transaction commit). Aim: a page arrives in about PAGE_TARGET_MS.
 *
 *   let limit = FIRST_PAGE_LIMIT
 *   … fetch `limit` records, measuring `elapsedMs` …
 *   limit = nextPageLimit(limit, elapsedMs)
 *
 * Sizes (500 records ≈ 240 KB of JSON): on loopback or a LAN 500 → 1000 → 2000 (the API's maximum);
 * on 3G at ~1 Mbit/s a 500-record page takes ~2 s and stays; on EDGE it halves down to 100.
 */
import { MAX_PAGE_LIMIT } from '../../shared/province/pull'

export const PAGE_TARGET_MS = 2_000
export const FIRST_PAGE_LIMIT = 500
export const MIN_PAGE_LIMIT = 100

export function nextPageLimit(limit: number, elapsedMs: number): number {
  if (elapsedMs < PAGE_TARGET_MS / 2) return Math.min(MAX_PAGE_LIMIT, limit * 2)
  if (elapsedMs > PAGE_TARGET_MS * 2) return Math.max(MIN_PAGE_LIMIT, Math.floor(limit / 2))
  return limit
}
