/**
 * Province API v1 — the route table. The reference server dispatches on it, connectors call it and
 * the OpenAPI document (docs/province-api-v1.openapi.json) is generated from it: the one source of
 * truth for the commune ↔ province contract. Media bytes go through tus at the endpoint
 * `media.createUpload` returns (not a route here: tus has its own protocol).
 *
 * Wire format and examples: the header of each area's module; docs/province-api.md.
 */
import { z } from 'zod'
import { named, PROVINCE_API_VERSION, withServerTime, type RouteDef } from './common'
import { refreshRequestSchema, refreshResponseSchema, signInRequestSchema, signInResponseSchema } from './auth'
import {
  createMediaUploadRequestSchema,
  createMediaUploadResponseSchema,
  mediaParamsSchema,
  mediaStatusResponseSchema,
} from './media'
import { observationsRequestSchema, observationsResponseSchema } from './observations'
import { bootstrapQuerySchema, bootstrapResponseSchema, pullQuerySchema, pullResponseSchema } from './pull'
import { pushRequestSchema, pushResponseSchema } from './push'

export const healthResponseSchema = named(
  'HealthResponse',
  withServerTime({ status: z.literal('ok'), apiVersion: z.literal(PROVINCE_API_VERSION) }),
)
export type HealthResponse = z.infer<typeof healthResponseSchema>

export const provinceApi = {
  health: {
    method: 'GET',
    path: '/v1/health',
    summary: 'Reachability probe: tiny, unauthenticated, never cached.',
    auth: 'none',
    response: healthResponseSchema,
    errors: [],
  },
  signIn: {
    method: 'POST',
    path: '/v1/auth/sign-in',
    summary:
      'Sign in with the commune account the province issued; returns access and refresh tokens. Wrong passwords lock the username for a while (423 account-locked, Retry-After); too many failures from one address answer 429.',
    auth: 'none',
    body: signInRequestSchema,
    response: signInResponseSchema,
    errors: ['invalid-credentials', 'account-locked', 'rate-limited', 'payload-too-large'],
  },
  refresh: {
    method: 'POST',
    path: '/v1/auth/refresh',
    summary:
      'Exchange a refresh token for a new token pair. Each refresh token works once: using a replaced one revokes every token of that sign-in.',
    auth: 'none',
    body: refreshRequestSchema,
    response: refreshResponseSchema,
    errors: ['refresh-invalid'],
  },
  bootstrap: {
    method: 'GET',
    path: '/v1/bootstrap',
    summary: 'Page through a snapshot of every live record; the last page returns the pull cursor.',
    auth: 'bearer',
    query: bootstrapQuerySchema,
    response: bootstrapResponseSchema,
    errors: ['unauthorized', 'token-expired', 'cursor-invalid', 'resync-required'],
  },
  pull: {
    method: 'GET',
    path: '/v1/pull',
    summary: 'Changes (records and tombstones) after a server-issued cursor, in log order, paged.',
    auth: 'bearer',
    query: pullQuerySchema,
    response: pullResponseSchema,
    errors: ['unauthorized', 'token-expired', 'cursor-invalid', 'resync-required'],
  },
  push: {
    method: 'POST',
    path: '/v1/push',
    summary: 'Apply a batch of outbox mutations; one applied/duplicate/rejected result per mutation.',
    auth: 'bearer',
    body: pushRequestSchema,
    response: pushResponseSchema,
    errors: ['unauthorized', 'token-expired', 'payload-too-large', 'upgrade-required'],
  },
  observations: {
    method: 'POST',
    path: '/v1/observations',
    summary: 'Append as-played log entries and cluster observations; idempotent by entry id.',
    auth: 'bearer',
    body: observationsRequestSchema,
    response: observationsResponseSchema,
    errors: ['unauthorized', 'token-expired', 'payload-too-large'],
  },
  createMediaUpload: {
    method: 'POST',
    path: '/v1/media/uploads',
    summary: 'Declare an audio file by SHA-256; returns its state and the tus endpoint and metadata to upload it.',
    auth: 'bearer',
    body: createMediaUploadRequestSchema,
    response: createMediaUploadResponseSchema,
    errors: ['unauthorized', 'token-expired'],
  },
  mediaStatus: {
    method: 'GET',
    path: '/v1/media/{sha256}',
    summary: 'Whether the province holds verified bytes for this SHA-256.',
    auth: 'bearer',
    params: mediaParamsSchema,
    response: mediaStatusResponseSchema,
    errors: ['unauthorized', 'token-expired'],
  },
} as const satisfies Record<string, RouteDef>

export type ProvinceApi = typeof provinceApi
export type RouteName = keyof ProvinceApi
