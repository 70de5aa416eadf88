/**
 * The request pipeline of the reference province server:
 *   X-Server-Time header → test routes (test mode) → one seeded fault (test mode) → tus at /files
 *   or a Province API v1 route (auth, handler, response checked against the contract in test mode).
 * Faults before the handler model a request lost on the way in or a server refusing it; faults
 * after it (drop-after-commit, crash-after-*) model a committed effect whose answer is lost.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { randomUUID } from 'node:crypto'
import type { CrashPoint } from './atomic-file'
import { createHandlers, matchFileRoute, matchRoute, parseInput, type Handlers } from './api-routes'
import { mediaParamsSchema } from '../../src/shared/province/media'
import { serveMediaContent } from './media-content'
import type { RequestContext, ServerServices } from './context'
import type { FaultDecision } from './faults'
import { handlePublishRoute, PUBLISH_EMERGENCY_PATH } from './emergency-publish'
import { bearerToken, HttpError, readJsonBody, sendError, sendJson } from './http'
import type { MediaService } from './media'
import { handleTestRoute } from './test-routes'

export interface DispatchOptions {
  testMode: boolean
  allowCrash: boolean
  /** `POST /__demo__/emergency` (emergency-publish.ts): a demo or test server */
  publishRoute: boolean
  /** Waits `ms` (bounded by the caller) unless the server stops first. */
  sleep: (ms: number) => Promise<void>
}

const CRASH_POINT: Partial<Record<FaultDecision['kind'], CrashPoint>> = {
  'crash-before-write': 'before-write',
  'crash-after-temp': 'after-temp',
  'crash-after-commit': 'after-rename',
}

/** Makes the first byte of the answer destroy the connection instead (the lost-ack case). */
function loseAnswer(req: IncomingMessage, res: ServerResponse): void {
  const drop = (): ServerResponse => {
    req.socket.destroy()
    return res
  }
  res.writeHead = drop
  res.write = () => drop() && false
  res.end = drop
}

/** Cuts the connection once `limit` body bytes have been handed to the upload handler. */
function resetAfter(req: IncomingMessage, limit: number): void {
  let seen = 0
  const push = req.push.bind(req)
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (!Buffer.isBuffer(chunk) || seen >= limit) return push(chunk, encoding)
    seen += chunk.length
    if (seen < limit) return push(chunk, encoding)
    push(chunk.subarray(0, chunk.length - (seen - limit)))
    req.socket.destroy()
    return false
  }
}

type FaultStep = { stop: true } | { stop: false; crashHook: RequestContext['crashHook'] }

interface FaultEnv {
  options: DispatchOptions
  retryAfterSeconds: number
  answerError: (error: HttpError) => void
}

async function applyFault(
  decision: FaultDecision,
  req: IncomingMessage,
  res: ServerResponse,
  { options, retryAfterSeconds, answerError }: FaultEnv,
): Promise<FaultStep> {
  switch (decision.kind) {
    case 'drop-before-commit':
      req.socket.destroy()
      return { stop: true }
    case 'status-500':
      answerError(new HttpError('internal', 'injected fault: internal error'))
      return { stop: true }
    case 'status-503':
    case 'status-429': {
      const code = decision.kind === 'status-503' ? 'unavailable' : 'rate-limited'
      answerError(new HttpError(code, `injected fault: ${code}`, retryAfterSeconds))
      return { stop: true }
    }
    case 'hang':
      await options.sleep(decision.amount)
      req.socket.destroy()
      return { stop: true }
    case 'slow':
      await options.sleep(decision.amount)
      return { stop: false, crashHook: undefined }
    case 'drop-after-commit':
      loseAnswer(req, res)
      return { stop: false, crashHook: undefined }
    case 'reset-upload':
      resetAfter(req, decision.amount)
      return { stop: false, crashHook: undefined }
    case 'crash-before-write':
    case 'crash-after-temp':
    case 'crash-after-commit': {
      const point = CRASH_POINT[decision.kind]
      if (!options.allowCrash) return { stop: false, crashHook: undefined }
      return { stop: false, crashHook: (at) => at === point && process.kill(process.pid, 'SIGKILL') }
    }
  }
}

