/**
 * Pull: bootstrap when there is no pull cursor, then changes after the cursor, page by page. Each
 * page is applied in the same transaction as the cursor it came with (pages waiting together share
 * one), so a crash or a cut link resumes at the next page, never from zero (cht-core #7528). "Bootstrap complete" is the
 * moment the pull cursor is stored, after the last page, never earlier (cht-core #7419). After the
 * last bootstrap page, rows the province no longer has are removed (it may have forgotten their
 * tombstones). 410 `resync-required` drops the cursor and bootstraps again; the outbox stays.
 */
import { createMutex, type RunExclusive } from './lock'
import { RESYNC_REQUIRED } from '../../shared/province/pull'
import type { EntityRecord, Tombstone } from '../../shared/province/entities'
import type { DaixaDb } from '../db/database'
import { applyPulledPage, syncTables } from '../db/queries/sync-apply'
import { beginBootstrap, bootstrapSweeps, endBootstrap, recordSeen } from '../db/queries/sync-sweep'
import { getCursor, putCursor } from '../db/queries/sync-state'
import { FIRST_PAGE_LIMIT, nextPageLimit } from './page-size'
import { stepOk, type StepContext, type StepResult } from './step-context'

export interface PullOptions {
  /** A fixed page size; by default pages follow the link (page-size.ts). */
  pageLimit?: number
  /** Bound on pages per cycle, so a cycle always ends. */
  maxPages?: number
}

const recordKey = (item: EntityRecord | Tombstone): string => `${item.entity}:${item.id}`

async function applyPage(db: DaixaDb, items: (EntityRecord | Tombstone)[], save: () => Promise<void>) {
  await db.transaction('rw', syncTables(db), async () => {
    await applyPulledPage(db, items)
    await save()
  })
}

/** Where the next page comes from: a bootstrap page (its number) or the change log. */
type Position = { kind: 'bootstrap'; cursor: string | null; page: number } | { kind: 'pull'; cursor: string }

/** A fetched page, ready to apply; `next` is where the page after it comes from, if there is one. */
interface FetchedPage {
  ok: true
  /** Which pull it belongs to, and how many records and tombstones it holds. */
  kind: 'bootstrap' | 'changes'
  records: number
  apply(): Promise<void>
  next: Position | null
}

type FetchOutcome = FetchedPage | Extract<StepResult, { ok: false }>

async function fetchBootstrapPage(
  ctx: StepContext,
  at: Position & { kind: 'bootstrap' },
  limit: number,
): Promise<FetchOutcome> {
  const { cursor, page } = at
  const answer = await ctx.call((auth) =>
    ctx.connector.bootstrap(auth, cursor === null ? { limit } : { cursor, limit }),
  )
  if (!answer.ok) return answer
  const { records, hasMore, serverTime } = answer.value
  ctx.onServerTime(serverTime)
  const next = answer.value.cursor
  const { db } = ctx
  const apply = () =>
    db.transaction('rw', syncTables(db), async () => {
      const sweeps = page === 0 ? await beginBootstrap(db) : await bootstrapSweeps(db)
      await applyPulledPage(db, records, { isFresh: !sweeps })
      if (sweeps) await recordSeen(db, page, records.map(recordKey))
      if (hasMore) return putCursor(db, { kind: 'bootstrap', cursor: next, page: page + 1 })
      await endBootstrap(db, sweeps)
      await putCursor(db, { kind: 'pull', cursor: next })
    })
  const following: Position = hasMore
    ? { kind: 'bootstrap', cursor: next, page: page + 1 }
    : { kind: 'pull', cursor: next }
  return { ok: true as const, kind: 'bootstrap' as const, records: records.length, apply, next: following }
}

async function fetchPullPage(ctx: StepContext, cursor: string, limit: number): Promise<FetchOutcome> {
  const answer = await ctx.call((auth) => ctx.connector.pull(auth, { cursor, limit }))
  if (!answer.ok) return answer
  const { upserts, tombstones, hasMore, serverTime } = answer.value
  ctx.onServerTime(serverTime)
  const next = answer.value.cursor
  const apply = () =>
    applyPage(ctx.db, [...upserts, ...tombstones], () => putCursor(ctx.db, { kind: 'pull', cursor: next }))
  const count = upserts.length + tombstones.length
  return { ok: true, kind: 'changes', records: count, apply, next: hasMore ? { kind: 'pull', cursor: next } : null }
}

const fetchPage = (ctx: StepContext, at: Position, limit: number): Promise<FetchOutcome> =>
  at.kind === 'bootstrap' ? fetchBootstrapPage(ctx, at, limit) : fetchPullPage(ctx, at.cursor, limit)

async function storedPosition(db: DaixaDb): Promise<Position> {
  const state = await getCursor(db)
  if (state === null) return { kind: 'bootstrap', cursor: null, page: 0 }
  return state.kind === 'bootstrap' ? { kind: 'bootstrap', cursor: state.cursor, page: state.page } : state
}

