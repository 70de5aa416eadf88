/**
 * Test-only inspection and control routes of the reference province server, enabled only when it
 * is started in test mode (`--test` / `testMode: true`). Never faulted. Every answer has serverTime.
 *
 *   GET  /__test__/state?communeId=xa-demo   stored records, change log, receipts, observations, media
 *   GET  /__test__/faults                    fault configuration and the log of injected faults
 *   POST /__test__/faults  {seed, probabilities, script, hangMs, slowMs, retryAfterSeconds, clockOffsetMs}
 *   POST /__test__/clock   {advanceMs}       moves the server clock (token expiry, tombstone age)
 *   POST /__test__/compact {communeId, olderThanMs?}  purges older tombstones, raises the horizon
 *   POST /__test__/province {communeId, edit}          a province-side edit (province-edits.ts)
 *   POST /__test__/snapshot {communeId}                remembers the commune's state (in memory)
 *   POST /__test__/restore  {communeId}                puts the remembered state back under a new
 *                                                      epoch (old cursors get 410): a reset between seeds
 *   POST /__test__/bulk {communeId, programs, clusters} adds that many province programs and clusters
 *                                                      (copies of a seeded one): the bootstrap benchmark
 *   POST /__test__/account {communeId, communeName, username, password}  adds a commune and its
 *                                                      account (a second commune for isolation tests)
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { ServerServices } from './context'
import { HttpError, readJsonBody, sendJson } from './http'
import { parseInput } from './api-routes'
import { applyProvinceEdit, EditError, provinceEditSchema } from './province-edits'
import { compact, putRecord, type CommuneState } from './state'

const communeQuery = z.object({ communeId: z.string().min(1) })
const clockBody = z.object({
  advanceMs: z
    .number()
    .int()
    .min(0)
    .max(400 * 24 * 3600_000),
})
const compactBody = z.object({ communeId: z.string().min(1), olderThanMs: z.number().int().min(0).optional() })
const provinceBody = z.object({ communeId: z.string().min(1), edit: provinceEditSchema })
const accountBody = z.object({
  communeId: z.string().regex(/^[a-z0-9-]{1,40}$/),
  communeName: z.string().min(1).max(200),
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
})
const bulkBody = z.object({
  communeId: z.string().min(1),
  programs: z.number().int().min(0).max(100_000),
  clusters: z.number().int().min(0).max(100_000),
})

/** Adds `count` copies of the first live record of `entity` (ids `bulk-<entity>-<n>`) through the log. */
function addCopies(state: CommuneState, entity: 'program' | 'cluster', count: number, now: string): number {
  const template = Object.values(state.records).find((r) => r.entity === entity && r.data)?.data
  if (!template || template.entity !== entity) throw new HttpError('not-found', `no ${entity} to copy (seed the demo)`)
  for (let n = 0; n < count; n++) {
    const id = `bulk-${entity}-${n}`
    const label = `${n}`.padStart(5, '0')
    const copy =
      template.entity === 'program'
        ? { ...template, id, code: `BULK-P${label}`, title: `${template.title} ${label}` }
        : { ...template, id, code: `BULK-C${label}`, name: `${template.name} ${label}` }
    putRecord(state, copy, 'province', now)
  }
  return count
}

/** Snapshots per server (services object) and commune, for `/__test__/snapshot|restore`. */
const snapshots = new WeakMap<ServerServices, Map<string, CommuneState>>()

type TestHandler = (services: ServerServices, body: unknown, query: Record<string, string>) => Promise<object>

const handlers: Record<string, TestHandler> = {
  'GET /__test__/state': async (services, _body, query) => {
    const { communeId } = parseInput(communeQuery, query, 'query')
    return { state: await services.store.read(communeId, (state) => state) }
  },
  'GET /__test__/faults': (services) =>
    Promise.resolve({ config: services.faults.config(), log: services.faults.log() }),
  'POST /__test__/faults': (services, body) => {
    try {
      return Promise.resolve({ config: services.faults.configure(body ?? {}) })
    } catch (error) {
      throw new HttpError('invalid-request', `fault config: ${error instanceof Error ? error.message : String(error)}`)
    }
  },
  'POST /__test__/clock': (services, body) => {
    services.clock.advance(parseInput(clockBody, body, 'clock body').advanceMs)
    return Promise.resolve({ now: new Date(services.clock.now()).toISOString() })
  },
  'POST /__test__/compact': async (services, body) => {
    const { communeId, olderThanMs } = parseInput(compactBody, body, 'compact body')
    const cutoff = new Date(services.clock.now() - (olderThanMs ?? services.tombstoneRetentionMs)).toISOString()
    return services.store.update(communeId, (state) => {
      const purged = compact(state, cutoff)
      return { result: { purged, horizonSeq: state.horizonSeq }, changed: true }
    })
  },
  'POST /__test__/snapshot': async (services, body) => {
    const { communeId } = parseInput(communeQuery, body, 'snapshot body')
    const state = await services.store.read(communeId, (current) => structuredClone(current))
    const byCommune = snapshots.get(services) ?? new Map<string, CommuneState>()
    byCommune.set(communeId, state)
    snapshots.set(services, byCommune)
    return { seq: state.seq }
  },
  'POST /__test__/restore': async (services, body) => {
    const { communeId } = parseInput(communeQuery, body, 'restore body')
    const saved = snapshots.get(services)?.get(communeId)
    if (!saved) throw new HttpError('not-found', `no snapshot of ${communeId}`)
    return services.store.update(communeId, (draft) => {
      for (const key of Object.keys(draft)) delete (draft as unknown as Record<string, unknown>)[key]
      Object.assign(draft, structuredClone(saved), { epoch: randomUUID() })
      return { result: { seq: draft.seq, epoch: draft.epoch }, changed: true }
    })
  },
  'POST /__test__/bulk': async (services, body) => {
    const { communeId, programs, clusters } = parseInput(bulkBody, body, 'bulk body')
    const now = new Date(services.clock.now()).toISOString()
    return services.store.update(communeId, (state) => ({
      result: {
        programs: addCopies(state, 'program', programs, now),
        clusters: addCopies(state, 'cluster', clusters, now),
      },
      changed: true,
    }))
  },
  'POST /__test__/account': async (services, body) => {
    const { communeId, communeName, username, password } = parseInput(accountBody, body, 'account body')
    const commune = { id: communeId, code: communeId.slice(0, 20), name: communeName, provinceName: 'Tỉnh thử' }
    await services.accounts.addCommune(commune)
    await services.accounts.addAccount({ username, displayName: username, communeId, password })
    return { commune }
  },
  'POST /__test__/province': async (services, body) => {
    const { communeId, edit } = parseInput(provinceBody, body, 'province edit')
    const now = new Date(services.clock.now()).toISOString()
    try {
      const record = await services.store.update(communeId, (state) => ({
        result: applyProvinceEdit(state, edit, now),
        changed: true,
      }))
      return { record }
    } catch (error) {
      if (error instanceof EditError) throw new HttpError('not-found', error.message)
      throw error
    }
  },
}

/** Answers a `/__test__/…` request; unknown paths are 404. */
export async function handleTestRoute(
  services: ServerServices,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  serverTime: () => string,
): Promise<void> {
  const handler = handlers[`${req.method ?? 'GET'} ${url.pathname}`]
  if (!handler) throw new HttpError('not-found', `no test route ${req.method ?? ''} ${url.pathname}`)
  const body = req.method === 'POST' ? await readJsonBody(req) : undefined
  const result = await handler(services, body, Object.fromEntries(url.searchParams))
  sendJson(res, 200, { ...result, serverTime: serverTime() })
}
