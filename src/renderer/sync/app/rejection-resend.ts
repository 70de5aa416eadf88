/**
 * "Gửi lại": a refused change goes into the outbox again, as the officer made it, with the fix
 * applied (the clusters chosen in the drawer), and the rejection is marked seen. A schedule is
 * written again from the officer's entries (setDayEntries: its items and clusters worked out from
 * today's data, on the province's latest version); an announcement, a cluster registration or the
 * station's contact goes again from the row; an observation is queued again for its row.
 */
import { announcementContentSchema } from '../../../shared/province/entities'
import type { OutboxEntry } from '../../../shared/model/outbox'
import type { DaixaDb } from '../../db/database'
import { outboxEntry } from '../../db/queries/outbox'
import { setDayEntries } from '../../db/queries/schedule'
import type { ClusterChoice } from '../../db/queries/schedule-clusters'
import type { RejectionRow } from '../../db/records'
import { fixFor } from './rejection-fix'
import { rejectedSchedule } from './rejection-subject'

export class ResendError extends Error {
  constructor(readonly code: 'not-resendable' | 'gone-locally') {
    super(`resend: ${code}`)
    this.name = 'ResendError'
  }
}

const CONTENT_KEYS = Object.keys(announcementContentSchema.shape)

function picked(payload: unknown): Record<string, unknown> {
  if (typeof payload !== 'object' || payload === null) return {}
  return Object.fromEntries(Object.entries(payload).filter(([key]) => CONTENT_KEYS.includes(key)))
}

async function requeue(db: DaixaDb, row: RejectionRow, entry: (at: string) => OutboxEntry | null): Promise<void> {
  const at = new Date().toISOString()
  await db.transaction('rw', [db.outbox, db.rejections], async () => {
    const queued = entry(at)
    if (!queued) throw new ResendError('gone-locally')
    await db.outbox.add(queued)
    await db.rejections.update(row.id, { dismissedAt: at })
  })
}

async function resendAnnouncement(db: DaixaDb, row: RejectionRow, id: string): Promise<void> {
  const current = await db.announcements.get(id)
  if (!current) throw new ResendError('gone-locally')
  const isCreate = current.serverVersion == null
  const fields = picked(row.payload)
  await db.transaction('rw', [db.announcements, db.outbox, db.rejections], async () => {
    // the row shows the province's version again; the officer's change goes on top of it
    if (!isCreate && Object.keys(fields).length > 0) await db.announcements.update(id, fields)
    const latest = await db.announcements.get(id)
    await requeue(db, row, (at) =>
      outboxEntry('announcement', id, isCreate ? 'create' : 'update', isCreate ? latest : fields, at),
    )
  })
}

export async function resendRejection(
  db: DaixaDb,
  row: RejectionRow,
  options: { clusters?: ClusterChoice } = {},
): Promise<void> {
  const id = row.entityId ?? ''
  if (!fixFor(row.entity, row.reason).resend || row.op === 'delete') throw new ResendError('not-resendable')
  switch (row.entity) {
    case 'schedule': {
      const schedule = rejectedSchedule(row)
      if (!schedule || schedule.entries.length === 0) throw new ResendError('gone-locally')
      const clusters = options.clusters ?? (schedule.clusterChoice === 'chosen' ? schedule.clusterIds : 'all')
      await setDayEntries(db, schedule.date, schedule.sessionId, schedule.entries, new Date(), { clusters })
      await db.rejections.update(row.id, { dismissedAt: new Date().toISOString() })
      return
    }
    case 'announcement':
      return resendAnnouncement(db, row, id)
    case 'cluster': {
      const cluster = await db.clusters.get(id)
      return requeue(db, row, (at) => (cluster ? outboxEntry('cluster', id, 'create', cluster, at) : null))
    }
    case 'station':
      return requeue(db, row, (at) => outboxEntry('station', id, 'update', row.payload, at))
    case 'playLog':
    case 'deviceEvent': {
      const entity = row.entity === 'playLog' ? 'playLog' : 'deviceEvent'
      const exists = entity === 'playLog' ? await db.playLog.get(id) : await db.clusterEvents.get(id)
      return requeue(db, row, (at) => (exists ? outboxEntry(entity, id, 'create', null, at) : null))
    }
    default:
      throw new ResendError('not-resendable')
  }
}
