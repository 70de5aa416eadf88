import { describe, expect, it } from 'vitest'
import { errorFromAnswer, parseRetryAfter } from '../../../../src/renderer/sync/http-errors'

const now = Date.parse('2026-11-23T01:00:00Z')
const body = (code: string, extra: object = {}) => ({
  code,
  message: 'm',
  serverTime: '2026-11-23T01:00:05.000Z',
  ...extra,
})

describe('renderer/sync/http-errors', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('5', now)).toBe(5_000)
    expect(parseRetryAfter('Mon, 23 Nov 2026 01:00:30 GMT', now)).toBe(30_000)
    expect(parseRetryAfter('soon', now)).toBeNull()
    expect(parseRetryAfter(null, now)).toBeNull()
  })

  it('makes 5xx and 429 retryable with their delay, and keeps 401 codes apart', () => {
    const h = new Headers({ 'retry-after': '3' })
    expect(errorFromAnswer(429, h, body('rate-limited'), now)).toMatchObject({
      code: 'rate-limited',
      retryable: true,
      retryAfterMs: 3_000,
      serverTime: '2026-11-23T01:00:05.000Z',
    })
    expect(errorFromAnswer(503, new Headers(), body('unavailable', { retryAfterSeconds: 4 }), now).retryAfterMs).toBe(
      4_000,
    )
    expect(errorFromAnswer(401, new Headers(), body('token-expired'), now)).toMatchObject({
      code: 'token-expired',
      retryable: false,
    })
    expect(errorFromAnswer(410, new Headers(), body('resync-required'), now).code).toBe('resync-required')
  })

  it('classifies answers that are not the contract by their status (a proxy page)', () => {
    const h = new Headers({ 'x-server-time': '2026-11-23T01:00:00.000Z' })
    expect(errorFromAnswer(502, h, undefined, now)).toMatchObject({
      code: 'internal',
      retryable: true,
      message: 'HTTP 502',
    })
    expect(errorFromAnswer(404, h, { html: true }, now)).toMatchObject({ code: 'not-found', retryable: false })
  })
})
