import { describe, expect, it } from 'vitest'
import { v4 as uuidv4, v7 as uuidv7 } from 'uuid'
import { provinceApi } from '../../../../src/shared/province/api'
import { errorStatus, provinceErrorCodes } from '../../../../src/shared/province/common'
import { mutationSchema, pushEnvelopeSchema } from '../../../../src/shared/province/push'
import { pullQuerySchema } from '../../../../src/shared/province/pull'

const content = {
  title: 'Thông báo cắt điện',
  kind: 'notice',
  language: 'vi',
  priority: 'priority',
  source: 'speech',
  mediaHash: 'b'.repeat(64),
  durationMs: 12_000,
  author: null,
  createdAt: '2025-06-01T00:00:00.000Z',
}
const create = {
  mutationId: uuidv7(),
  entity: 'announcement',
  op: 'create',
  entityId: uuidv7(),
  baseVersion: null,
  payload: content,
}

describe('province api schemas', () => {
  it('accepts a create with a null baseVersion and a partial update with a version', () => {
    expect(mutationSchema.safeParse(create).success).toBe(true)
    const update = { ...create, op: 'update', baseVersion: 3, payload: { title: 'Mới' } }
    expect(mutationSchema.safeParse(update).success).toBe(true)
  })

  it('refuses a create with a baseVersion, a v4 mutation id and province-owned fields in a payload', () => {
    expect(mutationSchema.safeParse({ ...create, baseVersion: 1 }).success).toBe(false)
    expect(mutationSchema.safeParse({ ...create, mutationId: uuidv4() }).success).toBe(false)
    const moderation = { ...create, op: 'update', baseVersion: 1, payload: { moderation: { status: 'approved' } } }
    expect(mutationSchema.safeParse(moderation).success).toBe(false)
    expect(mutationSchema.safeParse({ ...create, entity: 'program' }).success).toBe(false)
  })

  it('lets the server envelope through a malformed mutation so it can be rejected on its own', () => {
    const envelope = { clientId: uuidv7(), schemaVersion: 1, mutations: [{ mutationId: 'x', entity: 'nope' }, create] }
    expect(pushEnvelopeSchema.parse(envelope).mutations[0]).toEqual({ mutationId: 'x', entity: 'nope' })
  })

  it('coerces the pull limit from the query string and bounds it', () => {
    expect(pullQuerySchema.parse({ cursor: 'c', limit: '50' })).toEqual({ cursor: 'c', limit: 50 })
    expect(pullQuerySchema.parse({ cursor: 'c', limit: '2000' })).toEqual({ cursor: 'c', limit: 2000 })
    expect(pullQuerySchema.safeParse({ cursor: 'c', limit: '2001' }).success).toBe(false)
    expect(pullQuerySchema.safeParse({ cursor: 'c', limit: '0' }).success).toBe(false)
  })

  it('maps every error code to an HTTP status and uses 410 for resync-required', () => {
    for (const code of provinceErrorCodes) expect(errorStatus[code]).toBeGreaterThanOrEqual(400)
    expect(errorStatus['resync-required']).toBe(410)
  })

  it('declares unique method+path pairs, bearer auth on every data route', () => {
    const routes = Object.values(provinceApi)
    expect(new Set(routes.map((r) => `${r.method} ${r.path}`)).size).toBe(routes.length)
    const open = routes.filter((r) => r.auth === 'none').map((r) => r.path)
    expect(open.sort()).toEqual(['/v1/auth/refresh', '/v1/auth/sign-in', '/v1/health'])
  })
})
