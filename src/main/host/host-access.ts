/**
 * Who may use the browser host: the page the host's own printed address opened, nothing else.
 *
 * - A per-launch **key** is part of the address the host prints (`http://127.0.0.1:5199/?key=…`).
 *   A request carrying it is answered `303` to the same address without the key, setting a
 *   per-launch session **cookie** (`HttpOnly; SameSite=Strict; Path=/`): the page's scripts never
 *   see it, and other sites' pages never send it. Every other request — the app's files, `/media/`
 *   and the `/bridge` WebSocket upgrade — must carry that cookie. Another local process can forge
 *   `Origin`, but not a secret it was never given.
 * - The `Host` header must name the loopback (`127.0.0.1:<port>` or `localhost:<port>`): a page of
 *   a site whose DNS name is rebound to 127.0.0.1 sends its own name and is refused.
 * - Both values are compared in constant time and never logged. A new launch makes new ones, so
 *   after a host restart the address must be opened again (the tests' fixtures do so).
 *
 * Reference: RFC 6265bis (SameSite, HttpOnly); the same pattern as Jupyter's token URL.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

export const LAUNCH_KEY_PARAM = 'key'

export type AccessVerdict = { ok: true } | { ok: false; status: 401 | 421; reason: string }

export interface HostAccess {
  /** The address to print and open: the origin's root with the launch key. */
  launchUrl(origin: string): string
  /** The cookie's name (per port: two hosts on one machine do not overwrite each other's). */
  cookieName(): string
  /** Host + session cookie check for any request (HTTP or WebSocket upgrade). */
  check(req: IncomingMessage): AccessVerdict
  /**
   * Handles a request carrying the launch key: a right key gets the cookie and a redirect to the
   * same address without it; a wrong one gets 401. Returns false when the request has no key.
   */
  exchange(req: IncomingMessage, res: ServerResponse): boolean
}

export interface HostAccessOptions {
  /** The port the host listens on (known after `listen`). */
  port: () => number
  /** Fixed values for tests; normally random per launch. */
  launchKey?: string
  sessionValue?: string
}

const randomSecret = (): string => randomBytes(32).toString('base64url')

/** Constant-time equality of two strings (different lengths: false, still without early exit on content). */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8')
  const b = Buffer.from(expected, 'utf8')
  if (a.length !== b.length) {
    timingSafeEqual(b, b)
    return false
  }
  return timingSafeEqual(a, b)
}

/** The value of one cookie in a Cookie header (RFC 6265 §5.4 syntax), or null. */
export function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=')
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim()
  }
  return null
}

export function createHostAccess(options: HostAccessOptions): HostAccess {
  const launchKey = options.launchKey ?? randomSecret()
  const session = options.sessionValue ?? randomSecret()
  const cookieName = (): string => `daixa-session-${options.port()}`

  const isLoopbackHost = (host: string | undefined): boolean => {
    const port = options.port()
    const value = (host ?? '').toLowerCase()
    return value === `127.0.0.1:${port}` || value === `localhost:${port}`
  }

  /** Path and query of a request target, split without `new URL` (which throws on `//`). */
  const split = (req: IncomingMessage): { path: string; query: URLSearchParams } => {
    const target = req.url ?? '/'
    const at = target.indexOf('?')
    return at < 0
      ? { path: target, query: new URLSearchParams() }
      : { path: target.slice(0, at), query: new URLSearchParams(target.slice(at + 1)) }
  }

  return {
    launchUrl: (origin) => `${origin}/?${LAUNCH_KEY_PARAM}=${launchKey}`,
    cookieName,
    check(req) {
      if (!isLoopbackHost(req.headers.host)) return { ok: false, status: 421, reason: 'wrong Host header' }
      const given = cookieValue(req.headers.cookie, cookieName())
      if (given === null || !sameSecret(given, session))
        return { ok: false, status: 401, reason: 'no session cookie of this launch' }
      return { ok: true }
    },
    exchange(req, res) {
      const { path, query } = split(req)
      const given = query.get(LAUNCH_KEY_PARAM)
      if (given === null) return false
      if (!isLoopbackHost(req.headers.host)) {
        refuse(res, { ok: false, status: 421, reason: 'wrong Host header' })
        return true
      }
      if (!sameSecret(given, launchKey)) {
        refuse(res, { ok: false, status: 401, reason: 'wrong launch key' })
        return true
      }
      query.delete(LAUNCH_KEY_PARAM)
      const rest = query.toString()
      // Only a local path: `//evil.example` as a Location would leave the host.
      const location = path.startsWith('/') && !path.startsWith('//') ? path : '/'
      res.writeHead(303, {
        Location: rest ? `${location}?${rest}` : location,
        'Set-Cookie': `${cookieName()}=${session}; Path=/; HttpOnly; SameSite=Strict`,
        'Cache-Control': 'no-store',
        'Referrer-Policy': 'no-referrer',
      })
      res.end()
      return true
    },
  }
}

const REFUSAL_TEXT =
  'Đài Xã: hãy mở Đài Xã bằng đúng địa chỉ (có khóa) mà máy chủ in ra khi khởi động.\n' +
  'Đài Xã: open Đài Xã with the address (with its key) that the host printed when it started.\n'

/** The answer to a request that failed `check` or `exchange`: plain text, nothing cached. */
export function refuse(res: ServerResponse, verdict: AccessVerdict & { ok: false }): void {
  res.writeHead(verdict.status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  })
  res.end(REFUSAL_TEXT)
}
