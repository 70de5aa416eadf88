/**
 * Province API v1 routes of the reference server: one handler per entry of `provinceApi`, matched
 * by method and path from that table (the single source of truth). Handlers parse their own input
 * with the contract's schemas and return the answer without `serverTime`, which the dispatcher adds.
 */
import type { z } from 'zod'
import { provinceApi, type ProvinceApi, type RouteName } from '../../src/shared/province/api'
import { refreshRequestSchema, signInRequestSchema } from '../../src/shared/province/auth'
import type { RouteDef } from '../../src/shared/province/common'
import { createMediaUploadRequestSchema, mediaParamsSchema } from '../../src/shared/province/media'
import { bootstrapQuerySchema, pullQuerySchema } from '../../src/shared/province/pull'
import type { RequestContext, ServerServices } from './context'
import { HttpError } from './http'
import type { MediaService } from './media'
import { handleObservations } from './observations'
import { handlePush } from './push'
import { handleBootstrap, handlePull } from './sync-read'

export interface RouteInput {
  ctx: RequestContext
  query: Record<string, string>
  params: Record<string, string>
  body: unknown
}

type Output<K extends RouteName> = Omit<z.output<ProvinceApi[K]['response']>, 'serverTime'>
export type Handlers = { [K in RouteName]: (input: RouteInput) => Promise<Output<K>> }

export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  throw new HttpError(
    'invalid-request',
    `${what}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`.trim(),
  )
}

export function createHandlers(services: ServerServices, media: MediaService): Handlers {
  const now = () => services.clock.now()
  return {
    health: () => Promise.resolve({ status: 'ok', apiVersion: 'v1' }),
    signIn: async ({ ctx, body }) => {
      const request = parseInput(signInRequestSchema, body, 'sign-in body')
      const session = await services.accounts.signIn(request.username, request.password, now(), ctx.address)
      if (!session) throw new HttpError('invalid-credentials', 'username or password is wrong')
      services.log(`auth: ${request.username} signed in from client ${request.clientId}`)
      const account = { username: session.account.username, displayName: session.account.displayName }
      return { ...session.tokens, account, commune: session.commune }
    },
    refresh: async ({ body }) => {
      const request = parseInput(refreshRequestSchema, body, 'refresh body')
      const outcome = await services.accounts.refresh(request.refreshToken, now())
      if (outcome.kind === 'reused')
        throw new HttpError(
          'refresh-invalid',
          'refresh token was already used: every session of that sign-in is revoked',
        )
      if (outcome.kind === 'invalid') throw new HttpError('refresh-invalid', 'refresh token is unknown or expired')
      return outcome.tokens
    },
    bootstrap: ({ ctx, query }) => handleBootstrap(services, ctx, parseInput(bootstrapQuerySchema, query, 'query')),
    pull: ({ ctx, query }) => handlePull(services, ctx, parseInput(pullQuerySchema, query, 'query')),
    push: ({ ctx, body }) => handlePush(services, ctx, body),
    observations: ({ ctx, body }) => handleObservations(services, ctx, body),
    createMediaUpload: ({ ctx, body }) =>
      media.createUpload(ctx, parseInput(createMediaUploadRequestSchema, body, 'media body')),
    mediaStatus: ({ ctx, params }) => media.status(ctx, parseInput(mediaParamsSchema, params, 'path').sha256),
  }
}

export interface RouteMatch {
  name: RouteName
  route: RouteDef
  params: Record<string, string>
}

const compiled = (Object.entries(provinceApi) as [RouteName, RouteDef][]).map(([name, route]) => {
  const keys: string[] = []
  const pattern = route.path.replace(/\{(\w+)\}/g, (_match, key: string) => {
    keys.push(key)
    return '([^/]+)'
  })
  return { name, route, keys, regex: new RegExp(`^${pattern}$`) }
})

/** The route for a request; `not-found` / `method-not-allowed` when there is none. */
export function matchRoute(method: string, path: string): RouteMatch {
  let pathMatched = false
  for (const entry of compiled) {
    const found = entry.regex.exec(path)
    if (!found) continue
    pathMatched = true
    if (entry.route.method !== method) continue
    const params = Object.fromEntries(entry.keys.map((key, i) => [key, decodeURIComponent(found[i + 1] ?? '')]))
    return { name: entry.name, route: entry.route, params }
  }
  if (pathMatched) throw new HttpError('method-not-allowed', `${method} is not allowed on ${path}`)
  throw new HttpError('not-found', `no route ${path}`)
}
