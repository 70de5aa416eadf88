/**
 * What a rejection is about, named the way the officer knows it: "Lịch phát Buổi sáng, 24/11/2026:
 * “Tin một”, “Tin hai”", "Bản tin “Thông báo họp dân”", a line of the as-played log, a cluster.
 * Read from the change as it was made (the rejection's payload) and the local library.
 */
import { z } from 'zod'
import { scheduleEntryRecordSchema } from '../../../shared/onair/placement'
import type { DaixaDb } from '../../db/database'
import { listSessions } from '../../db/queries/schedule'
import { clusterChoiceSchema, type ClusterChoice } from '../../db/queries/schedule-clusters'
import type { RejectionRow } from '../../db/records'

export type RejectionSubject =
  | { kind: 'schedule'; date: string; sessionLabel: string; titles: string[]; clusters: ClusterChoice }
  | { kind: 'announcement'; title: string }
  | { kind: 'playLog'; title: string; plannedStart: string | null }
  | { kind: 'cluster'; code: string; name: string }
  | { kind: 'deviceEvent'; code: string }
  | { kind: 'station' }
  | { kind: 'other' }

const schedulePayload = z.object({
  date: z.string(),
  sessionId: z.string(),
  entries: z.array(scheduleEntryRecordSchema).catch([]).default([]),
  items: z
    .array(z.object({ target: z.object({ id: z.string() }) }))
    .catch([])
    .default([]),
  clusterChoice: z.enum(['all', 'chosen']).optional(),
  clusterIds: z.array(z.string()).catch([]).default([]),
})
const titled = z.object({ title: z.string() })
const clusterPayload = z.object({ code: z.string(), name: z.string() })

/** The schedule a rejection is about (its payload, as the officer made it), or null. */
export function rejectedSchedule(row: RejectionRow): z.infer<typeof schedulePayload> | null {
  const parsed = schedulePayload.safeParse(row.payload)
  return parsed.success ? parsed.data : null
}

async function titleOf(db: DaixaDb, id: string): Promise<string> {
  const [announcement, program, bulletin] = await Promise.all([
    db.announcements.get(id),
    db.programs.get(id),
    db.bulletins.get(id),
  ])
  return announcement?.title ?? program?.title ?? bulletin?.title ?? id
}

async function scheduleSubject(db: DaixaDb, row: RejectionRow): Promise<RejectionSubject> {
  const payload = rejectedSchedule(row)
  if (!payload) return { kind: 'other' }
  const ids =
    payload.entries.length > 0
      ? payload.entries.flatMap((e) => ('id' in e.content ? [e.content.id] : []))
      : payload.items.map((i) => i.target.id)
  const titles = await Promise.all([...new Set(ids)].map((id) => titleOf(db, id)))
  const session = (await listSessions(db)).find((s) => s.id === payload.sessionId)
  const chosen = clusterChoiceSchema.safeParse(payload.clusterChoice === 'all' ? 'all' : payload.clusterIds)
  return {
    kind: 'schedule',
    date: payload.date,
    sessionLabel: session?.label ?? payload.sessionId,
    titles,
    clusters: chosen.success ? chosen.data : 'all',
  }
}

export async function describeRejection(db: DaixaDb, row: RejectionRow): Promise<RejectionSubject> {
  const id = row.entityId ?? ''
  switch (row.entity) {
    case 'schedule':
      return scheduleSubject(db, row)
    case 'announcement': {
      const title = (await db.announcements.get(id))?.title ?? titled.safeParse(row.payload).data?.title
      return { kind: 'announcement', title: title ?? id }
    }
    case 'playLog': {
      const line = await db.playLog.get(id)
      return { kind: 'playLog', title: line?.title ?? id, plannedStart: line?.plannedStart ?? null }
    }
    case 'cluster': {
      const cluster = (await db.clusters.get(id)) ?? clusterPayload.safeParse(row.payload).data
      return { kind: 'cluster', code: cluster?.code ?? id, name: cluster?.name ?? '' }
    }
    case 'deviceEvent': {
      const event = await db.clusterEvents.get(id)
      const cluster = event ? await db.clusters.get(event.clusterId) : undefined
      return { kind: 'deviceEvent', code: cluster?.code ?? event?.clusterId ?? id }
    }
    case 'station':
      return { kind: 'station' }
    default:
      return { kind: 'other' }
  }
}
