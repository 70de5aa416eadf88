/**
 * The operation log on disk: `<dataDir>/oplog/operations.jsonl`, one entry a line, appended and
 * flushed (fsync) as each action happens, one append at a time. `head.json` records the last
 * entry's seq and hash (written after each append), so lines removed from the end are noticed;
 * `sent.json` records how far the province has the log. Nothing ever rewrites a line.
 *
 *   const oplog = await openOperationLog({ dir: join(dataDir, 'oplog'), log })
 *   await oplog.append({ user, action: 'approve', outcome: 'done', object, before, after })
 *   await oplog.verify()   // { ok: true, count } or the first entry altered or removed
 */
import { open, mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { newId } from '../../../shared/ids'
import type { IntegrityReport, OperationAction, OperationEntry, OperationFilter } from '../../../shared/ipc/oplog'
import { operationEntrySchema } from '../../../shared/ipc/oplog'
import type { LogObject } from '../../../shared/ipc/roles'
import { toServiceError } from '../fs-errors'
import type { Logger } from '../logger'
import { writeFileAtomic } from '../media/media-store'
import { digestOf, entryHash, GENESIS, verifyChain, type ChainHead } from './chain'

export interface AppendInput {
  user: OperationEntry['user']
  action: OperationAction
  outcome: OperationEntry['outcome']
  object: LogObject
  /** The object's state before and after (digested here); null or absent: none. */
  before?: unknown
  after?: unknown
}

export interface OperationLog {
  append(input: AppendInput): Promise<OperationEntry>
  list(filter: OperationFilter): Promise<{ entries: OperationEntry[]; total: number }>
  verify(): Promise<IntegrityReport>
  unsent(limit: number): Promise<OperationEntry[]>
  markSent(upToSeq: number): Promise<void>
}

export interface OperationLogOptions {
  dir: string
  log: Logger
  now?: () => Date
}

const headSchema = z.object({ seq: z.number().int().nonnegative(), hash: z.string() })
const sentSchema = z.object({ upToSeq: z.number().int().nonnegative() })

async function readJson<T>(path: string, schema: z.ZodType<T>): Promise<T | null> {
  try {
    const parsed = schema.safeParse(JSON.parse(await readFile(path, 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** Entries that parse, in file order (a damaged line is skipped here; `verify` names it). */
function parseEntries(lines: readonly string[]): OperationEntry[] {
  const out: OperationEntry[] = []
  for (const line of lines) {
    if (line.trim() === '') continue
    try {
      const parsed = operationEntrySchema.safeParse(JSON.parse(line))
      if (parsed.success) out.push(parsed.data)
    } catch {
      // skipped: not JSON
    }
  }
  return out
}

const matches = (e: OperationEntry, f: OperationFilter): boolean =>
  (f.from === null || e.at >= f.from) &&
  (f.to === null || e.at <= f.to) &&
  (f.userId === null || e.user?.id === f.userId) &&
  (f.action === null || e.action === f.action)

export async function openOperationLog({
  dir,
  log,
  now = () => new Date(),
}: OperationLogOptions): Promise<OperationLog> {
  await mkdir(dir, { recursive: true })
  const file = join(dir, 'operations.jsonl')
  const headFile = join(dir, 'head.json')
  const sentFile = join(dir, 'sent.json')
  const readLines = async (): Promise<string[]> => (await readFile(file, 'utf8').catch(() => '')).split('\n')

  // Appending goes on from the last line as it stands (seq, hash): even after tampering, new
  // entries stay chained, and `verify` still names the first broken one.
  const last = parseEntries(await readLines()).at(-1)
  const head = await readJson(headFile, headSchema)
  let tip: ChainHead = {
    seq: Math.max(last?.seq ?? 0, head?.seq ?? 0),
    hash: last?.hash ?? head?.hash ?? GENESIS,
  }
  let tail: Promise<unknown> = Promise.resolve()

  async function write(entry: OperationEntry): Promise<void> {
    const handle = await open(file, 'a', 0o644)
    try {
      await handle.appendFile(`${JSON.stringify(entry)}\n`, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
    await writeFileAtomic(headFile, JSON.stringify({ seq: entry.seq, hash: entry.hash }))
  }

  async function appendNow(input: AppendInput): Promise<OperationEntry> {
    const body = {
      ...{ seq: tip.seq + 1, id: newId(), at: now().toISOString(), user: input.user, action: input.action },
      ...{ outcome: input.outcome, object: input.object, before: digestOf(input.before) },
      ...{ after: digestOf(input.after), prev: tip.hash },
    }
    const entry: OperationEntry = { ...body, hash: entryHash(body) }
    try {
      await write(entry)
    } catch (error) {
      log.error(`oplog: could not write entry ${entry.seq} (${entry.action}): ${String(error)}`)
      throw toServiceError(error, 'oplog: writing the operation log')
    }
    tip = { seq: entry.seq, hash: entry.hash }
    return entry
  }

  return {
    append(input) {
      const run = tail.then(
        () => appendNow(input),
        () => appendNow(input),
      )
      tail = run.catch(() => undefined)
      return run
    },
    async list(filter) {
      const all = parseEntries(await readLines()).filter((e) => matches(e, filter))
      return { entries: all.reverse().slice(0, filter.limit), total: all.length }
    },
    async verify() {
      return verifyChain(await readLines(), await readJson(headFile, headSchema))
    },
    async unsent(limit) {
      const sent = (await readJson(sentFile, sentSchema))?.upToSeq ?? 0
      return parseEntries(await readLines())
        .filter((e) => e.seq > sent)
        .slice(0, limit)
    },
    async markSent(upToSeq) {
      const sent = (await readJson(sentFile, sentSchema))?.upToSeq ?? 0
      if (upToSeq > sent) await writeFileAtomic(sentFile, JSON.stringify({ upToSeq }))
    },
  }
}
