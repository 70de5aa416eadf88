/**
 * `province:http`: the renderer's sync engine talks to the province through here. The request goes
 * only to the server the officer configured (https, or http on the loopback — checked when it was
 * set), under `/v1/`, with a timeout, no redirects, and an answer of at most 32 MB. A network
 * failure or timeout answers `disconnected`, which the connector maps to a retryable error.
 * The tokens are attached and absorbed here (`province-tokens.ts`): the page never holds them.
 */
import type { ProvinceHttpAnswer, ProvinceHttpRequest } from '../../../shared/ipc/province'
import { concatBytes } from '../../../shared/bytes'
import { ServiceError } from '../../../shared/result'
import type { ProvinceAccount } from './province-account'
import { authRouteOf, incoming, outgoing } from './province-tokens'

const MAX_ANSWER_BYTES = 32 * 1024 * 1024
/** Headers the connector reads; nothing else crosses back. */
const RETURNED_HEADERS = ['content-type', 'retry-after', 'date', 'x-server-time', 'location']

/**
 * The answer's bytes, read as they arrive and refused past MAX_ANSWER_BYTES — counted after
 * fetch has undone any Content-Encoding, so a small gzip that inflates to gigabytes stops at the
 * cap. A link that breaks mid-answer is `disconnected` (retryable), never an empty answer.
 */
async function readBody(response: Response, what: string): Promise<Uint8Array<ArrayBuffer>> {
  const reader: ReadableStreamDefaultReader<Uint8Array> | undefined = response.body?.getReader()
  if (!reader) return new Uint8Array(0)
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > MAX_ANSWER_BYTES) {
        await reader.cancel().catch(() => undefined)
        throw new ServiceError('corrupt', `province: the answer to ${what} is larger than ${MAX_ANSWER_BYTES} bytes`)
      }
      chunks.push(value)
    }
  } catch (error) {
    if (error instanceof ServiceError) throw error
    throw new ServiceError('disconnected', `province: ${what} broke off mid-answer: ${String(error)}`)
  }
  return concatBytes(chunks)
}

export type ProvinceHttp = (request: ProvinceHttpRequest) => Promise<ProvinceHttpAnswer>

export function createProvinceHttp(
  account: Pick<ProvinceAccount, 'connection' | 'session' | 'saveSession'>,
  fetchImpl = fetch,
): ProvinceHttp {
  // One refresh at a time (see province-tokens.ts): each one reads the token the previous stored.
  let refreshTail: Promise<unknown> = Promise.resolve()

  async function exchange(request: ProvinceHttpRequest): Promise<ProvinceHttpAnswer> {
    const { serverUrl } = await account.connection()
    if (!serverUrl) throw new ServiceError('not-found', 'province: no server address is set')
    const url = new URL(request.pathAndQuery, serverUrl)
    if (url.origin !== new URL(serverUrl).origin || !url.pathname.startsWith('/v1/'))
      throw new ServiceError('forbidden', "province: only the configured server's /v1/ routes")
    const route = authRouteOf(request.method, url.pathname)
    const out = await outgoing(request, route, account)
    if (out.kind === 'answer') return out.answer
    let response: Response
    try {
      response = await fetchImpl(url, {
        method: request.method,
        headers: out.headers,
        body: out.body ?? undefined,
        redirect: 'error',
        signal: AbortSignal.timeout(request.timeoutMs),
      })
    } catch (error) {
      throw new ServiceError('disconnected', `province: ${request.method} ${url.pathname} failed: ${String(error)}`)
    }
    const bytes = await readBody(response, `${request.method} ${url.pathname}`)
    const headers: Record<string, string> = {}
    for (const name of RETURNED_HEADERS) {
      const value = response.headers.get(name)
      if (value !== null) headers[name] = value
    }
    return incoming(route, { status: response.status, headers, body: bytes }, account)
  }

  return (request) => {
    if (request.method !== 'POST' || !request.pathAndQuery.startsWith('/v1/auth/refresh')) return exchange(request)
    const run = refreshTail.then(
      () => exchange(request),
      () => exchange(request),
    )
    refreshTail = run.catch(() => undefined)
    return run
  }
}
