/**
 * Passwords and tokens of the reference province server (node:crypto only).
 *
 * Password hash: `scrypt$<N>$<r>$<p>$<salt b64url>$<key b64url>` (RFC 7914; N=16384, r=8, p=1, 32-byte
 * key), compared in constant time. Access token: `v1.<payload b64url>.<HMAC-SHA256 b64url>` with
 * payload `{"u":username,"c":communeId,"exp":ms,"f":family}`; stateless, checked by signature then expiry.
 * Refresh token: 32 random bytes (b64url); only its SHA-256 is stored.
 *
 * Example access token payload: {"u":"xa-demo","c":"xa-demo","exp":1748762400000,"f":"3f1c…"}
 */
import { createHash, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 }

function scryptKey(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, SCRYPT.keylen, { N, r, p }, (error, key) => (error ? reject(error) : resolve(key)))
  })
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scryptKey(password, salt, SCRYPT.N, SCRYPT.r, SCRYPT.p)
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false
  const expected = Buffer.from(key, 'base64url')
  const actual = await scryptKey(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p))
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/** `f`: the token family (one per sign-in), so a detected refresh-token reuse can revoke it. */
const accessPayloadSchema = z.object({ u: z.string(), c: z.string(), exp: z.number(), f: z.string().optional() })
export type AccessClaims = z.infer<typeof accessPayloadSchema>

const sign = (secret: Buffer, text: string): Buffer => createHmac('sha256', secret).update(text).digest()

export function issueAccessToken(secret: Buffer, claims: AccessClaims): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url')
  return `v1.${payload}.${sign(secret, payload).toString('base64url')}`
}

export type AccessCheck = { ok: true; claims: AccessClaims } | { ok: false; code: 'unauthorized' | 'token-expired' }

export function checkAccessToken(secret: Buffer, token: string, nowMs: number): AccessCheck {
  const [version, payload, signature] = token.split('.')
  if (version !== 'v1' || !payload || !signature) return { ok: false, code: 'unauthorized' }
  const expected = sign(secret, payload)
  const actual = Buffer.from(signature, 'base64url')
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected))
    return { ok: false, code: 'unauthorized' }
  let claims: AccessClaims
  try {
    claims = accessPayloadSchema.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')))
  } catch {
    return { ok: false, code: 'unauthorized' }
  }
  return claims.exp <= nowMs ? { ok: false, code: 'token-expired' } : { ok: true, claims }
}

export const newRefreshToken = (): string => randomBytes(32).toString('base64url')

export const refreshTokenKey = (token: string): string => createHash('sha256').update(token).digest('hex')
