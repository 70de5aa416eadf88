/**
 * province: the link to the province system as the main side keeps it — the server's address, who
 * signed in, and the token pair, stored encrypted with the OS keychain in Electron (safeStorage)
 * and, in the browser host, in a file of the data folder that only its owner may read. The
 * password is never stored: the renderer's sign-in request passes through `province:http`, and
 * main keeps the tokens of the answer. **No command hands a token to the renderer**: it holds
 * `TOKEN_HELD_BY_MAIN` instead, and main attaches the real ones to `province:http` and uploads.
 * A 401 after one refresh clears them and the officer signs in again.
 */
import { z } from 'zod'
import { command } from './define'
import { provinceUrlSchema } from './uploads'

/** What the renderer holds in place of either token (the answers of sign-in and refresh carry it). */
export const TOKEN_HELD_BY_MAIN = 'held-by-main'

export const provinceSessionSchema = z.object({
  username: z.string().min(1).max(100),
  displayName: z.string().max(200),
  communeName: z.string().max(200),
  accessToken: z.string().min(1).max(8192),
  accessExpiresAt: z.iso.datetime(),
  refreshToken: z.string().min(1).max(8192),
  refreshExpiresAt: z.iso.datetime(),
})
export type ProvinceSession = z.infer<typeof provinceSessionSchema>

export const provinceConnectionSchema = z.object({
  serverUrl: z.string().nullable(),
  username: z.string().nullable(),
  displayName: z.string().nullable(),
  communeName: z.string().nullable(),
  isSignedIn: z.boolean(),
  /** How the tokens are protected here: the OS keychain, or a file readable by its owner only. */
  protection: z.enum(['os-keychain', 'owner-only-file']),
})
export type ProvinceConnection = z.infer<typeof provinceConnectionSchema>

/**
 * One HTTP exchange with the province, made by the main side on the renderer's behalf
 * (`province:http`): the renderer's CSP allows no connection to the outside, the province server
 * needs no CORS, TLS is Node's, and only the configured server's `/v1/` routes can be reached.
 */
const forwardedHeader = z.enum(['authorization', 'content-type', 'accept', 'idempotency-key'])
export const provinceHttpRequestSchema = z.object({
  method: z.enum(['GET', 'POST']),
  /** Path and query under the configured server, e.g. `/v1/pull?cursor=…`. */
  pathAndQuery: z
    .string()
    .max(4000)
    // No dots in the path: no `..` climbs out of /v1/ (the main side checks again after resolving).
    .regex(/^\/v1\/[A-Za-z0-9/_~%-]*(\?[^#\s]*)?$/, 'expected a /v1/ path of the province API'),
  headers: z.partialRecord(forwardedHeader, z.string().max(8192)),
  body: z
    .string()
    .max(8 * 1024 * 1024)
    .nullable(),
  timeoutMs: z.number().int().min(100).max(300_000),
})
export type ProvinceHttpRequest = z.infer<typeof provinceHttpRequestSchema>

export const provinceHttpAnswerSchema = z.object({
  status: z.number().int().min(100).max(599),
  headers: z.record(z.string(), z.string()),
  /**
   * The answer's bytes as the server sent them: a bootstrap page of 2000 records is ~1 MB of JSON,
   * which as a string would be escaped into the bridge frame and parsed out of it again.
   */
  body: z.instanceof(Uint8Array),
})
export type ProvinceHttpAnswer = z.infer<typeof provinceHttpAnswerSchema>

export const provinceCommands = {
  'province:http': command(provinceHttpRequestSchema, provinceHttpAnswerSchema),
  'province:connection': command(z.object({}), provinceConnectionSchema),
  'province:setServer': command(z.object({ serverUrl: provinceUrlSchema }), provinceConnectionSchema),
  'province:signOut': command(z.object({}), provinceConnectionSchema),
}