function contextFor(services: ServerServices, req: IncomingMessage, auth: 'none' | 'bearer', nowMs: number) {
  const address = req.socket.remoteAddress ?? 'unknown'
  const base = { nowMs, now: new Date(nowMs).toISOString(), crashHook: undefined, address }
  if (auth === 'none') return { ...base, communeId: '', username: '' }
  const token = bearerToken(req.headers.authorization)
  if (!token) throw new HttpError('unauthorized', 'Authorization: Bearer <accessToken> is required')
  const check = services.accounts.checkAccess(token, nowMs)
  if (!check.ok)
    throw new HttpError(check.code, check.code === 'token-expired' ? 'access token expired; refresh' : 'bad token')
  return { ...base, communeId: check.claims.c, username: check.claims.u }
}

interface ApiEnv {
  services: ServerServices
  handlers: Handlers
  serverTime: () => string
  testMode: boolean
}

async function answerApi(
  env: ApiEnv,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  crashHook: RequestContext['crashHook'],
) {
  const { services, handlers, serverTime, testMode } = env
  const match = matchRoute(req.method ?? 'GET', url.pathname)
  const ctx: RequestContext = { ...contextFor(services, req, match.route.auth, services.clock.now()), crashHook }
  const body = match.route.method === 'POST' ? await readJsonBody(req) : undefined
  const handler = handlers[match.name] as (input: Parameters<Handlers['push']>[0]) => Promise<object>
  const result = await handler({ ctx, query: Object.fromEntries(url.searchParams), params: match.params, body })
  const answer = { ...result, serverTime: serverTime() }
  if (testMode) {
    const checked = match.route.response.safeParse(answer)
    if (!checked.success) throw new Error(`answer of ${match.name} breaks the contract: ${checked.error.message}`)
  }
  sendJson(res, 200, answer)
}

export function createDispatcher(services: ServerServices, media: MediaService, options: DispatchOptions) {
  const serverTime = (): string => new Date(services.clock.now() + services.faults.config().clockOffsetMs).toISOString()
  const env: ApiEnv = { services, handlers: createHandlers(services, media), serverTime, testMode: options.testMode }
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    res.setHeader('X-Server-Time', serverTime())
    const answerError = (error: HttpError): void => sendError(res, error, serverTime())
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      if (options.testMode && url.pathname.startsWith('/__test__/')) {
        return await handleTestRoute(services, req, res, url, serverTime)
      }
      if (options.publishRoute && url.pathname === PUBLISH_EMERGENCY_PATH) {
        return await handlePublishRoute(services, req, res, serverTime)
      }
      const length = Number(req.headers['content-length'] ?? 0)
      const decision = options.testMode ? services.faults.decide(req.method ?? 'GET', url.pathname, length) : null
      const faultEnv = { options, retryAfterSeconds: services.faults.config().retryAfterSeconds, answerError }
      const step = decision ? await applyFault(decision, req, res, faultEnv) : { stop: false, crashHook: undefined }
      if (step.stop) return
      if (url.pathname === '/files' || url.pathname.startsWith('/files/')) return await media.tus.handle(req, res)
      const file = matchFileRoute(req.method ?? 'GET', url.pathname)
      if (file) {
        const ctx = { ...contextFor(services, req, 'bearer', services.clock.now()), crashHook: undefined }
        const { sha256 } = parseInput(mediaParamsSchema, file.params, 'path')
        return await serveMediaContent(services, services.library, ctx, req, res, sha256)
      }
      await answerApi(env, req, res, url, step.crashHook)
    } catch (error) {
      if (error instanceof HttpError) return answerError(error)
      const id = randomUUID()
      services.log(`province: request ${req.method ?? ''} ${req.url ?? ''} failed (${id}): ${String(error)}`)
      answerError(new HttpError('internal', `internal error ${id}`))
    }
  }
}
