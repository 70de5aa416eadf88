/**
 * From an outbox entry to a Province API v1 mutation. The outbox holds the change as the app made
 * it (an announcement create carries the whole local row; a rename carries `{title, updatedAt}`);
 * the API takes only the commune-owned fields, strictly. So the payload is projected onto the
 * entity's content fields here and the result parsed with the API's own schema: an entry that
 * cannot become a valid mutation is refused locally (`invalid-mutation`) instead of being sent.
 *
 * `baseVersion` is not taken from the entry: it is the shadow's `base` — the province version the
 * row showed when the officer changed it, advanced by each of our own applied changes — so a chain
 * of offline edits to one record goes out as base 1, 2, 3… (sync-state.ts).
 */
import type { OutboxEntry } from '../../shared/model/outbox'
import { mutationSchema, type Mutation } from '../../shared/province/push'
import { announcementContentSchema, scheduleContentSchema, stationContactSchema } from '../../shared/province/entities'
import { clusterRegistrationSchema } from '../../shared/province/push'

/** Which outbox entries go where. A `cluster` entry is the registration of a cluster the commune installed. */
export type EntryRoute = 'push' | 'observation'

export function routeOf(entry: Pick<OutboxEntry, 'entity'>): EntryRoute {
  switch (entry.entity) {
    case 'announcement':
    case 'schedule':
    case 'station':
    case 'cluster':
      return 'push'
    case 'playLog':
    case 'deviceEvent':
      return 'observation'
  }
}

const pick = (payload: unknown, keys: readonly string[]): Record<string, unknown> => {
  const out: Record<string, unknown> = {}
  if (typeof payload !== 'object' || payload === null) return out
  for (const key of keys) {
    if (key in payload) out[key] = (payload as Record<string, unknown>)[key]
  }
  return out
}

const contentKeys = {
  cluster: Object.keys(clusterRegistrationSchema.shape),
  announcement: Object.keys(announcementContentSchema.shape),
  schedule: Object.keys(scheduleContentSchema.shape),
  station: Object.keys(stationContactSchema.shape),
} as const

/** Local rows keep fractional milliseconds; the API wants whole ones. */
function normalise(entity: 'announcement' | 'schedule' | 'station', payload: Record<string, unknown>) {
  if (entity === 'announcement' && typeof payload.durationMs === 'number') {
    payload.durationMs = Math.round(payload.durationMs)
  }
  return payload
}

export type MutationBuild = { ok: true; mutation: Mutation } | { ok: false; message: string }

/**
 * The mutation for `entry`. `base` is the version its change is based on (null: the province does
 * not know the record yet); `entityId` the province's id (differs for the station).
 */
export function toMutation(entry: OutboxEntry, base: number | null, entityId = entry.entityId): MutationBuild {
  if (entry.entity === 'cluster') return clusterRegistration(entry)
  if (entry.entity !== 'announcement' && entry.entity !== 'schedule' && entry.entity !== 'station') {
    return { ok: false, message: `${entry.entity} changes are not pushed` }
  }
  const payload = entry.op === 'delete' ? null : normalise(entry.entity, pick(entry.payload, contentKeys[entry.entity]))
  if (entry.op !== 'create' && base === null) {
    return { ok: false, message: `the province does not know this ${entry.entity} yet (no base version)` }
  }
  const raw = {
    mutationId: entry.id,
    entity: entry.entity,
    op: entry.op,
    entityId,
    baseVersion: entry.op === 'create' ? null : base,
    payload,
  }
  return parsedMutation(raw)
}

function parsedMutation(raw: unknown): MutationBuild {
  const parsed = mutationSchema.safeParse(raw)
  if (parsed.success) return { ok: true, mutation: parsed.data }
  const issue = parsed.error.issues[0]
  return { ok: false, message: issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid mutation' }
}

/** The registration of a cluster the commune installed; the province keeps it from then on. */
function clusterRegistration(entry: OutboxEntry): MutationBuild {
  if (entry.op !== 'create') {
    return { ok: false, message: 'a registered cluster is kept by the province; report its state instead' }
  }
  const payload = pick(entry.payload, contentKeys.cluster)
  return parsedMutation({
    mutationId: entry.id,
    entity: 'cluster',
    op: 'create',
    entityId: entry.entityId,
    baseVersion: null,
    payload,
  })
}
