/**
 * The hash chain of the operation log (pure, node:crypto only).
 *
 * `hash` = SHA-256 (hex) of the canonical JSON (keys sorted, no spaces) of the entry without its
 * `hash` field — `prev` included, so each entry seals the one before. The first entry's `prev` is
 * 64 zeros. `before`/`after` are SHA-256 of the canonical JSON of the object's states.
 *
 * What a check can tell from the file alone: an entry whose content no longer matches its hash
 * (altered), an entry whose hash was recomputed (the next entry's `prev` no longer matches it:
 * altered), a gap in `seq` or a file shorter than the head record (removed). Someone who rewrites
 * every hash after a change and the head record too is caught only by the province's copy.
 */
import { createHash } from 'node:crypto'
import { operationEntrySchema, type IntegrityReport, type OperationEntry } from '../../../shared/ipc/oplog'

export const GENESIS = '0'.repeat(64)

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const record = value as Record<string, unknown>
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort()
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

/** The digest of an object's state, or null when there is none (created / deleted). */
export const digestOf = (value: unknown): string | null =>
  value === null || value === undefined ? null : sha256(canonicalJson(value))

export const entryHash = (entry: Omit<OperationEntry, 'hash'>): string => sha256(canonicalJson(entry))

export interface ChainHead {
  seq: number
  hash: string
}

type Problem = Extract<IntegrityReport, { ok: false }>

const problem = (kind: Problem['problem'], seq: number, entry: OperationEntry | null, count: number): Problem => ({
  ok: false,
  problem: kind,
  seq,
  at: entry?.at ?? null,
  action: entry?.action ?? null,
  count,
})

/** Walks the file's lines; names the first entry that was altered or removed. */
export function verifyChain(lines: readonly string[], head: ChainHead | null): IntegrityReport {
  let previous: OperationEntry | null = null
  let count = 0
  for (const line of lines) {
    if (line.trim() === '') continue
    const expected = (previous?.seq ?? 0) + 1
    let entry: OperationEntry
    try {
      entry = operationEntrySchema.parse(JSON.parse(line))
    } catch {
      return problem('altered', expected, null, count)
    }
    if (entry.seq > expected) return problem('removed', expected, null, count)
    if (entry.seq < expected) return problem('altered', expected, entry, count)
    const { hash, ...rest } = entry
    if (entryHash(rest) !== hash) return problem('altered', entry.seq, entry, count)
    // Its own hash is right but the link is not: the entry before was rewritten, hash and all.
    if (entry.prev !== (previous?.hash ?? GENESIS))
      return previous ? problem('altered', previous.seq, previous, count) : problem('altered', 1, entry, count)
    previous = entry
    count += 1
  }
  const lastSeq = previous?.seq ?? 0
  if (head && head.seq > lastSeq) return problem('removed', lastSeq + 1, null, count)
  if (head && previous && head.seq === lastSeq && head.hash !== previous.hash)
    return problem('altered', lastSeq, previous, count)
  return { ok: true, count }
}
