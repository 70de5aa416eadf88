/**
 * The Province API v1 adapter of `ProvinceConnector`: JSON over `fetch`.
 *
 * Wire format: docs/province-api.md (routes from `provinceApi`, the one source of truth). Every
 * call has its own timeout (an AbortController; `fetch` has none), every answer is parsed with the
 * route's zod schema before it is returned, and failures are answered as `ConnectorError`s
 * (http-errors.ts) — this module never throws for an expected failure.
 *
 *   const province = createHttpConnector({ baseUrl: 'https://province.example.vn' })
 *   const answer = await province.pull({ accessToken }, { cursor })
 *   if (!answer.ok && answer.error.retryable) … back off, honour answer.error.retryAfterMs
 *
 * Reference: WHATWG fetch + AbortController; RFC 6750 (bearer tokens); tus 1.0 for media bytes.
 */
import type { z } from 'zod'
import { provinceApi, type RouteName } from '../../shared/province/api'
import type {
  AccessToken,
  CallOptions,
  ConnectorResult,
  MediaUploadTarget,
  ProvinceConnector,
} from '../../shared/province/connector'
import type { CreateMediaUploadResponse } from '../../shared/province/media'
import { badResponse, errorFromAnswer, transportError } from './http-errors'

export interface HttpConnectorOptions {
  /** Origin of the province server, e.g. `https://dai.tinh.gov.vn` (no trailing `/v1`). */
  baseUrl: string
  /** Per-call timeout; the sync design says 30 s for push/pull. */
  timeoutMs?: number
  /** Timeout of the reachability probe. */
  probeTimeoutMs?: number
  fetch?: typeof fetch
  now?: () => number
}

export interface HttpConnector extends ProvinceConnector {
  /** `GET /v1/health`: true when the server answered as the contract says. */
  health(options?: CallOptions): Promise<ConnectorResult<{ serverTime: string }>>
}

interface Request {
  route: RouteName
  auth?: AccessToken
  query?: Record<string, string | number | undefined>
  params?: Record<string, string>
  body?: unknown
  options?: CallOptions
  timeoutMs?: number
}

const DEFAULT_TIMEOUT_MS = 30_000
const DEFAULT_PROBE_TIMEOUT_MS = 5_000

function buildUrl(baseUrl: string, request: Request): URL {
  const def = provinceApi[request.route]
  const path = def.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(request.params?.[name] ?? ''))
  const url = new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`)
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value))
  }
  return url
}

/** Aborts the fetch when our timeout fires or the caller's signal aborts. */
function linkAbort(options: CallOptions | undefined, timeoutMs: number) {
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, timeoutMs)
  const outer = options?.signal
  const onAbort = (): void => controller.abort()
  // An AbortSignal has events; a bare CancelSignal (src/shared has no DOM types) is polled.
  const events = outer && 'addEventListener' in outer ? (outer as AbortSignal) : null
  events?.addEventListener('abort', onAbort, { once: true })
  const poll = outer && !events ? setInterval(() => outer.aborted && onAbort(), 100) : null
  if (outer?.aborted) onAbort()
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    done: () => {
      clearTimeout(timer)
      if (poll) clearInterval(poll)
      events?.removeEventListener('abort', onAbort)
    },
  }
}

export function createHttpConnector(options: HttpConnectorOptions): HttpConnector {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init))
  const now = options.now ?? Date.now
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS

  async function send<S extends z.ZodType>(request: Request, schema: S): Promise<ConnectorResult<z.infer<S>>> {
    const def = provinceApi[request.route]
    const headers: Record<string, string> = { accept: 'application/json' }
    if (request.auth) headers.authorization = `Bearer ${request.auth.accessToken}`
    if (request.body !== undefined) headers['content-type'] = 'application/json'
    const abort = linkAbort(request.options, request.timeoutMs ?? timeoutMs)
    try {
      const response = await doFetch(buildUrl(options.baseUrl, request), {
        method: def.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: abort.signal,
        cache: 'no-store',
      })
      const text = await response.text()
      let json: unknown = undefined
      try {
        json = text.length > 0 ? (JSON.parse(text) as unknown) : undefined
      } catch {
        json = undefined
      }
      if (response.status >= 400)
        return { ok: false, error: errorFromAnswer(response.status, response.headers, json, now()) }
      const parsed = schema.safeParse(json)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        const where = issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'
        return {
          ok: false,
          error: badResponse(response.status, `${request.route}: ${where}`, response.headers.get('x-server-time')),
        }
      }
      return { ok: true, value: parsed.data }
    } catch (error) {
      if (abort.timedOut())
        return { ok: false, error: transportError('timeout', `${request.route}: no answer in time`) }
      const message = error instanceof Error ? error.message : String(error)
      return { ok: false, error: transportError('network', `${request.route}: ${message}`) }
    } finally {
      abort.done()
    }
  }

  const absolute = (endpoint: string): string => new URL(endpoint, options.baseUrl).toString()

  return {
    kind: 'daixa-v1',
    health: (o) =>
      send(
        { route: 'health', options: o, timeoutMs: options.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS },
        provinceApi.health.response,
      ),
    signIn: (body, o) => send({ route: 'signIn', body, options: o }, provinceApi.signIn.response),
    refresh: (body, o) => send({ route: 'refresh', body, options: o }, provinceApi.refresh.response),
    bootstrap: (auth, query, o) =>
      send({ route: 'bootstrap', auth, query, options: o }, provinceApi.bootstrap.response),
    pull: (auth, query, o) => send({ route: 'pull', auth, query, options: o }, provinceApi.pull.response),
    push: (auth, body, o) => send({ route: 'push', auth, body, options: o }, provinceApi.push.response),
    uploadObservations: (auth, body, o) =>
      send({ route: 'observations', auth, body, options: o }, provinceApi.observations.response),
    createMediaUpload: (auth, body, o) =>
      send({ route: 'createMediaUpload', auth, body, options: o }, provinceApi.createMediaUpload.response),
    mediaUploadTarget: (auth, answer: CreateMediaUploadResponse): MediaUploadTarget | null =>
      answer.upload === null
        ? null
        : {
            endpoint: absolute(answer.upload.endpoint),
            headers: { authorization: `Bearer ${auth.accessToken}` },
            metadata: { ...answer.upload.metadata },
          },
    mediaStatus: (auth, sha256, o) =>
      send({ route: 'mediaStatus', auth, params: { sha256 }, options: o }, provinceApi.mediaStatus.response),
  }
}
