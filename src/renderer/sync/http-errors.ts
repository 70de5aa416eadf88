/**
 * Turning what came back from a province server (or did not) into a `ConnectorError`.
 *
 * Classification (docs/province-api.md, error table): no answer, a timeout, 5xx and 429 are
 * retryable, with `Retry-After` (seconds or an HTTP date, RFC 9110 §10.2.3) in milliseconds;
 * 401 keeps the server's code so the engine can tell `token-expired` (refresh) from the rest
 * (sign in); other 4xx are final. An answer that does not match the contract is `bad-response`.
 */
import type { ConnectorError } from '../../shared/province/connector'
import { errorBodySchema, provinceErrorCodes, type ProvinceErrorCode } from '../../shared/province/common'

/** `Retry-After` as milliseconds from `nowMs`, or null when absent or unreadable. */
export function parseRetryAfter(header: string | null, nowMs: number): number | null {
  if (header === null) return null
  const text = header.trim()
  if (/^\d+$/.test(text)) return Number(text) * 1000
  const date = Date.parse(text)
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs)
}

const fallbackCode = (status: number): ProvinceErrorCode => {
  if (status === 401) return 'unauthorized'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not-found'
  if (status === 410) return 'resync-required'
  if (status === 413) return 'payload-too-large'
  if (status === 426) return 'upgrade-required'
  if (status === 429) return 'rate-limited'
  if (status === 503) return 'unavailable'
  if (status >= 500) return 'internal'
  return 'invalid-request'
}

export const isRetryableStatus = (status: number): boolean => status === 429 || status >= 500

/** An error answer (status ≥ 400) as a ConnectorError; `body` is the parsed JSON or undefined. */
export function errorFromAnswer(status: number, headers: Headers, body: unknown, nowMs: number): ConnectorError {
  const parsed = errorBodySchema.safeParse(body)
  const known = parsed.success && (provinceErrorCodes as readonly string[]).includes(parsed.data.code)
  const code = known ? parsed.data.code : fallbackCode(status)
  const fromBody = parsed.success && parsed.data.retryAfterSeconds !== undefined ? parsed.data.retryAfterSeconds : null
  const retryAfterMs =
    parseRetryAfter(headers.get('retry-after'), nowMs) ?? (fromBody === null ? null : fromBody * 1000)
  return {
    code,
    message: parsed.success ? parsed.data.message : `HTTP ${status}`,
    status,
    retryable: isRetryableStatus(status),
    retryAfterMs,
    serverTime: parsed.success ? parsed.data.serverTime : headers.get('x-server-time'),
  }
}

/** A failure below HTTP: no connection, a reset, our own timeout. */
export function transportError(code: 'network' | 'timeout', message: string): ConnectorError {
  return { code, message, status: null, retryable: true, retryAfterMs: null, serverTime: null }
}

/** A 2xx answer that does not match the contract: retrying will not fix it. */
export function badResponse(status: number, message: string, serverTime: string | null): ConnectorError {
  return { code: 'bad-response', message, status, retryable: false, retryAfterMs: null, serverTime }
}
