/**
 * Province API v1 — signing in with the commune account the province issued, and refreshing.
 *
 * Wire format: `POST /v1/auth/sign-in` {username, password, clientId} → a token pair; `POST
 * /v1/auth/refresh` {refreshToken} → a new pair. Access tokens are short-lived (minutes) and sent as
 * `Authorization: Bearer …`; an expired one is answered 401 `token-expired`, and the client refreshes
 * and retries. Refresh tokens rotate and work once: using a replaced one again is taken for theft
 * and revokes every token of that sign-in (the officer signs in again). Wrong passwords lock the
 * username for a while (423 `account-locked` with Retry-After).
 *
 * Example:
 *   POST /v1/auth/sign-in {"username":"xa-demo","password":"…","clientId":"0190f3c2-7b1e-7c4a-9f3e-2f4d1a9b0c11"}
 *   200 {"tokenType":"Bearer","accessToken":"…","accessExpiresAt":"…","refreshToken":"…","refreshExpiresAt":"…",
 *        "account":{…},"commune":{…},"serverTime":"…"}
 *
 * Reference: RFC 6749 §1.5 (refresh tokens), RFC 6750 (bearer usage), docs/province-api.md.
 */
import { z } from 'zod'
import { idSchema } from '../ids'
import { named, provinceIdSchema, provinceInstantSchema, withServerTime } from './common'

export const signInRequestSchema = named(
  'SignInRequest',
  z.object({
    username: z.string().min(1).max(100),
    password: z.string().min(1).max(200),
    /** The app installation (UUIDv7), for the province's audit log. */
    clientId: idSchema,
  }),
)
export type SignInRequest = z.infer<typeof signInRequestSchema>

export const tokenPairShape = {
  tokenType: z.literal('Bearer'),
  accessToken: z.string().min(1),
  accessExpiresAt: provinceInstantSchema,
  refreshToken: z.string().min(1),
  refreshExpiresAt: provinceInstantSchema,
}

export const communeSchema = named(
  'Commune',
  z.object({
    id: provinceIdSchema,
    code: z.string().min(1).max(20),
    name: z.string().min(1).max(200),
    provinceName: z.string().min(1).max(200),
  }),
)
export type Commune = z.infer<typeof communeSchema>

export const signInResponseSchema = named(
  'SignInResponse',
  withServerTime({
    ...tokenPairShape,
    account: z.object({ username: z.string(), displayName: z.string() }),
    commune: communeSchema,
  }),
)
export type SignInResponse = z.infer<typeof signInResponseSchema>

export const refreshRequestSchema = named('RefreshRequest', z.object({ refreshToken: z.string().min(1).max(200) }))
export type RefreshRequest = z.infer<typeof refreshRequestSchema>

export const refreshResponseSchema = named('RefreshResponse', withServerTime(tokenPairShape))
export type RefreshResponse = z.infer<typeof refreshResponseSchema>