async function restartBootstrap(db: DaixaDb): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    await putCursor(db, null)
    await db.syncState.where('key').startsWith('bseen:').delete()
  })
}

/** Pages fetched and not yet written, at most: bounds memory (a page of 2000 records is ~1 MB of JSON). */
const MAX_AHEAD = 4

/** Resolves the one waiter of a `signal()`; each `wait()` waits for the next signal. */
function createSignal() {
  let wake: (() => void) | null = null
  return {
    wait: () => new Promise<void>((resolve) => (wake = resolve)),
    signal: () => {
      wake?.()
      wake = null
    },
  }
}

type FetchFailure = Extract<StepResult, { ok: false }>

/**
 * Pages from `start` on, fetched and written side by side: one request is in flight at any time
 * (each page's cursor comes with the page before it), and it leaves as soon as the previous page
 * has arrived, whatever the writing is doing; the writer takes every page waiting (up to
 * MAX_AHEAD) into one transaction that stores the last one's cursor. Pages are written in order,
 * so a crash or a cut link still resumes at the first page not stored. A fetch failure ends the
 * fetching; the pages before it are written, then the failure is answered.
 */
async function pullPages(
  ctx: StepContext,
  start: Position,
  sizes: PageSizes,
  maxPages: number,
): Promise<{ result: StepResult; fetched: number }> {
  const queue: FetchedPage[] = []
  const arrived = createSignal()
  const room = createSignal()
  let fetching = true
  let stopped = false
  let fetched = 0
  let failure: FetchFailure | null = null
  const fetcher = (async () => {
    try {
      for (let at: Position | null = start; at !== null && fetched < maxPages && !stopped;) {
        if (queue.length >= MAX_AHEAD) {
          await room.wait()
          continue
        }
        const sentAt = performance.now()
        const outcome = await fetchPage(ctx, at, sizes.limit)
        sizes.took(performance.now() - sentAt)
        fetched++
        if (!outcome.ok) return void (failure = outcome)
        queue.push(outcome)
        arrived.signal()
        at = outcome.next
      }
    } finally {
      fetching = false
      arrived.signal()
    }
  })()
  // Seen by `await fetcher` below; without a handler now, a throw while a batch is written would be
  // reported as unhandled first.
  fetcher.catch(() => undefined)
  try {
    while (queue.length > 0 || fetching) {
      if (queue.length === 0) {
        await arrived.wait()
        continue
      }
      const batch = queue.splice(0, MAX_AHEAD)
      room.signal()
      await applyPages(ctx.db, batch)
      for (const page of batch) if (page.records > 0) ctx.onPulled(page.kind, page.records)
    }
  } catch (error) {
    // The page fetched meanwhile is dropped unused; its request settles on its own.
    stopped = true
    room.signal()
    throw error
  }
  await fetcher
  return { result: failure ?? stepOk, fetched }
}

/** Several fetched pages in one transaction (Dexie runs each page's own transaction inside it). */
async function applyPages(db: DaixaDb, pages: FetchedPage[]): Promise<void> {
  if (pages.length === 1) return pages[0]?.apply()
  await db.transaction('rw', syncTables(db), async () => {
    for (const page of pages) await page.apply()
  })
}

/** The size of the next page: fixed, or following the link (page-size.ts). */
interface PageSizes {
  readonly limit: number
  took(elapsedMs: number): void
}

function pageSizes(fixed: number | undefined): PageSizes {
  let limit = fixed ?? FIRST_PAGE_LIMIT
  return {
    get limit() {
      return limit
    },
    took(elapsedMs) {
      if (fixed === undefined) limit = nextPageLimit(limit, elapsedMs)
    },
  }
}

/** One pull at a time per database: the cycle's and the pull lane's (pull-lane.ts). */
const pullLocks = new WeakMap<DaixaDb, RunExclusive>()

export function pullStep(ctx: StepContext, options: PullOptions = {}): Promise<StepResult> {
  let lock = pullLocks.get(ctx.db)
  if (!lock) {
    lock = createMutex()
    pullLocks.set(ctx.db, lock)
  }
  return lock(() => pullAll(ctx, options))
}

async function pullAll(ctx: StepContext, options: PullOptions): Promise<StepResult> {
  const sizes = pageSizes(options.pageLimit)
  let pagesLeft = options.maxPages ?? 10_000
  let resynced = false
  for (;;) {
    const { result, fetched } = await pullPages(ctx, await storedPosition(ctx.db), sizes, pagesLeft)
    pagesLeft -= fetched
    if (result.ok || result.error.code !== RESYNC_REQUIRED || resynced || pagesLeft <= 0) return result
    resynced = true
    await restartBootstrap(ctx.db)
  }
}
