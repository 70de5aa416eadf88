/**
 * A `fetch` for the HTTP connector that sends each request through the main side
 * (`province:http`): the page itself never connects to the province (its CSP forbids it, and the
 * province needs no CORS). The main side adds the configured server's origin; only the path,
 * query, method, the connector's headers and body cross the bridge. An abort rejects at once with
 * an AbortError, as `fetch` does; the main side enforces its own timeout.
 */
import type { ProvinceHttpRequest } from '../../../shared/ipc/province'
import type { BridgeCall } from './bridge-port'

const DEFAULT_TIMEOUT_MS = 60_000
const NULL_BODY_STATUS = new Set([101, 204, 205, 304])

function forwardedHeaders(init: RequestInit | undefined): ProvinceHttpRequest['headers'] {
  const out: ProvinceHttpRequest['headers'] = {}
  new Headers(init?.headers).forEach((value, name) => {
    if (name === 'authorization' || name === 'content-type' || name === 'accept' || name === 'idempotency-key')
      out[name] = value
  })
  return out
}

const abortError = () => new DOMException('The operation was aborted.', 'AbortError')

export function createBridgeFetch(call: BridgeCall, timeoutMs = DEFAULT_TIMEOUT_MS): typeof fetch {
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    const method = (init?.method ?? 'GET').toUpperCase()
    if (method !== 'GET' && method !== 'POST') throw new TypeError(`bridge-fetch: ${method} is not used by the API`)
    if (init?.body !== undefined && init.body !== null && typeof init.body !== 'string')
      throw new TypeError('bridge-fetch: only string bodies are sent')
    const signal = init?.signal
    if (signal?.aborted) throw abortError()
    const answer = call('province:http', {
      method,
      pathAndQuery: `${url.pathname}${url.search}`,
      headers: forwardedHeaders(init),
      body: init?.body ?? null,
      timeoutMs,
    })
    const aborted = new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(abortError())))
    const result = await Promise.race([answer, aborted])
    return new Response(NULL_BODY_STATUS.has(result.status) ? null : result.body, {
      status: result.status,
      headers: result.headers,
    })
  }
}
