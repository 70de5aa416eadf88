/**
 * Province API v1 — the wire pieces every route shares.
 *
 * Wire format: JSON over HTTPS, UTF-8, paths under `/v1`. Authenticated routes take
 * `Authorization: Bearer <accessToken>`. EVERY answer carries the server's clock: JSON bodies have
 * `serverTime` (ISO 8601 UTC) and every response, tus ones included, has an `X-Server-Time` header.
 * Errors are `{code, message, serverTime}` with a stable machine `code`; 429/503 add
 * `retryAfterSeconds` and a `Retry-After` header.
 *
 * Example error:
 *   HTTP/1.1 410 Gone
 *   {"code":"resync-required","message":"cursor is older than the change-log horizon","serverTime":"2025-06-01T07:12:00.000Z"}
 *
 * Reference: docs/province-api.md; the design in the team's sync-design notes (§6.5–6.8).
 */
import { z } from 'zod'
import { idSchema } from '../ids'
import { announcementSourceSchema } from '../model/announcement'
import { contentKindSchema, instantSchema } from '../model/common'

export const PROVINCE_API_VERSION = 'v1'

/** Named schemas of the API; the OpenAPI generator turns each into `#/components/schemas/<id>`. */
export const provinceSchemas = z.registry<{ id: string }>()

/** Registers `schema` under `id` in the API registry and returns it unchanged. */
export const named = <T extends z.ZodType>(id: string, schema: T): T => {
  provinceSchemas.add(schema, { id })
  return schema
}

export const provinceInstantSchema = named('Instant', instantSchema)
// Shared model schemas used by the API get a name too, so the document refers to them once.
named('Uuid', idSchema)
named('ContentKind', contentKindSchema)
named('AnnouncementSource', announcementSourceSchema)

/** Ids the province issues (programs, clusters, the station): opaque strings, vendor formats allowed. */
export const provinceIdSchema = named('ProvinceId', z.string().min(1).max(100))

/** Server-assigned version of a record: 1 on create, +1 on every change (a delete too). */
export const versionSchema = named('Version', z.number().int().positive())

/** Entities that travel through bootstrap/pull. */
export const entityNameSchema = named(
  'EntityName',
  z.enum(['station', 'program', 'cluster', 'schedule', 'announcement']),
)
export type EntityName = z.infer<typeof entityNameSchema>

export const provinceErrorCodes = [
  'invalid-request',
  'unauthorized',
  'token-expired',
  'invalid-credentials',
  'refresh-invalid',
  'account-locked',
  'forbidden',
  'not-found',
  'method-not-allowed',
  'cursor-invalid',
  'resync-required',
  'payload-too-large',
  'upgrade-required',
  'checksum-mismatch',
  'rate-limited',
  'internal',
  'unavailable',
] as const
export type ProvinceErrorCode = (typeof provinceErrorCodes)[number]

/** HTTP status that goes with each error code. */
export const errorStatus: Readonly<Record<ProvinceErrorCode, number>> = {
  'invalid-request': 400,
  unauthorized: 401,
  'token-expired': 401,
  'invalid-credentials': 401,
  'refresh-invalid': 401,
  'account-locked': 423,
  forbidden: 403,
  'not-found': 404,
  'method-not-allowed': 405,
  'cursor-invalid': 400,
  'resync-required': 410,
  'payload-too-large': 413,
  'upgrade-required': 426,
  'checksum-mismatch': 460,
  'rate-limited': 429,
  internal: 500,
  unavailable: 503,
}

export const errorBodySchema = named(
  'ErrorBody',
  z.object({
    code: z.enum(provinceErrorCodes),
    message: z.string(),
    serverTime: provinceInstantSchema,
    retryAfterSeconds: z.number().int().nonnegative().optional(),
  }),
)
export type ErrorBody = z.infer<typeof errorBodySchema>

/** The answer envelope: the route's own fields plus `serverTime`. */
export const withServerTime = <S extends z.ZodRawShape>(shape: S) =>
  z.object({ ...shape, serverTime: provinceInstantSchema })

/** One route of the API: the single source of truth for the server, connectors and OpenAPI. */
export interface RouteDef {
  readonly method: 'GET' | 'POST'
  /** OpenAPI-style path, parameters in braces: `/v1/media/{sha256}`. */
  readonly path: string
  readonly summary: string
  readonly auth: 'none' | 'bearer'
  readonly params?: z.ZodObject
  readonly query?: z.ZodObject
  readonly body?: z.ZodType
  /** The 200 body; always has `serverTime`. */
  readonly response: z.ZodObject
  /** Error codes this route may answer besides the generic ones (rate-limited, internal, unavailable). */
  readonly errors: readonly ProvinceErrorCode[]
}

/** Error codes any route may answer (load shedding, crashes). */
export const genericErrors: readonly ProvinceErrorCode[] = [
  'invalid-request',
  'rate-limited',
  'internal',
  'unavailable',
]
