import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { v7 as uuidv7 } from 'uuid'
import { errorBodySchema } from '../../../src/shared/province/common'
import { refreshResponseSchema, signInResponseSchema } from '../../../src/shared/province/auth'
import { DEMO_ACCOUNT } from '../../province-server/demo-seed'
import { call, signIn, startTestServer, testPost, type TestServer } from './helpers'

let t: TestServer

beforeAll(async () => {
  t = await startTestServer({ accessTtlMs: 60_000 })
})
afterAll(async () => {
  await t.stop()
})

describe('province server auth', () => {
  it('signs in with the commune account and returns a token pair and the commune', async () => {
    const answer = await call(t.url, 'POST', '/v1/auth/sign-in', {
      body: { username: DEMO_ACCOUNT.username, password: DEMO_ACCOUNT.password, clientId: uuidv7() },
    })
    expect(answer.status).toBe(200)
    const body = signInResponseSchema.parse(answer.body)
    expect(body.commune.id).toBe('xa-demo')
    expect(Date.parse(body.accessExpiresAt) - Date.parse(body.serverTime)).toBeLessThanOrEqual(60_000)
    expect(answer.headers.get('x-server-time')).toMatch(/Z$/)
  })

  it('answers 401 invalid-credentials with serverTime when the password is wrong', async () => {
    const answer = await call(t.url, 'POST', '/v1/auth/sign-in', {
      body: { username: DEMO_ACCOUNT.username, password: 'wrong', clientId: uuidv7() },
    })
    expect(answer.status).toBe(401)
    expect(errorBodySchema.parse(answer.body).code).toBe('invalid-credentials')
  })

  it('answers 401 unauthorized without a token and with a forged one', async () => {
    const none = await call(t.url, 'GET', '/v1/bootstrap')
    expect([none.status, none.body.code]).toEqual([401, 'unauthorized'])
    const { accessToken } = await signIn(t.url)
    const forged = accessToken.slice(0, -4) + (accessToken.endsWith('AAAA') ? 'BBBB' : 'AAAA')
    const bad = await call(t.url, 'GET', '/v1/bootstrap', { token: forged })
    expect([bad.status, bad.body.code]).toEqual([401, 'unauthorized'])
  })

  it('answers 401 token-expired once the access token is older than its lifetime, and refresh fixes it', async () => {
    const session = await signIn(t.url)
    expect((await call(t.url, 'GET', '/v1/bootstrap', { token: session.accessToken })).status).toBe(200)
    await testPost(t.url, 'clock', { advanceMs: 61_000 })
    const expired = await call(t.url, 'GET', '/v1/bootstrap', { token: session.accessToken })
    expect([expired.status, expired.body.code]).toEqual([401, 'token-expired'])
    const refreshed = await call(t.url, 'POST', '/v1/auth/refresh', { body: { refreshToken: session.refreshToken } })
    const pair = refreshResponseSchema.parse(refreshed.body)
    expect(pair.refreshToken).not.toBe(session.refreshToken)
    expect((await call(t.url, 'GET', '/v1/bootstrap', { token: pair.accessToken })).status).toBe(200)
  })

  it('revokes the whole family when a rotated refresh token is used again, access tokens included', async () => {
    const session = await signIn(t.url)
    const first = await call(t.url, 'POST', '/v1/auth/refresh', { body: { refreshToken: session.refreshToken } })
    expect(first.status).toBe(200)
    const rotated = refreshResponseSchema.parse(first.body)
    expect((await call(t.url, 'GET', '/v1/bootstrap', { token: rotated.accessToken })).status).toBe(200)

    // The replaced token comes back (stolen, or a lost answer): refused at once, no grace, no second pair.
    const reused = await call(t.url, 'POST', '/v1/auth/refresh', { body: { refreshToken: session.refreshToken } })
    expect([reused.status, reused.body.code]).toEqual([401, 'refresh-invalid'])
    expect(String(reused.body.message)).toMatch(/already used/)
    // The family is gone: the newest refresh token and the access tokens of this sign-in too.
    const newest = await call(t.url, 'POST', '/v1/auth/refresh', { body: { refreshToken: rotated.refreshToken } })
    expect([newest.status, newest.body.code]).toEqual([401, 'refresh-invalid'])
    for (const token of [session.accessToken, rotated.accessToken]) {
      const refused = await call(t.url, 'GET', '/v1/bootstrap', { token })
      expect([refused.status, refused.body.code]).toEqual([401, 'unauthorized'])
    }
    // Another sign-in of the same account is its own family and is not touched.
    const other = await signIn(t.url)
    expect((await call(t.url, 'GET', '/v1/bootstrap', { token: other.accessToken })).status).toBe(200)
    const unknown = await call(t.url, 'POST', '/v1/auth/refresh', { body: { refreshToken: 'nope' } })
    expect(unknown.status).toBe(401)
  })

  it('reports a skewed serverTime when the clock-offset fault is set', async () => {
    await testPost(t.url, 'faults', { clockOffsetMs: 3_600_000 })
    const answer = await call(t.url, 'GET', '/v1/health')
    await testPost(t.url, 'faults', {})
    const skew = Date.parse(String(answer.body.serverTime)) - Date.now()
    expect(skew).toBeGreaterThan(3_500_000)
    expect(Date.parse(answer.headers.get('x-server-time') ?? '') - Date.now()).toBeGreaterThan(3_500_000)
  })
})
