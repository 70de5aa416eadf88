/**
 * `GET /v1/bootstrap` and `GET /v1/pull` on the reference province server.
 *
 * Cursor (opaque to clients): base64url of JSON. Pull `{"v":1,"k":"p","e":epoch,"s":seq}` = "I have
 * every change up to log position s". Bootstrap `{"v":1,"k":"b","e":epoch,"s":snapshotSeq,"a":lastKey}`
 * = "snapshot taken at s, pages sent up to key a". Records changed while a client pages through a
 * bootstrap may arrive in a newer version or not at all; pulling from the snapshot position then
 * delivers them, so the copy converges. A cursor from another epoch (wiped data) or below the
 * horizon is answered 410 `resync-required`.
 */
import { z } from 'zod'
import type { EntityRecord, Tombstone } from '../../src/shared/province/entities'
import { DEFAULT_PAGE_LIMIT, type BootstrapQuery, type BootstrapResponse } from '../../src/shared/province/pull'
import type { PullQuery, PullResponse } from '../../src/shared/province/pull'
import type { RequestContext, ServerServices } from './context'
import { HttpError } from './http'
import { latestSeqByKey, tombstoneOf, type CommuneState } from './state'

const cursorSchema = z.discriminatedUnion('k', [
  z.object({ v: z.literal(1), k: z.literal('p'), e: z.string(), s: z.number().int().nonnegative() }),
  z.object({ v: z.literal(1), k: z.literal('b'), e: z.string(), s: z.number().int().nonnegative(), a: z.string() }),
])
type Cursor = z.infer<typeof cursorSchema>

const encode = (cursor: Cursor): string => Buffer.from(JSON.stringify(cursor)).toString('base64url')

function decode(text: string, kind: Cursor['k']): Cursor {
  let parsed: ReturnType<typeof cursorSchema.safeParse>
  try {
    parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')))
  } catch {
    throw new HttpError('cursor-invalid', 'cursor is not one this server issued')
  }
  if (!parsed.success) throw new HttpError('cursor-invalid', 'cursor is not one this server issued')
  if (parsed.data.k !== kind)
    throw new HttpError('cursor-invalid', `expected a ${kind === 'p' ? 'pull' : 'bootstrap'} cursor`)
  return parsed.data
}

function checkPosition(state: CommuneState, cursor: Cursor): void {
  if (cursor.e !== state.epoch)
    throw new HttpError('resync-required', 'cursor belongs to another data set; bootstrap again')
  if (cursor.s < state.horizonSeq) {
    throw new HttpError(
      'resync-required',
      `cursor ${cursor.s} is older than the change-log horizon ${state.horizonSeq}`,
    )
  }
  if (cursor.s > state.seq) throw new HttpError('cursor-invalid', 'cursor is ahead of the change log')
}

function bootstrapPage(state: CommuneState, snapshotSeq: number, after: string, limit: number) {
  const keys = Object.keys(state.records)
    .filter((key) => key > after && state.records[key]?.data)
    .sort()
  const page = keys.slice(0, limit)
  const hasMore = keys.length > limit
  const records = page.flatMap((key) => state.records[key]?.data ?? [])
  const last = page[page.length - 1] ?? after
  const cursor: Cursor = hasMore
    ? { v: 1, k: 'b', e: state.epoch, s: snapshotSeq, a: last }
    : { v: 1, k: 'p', e: state.epoch, s: snapshotSeq }
  return { records, cursor: encode(cursor), hasMore }
}

export async function handleBootstrap(
  services: ServerServices,
  ctx: RequestContext,
  query: BootstrapQuery,
): Promise<Omit<BootstrapResponse, 'serverTime'>> {
  const limit = query.limit ?? DEFAULT_PAGE_LIMIT
  return services.store.read(ctx.communeId, (state) => {
    if (query.cursor === undefined) return bootstrapPage(state, state.seq, '', limit)
    const cursor = decode(query.cursor, 'b')
    checkPosition(state, cursor)
    return bootstrapPage(state, cursor.s, cursor.k === 'b' ? cursor.a : '', limit)
  })
}

function pullPage(state: CommuneState, from: number, limit: number) {
  const latest = latestSeqByKey(state.log)
  const changed = state.log.filter((entry) => entry.seq > from && latest.get(entry.key) === entry.seq)
  const page = changed.slice(0, limit)
  const hasMore = changed.length > limit
  const upserts: EntityRecord[] = []
  const tombstones: Tombstone[] = []
  for (const entry of page) {
    const stored = state.records[entry.key]
    if (stored?.data) upserts.push(stored.data)
    const tombstone = stored ? tombstoneOf(stored) : null
    if (tombstone) tombstones.push(tombstone)
  }
  // Without more to send the cursor moves to the head, so superseded entries never stall a client.
  const position = hasMore ? (page[page.length - 1]?.seq ?? from) : state.seq
  return { upserts, tombstones, cursor: encode({ v: 1, k: 'p', e: state.epoch, s: position }), hasMore }
}

function readPull(services: ServerServices, ctx: RequestContext, cursor: Cursor, limit: number) {
  return services.store.read(ctx.communeId, (state) => {
    checkPosition(state, cursor)
    return pullPage(state, cursor.s, limit)
  })
}

/**
 * A pull with `wait` (long-poll) that finds nothing waits for the commune's next commit or the
 * end of `wait`, whichever comes first, then answers what there is. The watch starts before the
 * first read, so a change committed in between is never missed.
 */
export async function handlePull(
  services: ServerServices,
  ctx: RequestContext,
  query: PullQuery,
): Promise<Omit<PullResponse, 'serverTime'>> {
  const cursor = decode(query.cursor, 'p')
  const limit = query.limit ?? DEFAULT_PAGE_LIMIT
  const waitMs = (query.wait ?? 0) * 1000
  const watch = services.store.watchCommit(ctx.communeId)
  try {
    const first = await readPull(services, ctx, cursor, limit)
    if (waitMs === 0 || first.upserts.length > 0 || first.tombstones.length > 0) return first
    await Promise.race([watch.changed, services.sleep(waitMs)])
    return await readPull(services, ctx, cursor, limit)
  } finally {
    watch.cancel()
  }
}
