/**
 * Changes made on the province side of the reference server (the province's own editors): put or
 * delete programs and clusters, edit the station's licence, cancel a schedule, moderate an
 * announcement. Used by the demo seed and by tests through `POST /__test__/province`. They go
 * through the same change log as commune pushes, so clients pull them like any other change.
 */
import { z } from 'zod'
import { entityNameSchema } from '../../src/shared/province/common'
import {
  entityRecordSchema,
  moderationSchema,
  type EntityRecord,
  type Tombstone,
} from '../../src/shared/province/entities'
import { deleteRecord, getRecord, putRecord, tombstoneOf, type CommuneState } from './state'

export const provinceEditSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('put'), record: entityRecordSchema }),
  z.object({ action: z.literal('delete'), entity: entityNameSchema, id: z.string() }),
  z.object({ action: z.literal('cancel-schedule'), id: z.string(), reason: z.string() }),
  z.object({
    action: z.literal('moderate'),
    id: z.string(),
    status: moderationSchema.shape.status,
    reviewedBy: z.string(),
    reason: z.string().nullable(),
  }),
])
export type ProvinceEdit = z.infer<typeof provinceEditSchema>

export class EditError extends Error {}

function live(state: CommuneState, entity: EntityRecord['entity'], id: string): EntityRecord {
  const data = getRecord(state, entity, id)?.data
  if (!data) throw new EditError(`${entity} ${id} is not a live record`)
  return data
}

/** Applies one province-side edit; returns the new record or tombstone. */
export function applyProvinceEdit(state: CommuneState, edit: ProvinceEdit, now: string): EntityRecord | Tombstone {
  switch (edit.action) {
    case 'put':
      return putRecord(state, edit.record, 'province', now)
    case 'delete': {
      const stored = getRecord(state, edit.entity, edit.id)
      if (!stored) throw new EditError(`${edit.entity} ${edit.id} is not known`)
      return tombstoneOf(stored) ?? deleteRecord(state, stored, 'province', now)
    }
    case 'cancel-schedule': {
      const data = live(state, 'schedule', edit.id)
      if (data.entity !== 'schedule') throw new EditError('not a schedule')
      return putRecord(state, { ...data, status: 'cancelled', cancelledReason: edit.reason }, 'province', now)
    }
    case 'moderate': {
      const data = live(state, 'announcement', edit.id)
      if (data.entity !== 'announcement') throw new EditError('not an announcement')
      const moderation = { status: edit.status, reviewedBy: edit.reviewedBy, reviewedAt: now, reason: edit.reason }
      return putRecord(state, { ...data, moderation }, 'province', now)
    }
  }
}
