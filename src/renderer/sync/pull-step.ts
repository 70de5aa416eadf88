/**
 * Pull: bootstrap when there is no pull cursor, then changes after the cursor, page by page. Each
 * page is applied in ONE transaction together with the cursor it came with, so a crash or a cut
 * link resumes at the next page, never from zero (cht-core #7528). "Bootstrap complete" is the
 * moment the pull cursor is stored, after the last page, never earlier (cht-core #7419). After the
 * last bootstrap page, rows the province no longer has are removed (it may have forgotten their
 * tombstones). 410 `resync-required` drops the cursor and bootstraps again; the outbox stays.
 */
import { MAX_PAGE_LIMIT, RESYNC_REQUIRED } from '../../shared/province/pull'
import type { EntityRecord, Tombstone } from '../../shared/province/entities'
import type { DaixaDb } from '../db/database'
import { applyPulledPage, syncTables } from '../db/queries/sync-apply'
import { beginBootstrap, bootstrapSweeps, endBootstrap, recordSeen } from '../db/queries/sync-sweep'
import { getCursor, putCursor } from '../db/queries/sync-state'
import { stepOk, type StepContext, type StepResult } from './step-context'

export interface PullOptions {
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
  return { ok: true as const, apply, next: following }
}

async function fetchPullPage(ctx: StepContext, cursor: string, limit: number): Promise<FetchOutcome> {
  const answer = await ctx.call((auth) => ctx.connector.pull(auth, { cursor, limit }))
  if (!answer.ok) return answer
  const { upserts, tombstones, hasMore, serverTime } = answer.value
  ctx.onServerTime(serverTime)
  const next = answer.value.cursor
  const apply = () =>
    applyPage(ctx.db, [...upserts, ...tombstones], () => putCursor(ctx.db, { kind: 'pull', cursor: next }))
  return { ok: true, apply, next: hasMore ? { kind: 'pull', cursor: next } : null }
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

/**
 * Pages are fetched one ahead: while page n is written to IndexedDB, page n+1 is on its way (at
 * most one request in flight, as before). Page n+1 is applied only after page n and its cursor are
 * committed, so a crash or a cut link still resumes at the first page not stored. If page n cannot
 * be applied, the page fetched ahead is dropped unused.
 */
export async function pullStep(ctx: StepContext, options: PullOptions = {}): Promise<StepResult> {
  // The largest page the API allows: a bootstrap of 13,000 records is ~26 round trips, not 65.
  const limit = options.pageLimit ?? MAX_PAGE_LIMIT
  const maxPages = options.maxPages ?? 10_000
  let resynced = false
  let ahead: { at: Position; outcome: Promise<FetchOutcome> } | null = null
  for (let n = 0; n < maxPages; n++) {
    const at = await storedPosition(ctx.db)
    const outcome: FetchOutcome = await (ahead !== null && samePosition(ahead.at, at)
      ? ahead.outcome
      : fetchPage(ctx, at, limit))
    ahead = null
    if (!outcome.ok) {
      if (outcome.error.code !== RESYNC_REQUIRED || resynced) return outcome
      resynced = true
      await restartBootstrap(ctx.db)
      continue
    }
    const next: Position | null = outcome.next
    if (next !== null && n + 1 < maxPages) {
      const prefetch = fetchPage(ctx, next, limit)
      // Settles on its own; a failure is seen when (if) the page is awaited.
      prefetch.catch(() => undefined)
      ahead = { at: next, outcome: prefetch }
    }
    await outcome.apply()
    if (next === null) return stepOk
  }
  return stepOk
}

function samePosition(a: Position, b: Position): boolean {
  return (
    a.kind === b.kind &&
    a.cursor === b.cursor &&
    (a.kind !== 'bootstrap' || b.kind !== 'bootstrap' || a.page === b.page)
  )
}
