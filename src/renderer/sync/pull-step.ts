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
import { sweepAfterBootstrap } from '../db/queries/sync-sweep'
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

type PageOutcome = StepResult & { more?: boolean }

async function bootstrapPage(ctx: StepContext, cursor: string | null, page: number, limit: number) {
  const answer = await ctx.call((auth) =>
    ctx.connector.bootstrap(auth, cursor === null ? { limit } : { cursor, limit }),
  )
  if (!answer.ok) return answer
  const { records, hasMore, serverTime } = answer.value
  ctx.onServerTime(serverTime)
  const { db } = ctx
  await applyPage(db, records, async () => {
    if (page === 0) await db.syncState.where('key').startsWith('bseen:').delete()
    await db.syncState.put({ key: `bseen:${page}`, value: records.map(recordKey) })
    if (hasMore) return putCursor(db, { kind: 'bootstrap', cursor: answer.value.cursor, page: page + 1 })
    await sweepAfterBootstrap(db)
    await putCursor(db, { kind: 'pull', cursor: answer.value.cursor })
  })
  return { ok: true as const, more: hasMore }
}

async function pullPage(ctx: StepContext, cursor: string, limit: number): Promise<PageOutcome> {
  const answer = await ctx.call((auth) => ctx.connector.pull(auth, { cursor, limit }))
  if (!answer.ok) return answer
  const { upserts, tombstones, hasMore, serverTime } = answer.value
  ctx.onServerTime(serverTime)
  const next = answer.value.cursor
  await applyPage(ctx.db, [...upserts, ...tombstones], () => putCursor(ctx.db, { kind: 'pull', cursor: next }))
  return { ok: true, more: hasMore }
}

async function restartBootstrap(db: DaixaDb): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    await putCursor(db, null)
    await db.syncState.where('key').startsWith('bseen:').delete()
  })
}

export async function pullStep(ctx: StepContext, options: PullOptions = {}): Promise<StepResult> {
  // The largest page the API allows: a bootstrap of 13,000 records is ~26 round trips, not 65.
  const limit = options.pageLimit ?? MAX_PAGE_LIMIT
  const maxPages = options.maxPages ?? 10_000
  let resynced = false
  for (let n = 0; n < maxPages; n++) {
    const state = await getCursor(ctx.db)
    const outcome =
      state === null || state.kind === 'bootstrap'
        ? await bootstrapPage(ctx, state?.cursor ?? null, state?.kind === 'bootstrap' ? state.page : 0, limit)
        : await pullPage(ctx, state.cursor, limit)
    if (!outcome.ok) {
      if (outcome.error.code !== RESYNC_REQUIRED || resynced) return outcome
      resynced = true
      await restartBootstrap(ctx.db)
      continue
    }
    if (!outcome.more && state?.kind === 'pull') return stepOk
  }
  return stepOk
}
