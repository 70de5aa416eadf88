/**
 * Every media file the local database still names. A file in the store that nothing names — no
 * library row, bulletin, programme, jingle, schedule or log entry, in any table — was left by a
 * save that did not finish, and is offered back to the officer rather than staying invisible.
 *
 * The walk reads every table and every field, so a table added later (a render cache, a new
 * kind of item) keeps its files without being listed here. A stray 64-hex string elsewhere only
 * makes a file look used: the safe mistake.
 */
import type { DaixaDb } from '../database'

const HASH = /^[0-9a-f]{64}$/

function collect(value: unknown, into: Set<string>, depth = 0): void {
  if (typeof value === 'string') {
    if (HASH.test(value)) into.add(value)
    return
  }
  if (depth > 8 || typeof value !== 'object' || value === null) return
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof Blob) return
  if (Array.isArray(value)) {
    for (const item of value) collect(item, into, depth + 1)
    return
  }
  for (const key in value) collect((value as Record<string, unknown>)[key], into, depth + 1)
}

export async function referencedMediaHashes(db: DaixaDb): Promise<Set<string>> {
  const hashes = new Set<string>()
  for (const table of db.tables) {
    await table.each((row: unknown) => collect(row, hashes))
  }
  return hashes
}
