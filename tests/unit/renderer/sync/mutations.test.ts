import { describe, expect, it } from 'vitest'
import { routeOf, toMutation } from '../../../../src/renderer/sync/mutations'
import type { OutboxEntry } from '../../../../src/shared/model/outbox'

const entry = (patch: Partial<OutboxEntry>): OutboxEntry => ({
  id: '01900000-0000-7000-8000-000000000001',
  entity: 'announcement',
  entityId: '01900000-0000-7000-8000-0000000000a1',
  op: 'create',
  baseVersion: null,
  payload: null,
  createdAt: '2026-11-23T01:00:00.000Z',
  attempts: 0,
  ...patch,
})

const localRow = {
  id: '01900000-0000-7000-8000-0000000000a1',
  title: 'Thông báo',
  kind: 'notice',
  language: 'vi',
  priority: 'normal',
  approval: 'draft',
  source: 'recording',
  mediaHash: 'a'.repeat(64),
  durationMs: 5000.4,
  category: '',
  author: null,
  validFrom: null,
  validTo: null,
  approvedBy: null,
  approvedAt: null,
  createdAt: '2026-11-23T01:00:00.000Z',
  updatedAt: '2026-11-23T01:00:00.000Z',
}

describe('renderer/sync/mutations', () => {
  it('sends only the commune-owned content of a local row, with whole milliseconds', () => {
    const built = toMutation(entry({ payload: localRow }), null)
    expect(built.ok).toBe(true)
    if (!built.ok) return
    expect(built.mutation).toMatchObject({
      op: 'create',
      baseVersion: null,
      payload: { title: 'Thông báo', durationMs: 5000 },
    })
    expect(Object.keys(built.mutation.payload ?? {})).not.toContain('approval')
  })

  it('takes the base version from the caller and refuses an update the province cannot place', () => {
    const rename = entry({ op: 'update', payload: { title: 'Mới', updatedAt: '2026-11-23T02:00:00.000Z' } })
    expect(toMutation(rename, 3)).toMatchObject({ ok: true, mutation: { baseVersion: 3, payload: { title: 'Mới' } } })
    expect(toMutation(rename, null)).toMatchObject({ ok: false })
    expect(toMutation(entry({ op: 'update', payload: { title: '' } }), 1)).toMatchObject({ ok: false })
  })

  it('routes entries: pushed or sent as observations', () => {
    expect(routeOf({ entity: 'schedule' })).toBe('push')
    expect(routeOf({ entity: 'cluster' })).toBe('push')
    expect(routeOf({ entity: 'playLog' })).toBe('observation')
    expect(routeOf({ entity: 'deviceEvent' })).toBe('observation')
  })

  it('sends a cluster registration with the province’s fields only, and nothing after it', () => {
    const row = {
      id: '01900000-0000-7000-8000-0000000000c1',
      code: 'TL-07',
      name: 'Cụm chợ',
      hamlet: 'Ấp 3',
      technology: 'fm',
      status: 'working',
      address: 'Cạnh chợ',
      latitude: 9.6,
      longitude: 105.9,
      yearInstalled: 2024,
      origin: 'commune',
      serverVersion: null,
    }
    const registration = entry({ entity: 'cluster', entityId: row.id, payload: row })
    expect(toMutation(registration, null)).toEqual({
      ok: true,
      mutation: {
        mutationId: registration.id,
        entity: 'cluster',
        op: 'create',
        entityId: row.id,
        baseVersion: null,
        payload: {
          code: 'TL-07',
          name: 'Cụm chợ',
          hamlet: 'Ấp 3',
          technology: 'fm',
          status: 'working',
          latitude: 9.6,
          longitude: 105.9,
        },
      },
    })
    expect(toMutation({ ...registration, op: 'update' }, 1)).toMatchObject({ ok: false })
  })
})
