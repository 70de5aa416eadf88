/**
 * The province tokens never leave the main process. The renderer's sync engine keeps its shape
 * (a token store, one refresh on `token-expired`), but what it holds is the placeholder
 * `TOKEN_HELD_BY_MAIN`; here, on the way through `province:http`:
 *
 * - every authenticated request gets the stored access token (whatever Authorization the page
 *   sent is dropped);
 * - `POST /v1/auth/refresh` gets the stored refresh token in its body;
 * - a `200` answer to sign-in or refresh is parsed, its pair sealed into the session file, and the
 *   page receives the answer with both tokens replaced by the placeholder.
 *
 * Refreshes run one at a time: the province revokes a token family when a rotated refresh token is
 * used again, and two refreshes sent side by side with the same token would do exactly that.
 */
import { provinceApi } from '../../../shared/province/api'
import { refreshResponseSchema, signInResponseSchema } from '../../../shared/province/auth'
import { TOKEN_HELD_BY_MAIN, type ProvinceHttpAnswer, type ProvinceHttpRequest } from '../../../shared/ipc/province'
import { ServiceError } from '../../../shared/result'
import type { ProvinceAccount } from './province-account'

export type AuthRoute = 'sign-in' | 'refresh' | null

export function authRouteOf(method: string, pathname: string): AuthRoute {
  if (method !== 'POST') return null
  if (pathname === provinceApi.signIn.path) return 'sign-in'
  if (pathname === provinceApi.refresh.path) return 'refresh'
  return null
}

export type Outgoing =
  | { kind: 'send'; headers: Record<string, string>; body: string | null }
  | { kind: 'answer'; answer: ProvinceHttpAnswer }

const encoder = new TextEncoder()

/** An answer made here, in the API's error shape (no session to refresh: sign in again). */
function localError(status: number, code: string, message: string): ProvinceHttpAnswer {
  const serverTime = new Date().toISOString()
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: encoder.encode(JSON.stringify({ code, message, serverTime })),
  }
}

/** What actually goes to the province for this request. */
export async function outgoing(
  request: ProvinceHttpRequest,
  route: AuthRoute,
  account: Pick<ProvinceAccount, 'session'>,
): Promise<Outgoing> {
  const { authorization, ...headers } = request.headers
  const kept: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) kept[name] = value
  if (route === 'sign-in') return { kind: 'send', headers: kept, body: request.body }
  const session = await account.session()
  if (route === 'refresh') {
    if (!session) return { kind: 'answer', answer: localError(401, 'refresh-invalid', 'province: not signed in') }
    return { kind: 'send', headers: kept, body: JSON.stringify({ refreshToken: session.refreshToken }) }
  }
  if (authorization !== undefined && session) kept.authorization = `Bearer ${session.accessToken}`
  return { kind: 'send', headers: kept, body: request.body }
}

function parseJson(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown
  } catch {
    throw new ServiceError('corrupt', `province: the ${what} answer is not JSON`)
  }
}

/** The answer the page receives: tokens stored here and replaced by the placeholder. */
export async function incoming(
  route: AuthRoute,
  answer: ProvinceHttpAnswer,
  account: Pick<ProvinceAccount, 'session' | 'saveSession'>,
): Promise<ProvinceHttpAnswer> {
  if (route === null || answer.status !== 200) return answer
  const raw = parseJson(answer.body, route)
  let redacted: Record<string, unknown>
  if (route === 'sign-in') {
    const parsed = signInResponseSchema.safeParse(raw)
    if (!parsed.success) throw new ServiceError('corrupt', 'province: the sign-in answer breaks the API')
    const { account: who, commune, accessToken, accessExpiresAt, refreshToken, refreshExpiresAt } = parsed.data
    await account.saveSession({
      ...{ username: who.username, displayName: who.displayName, communeName: commune.name },
      ...{ accessToken, accessExpiresAt, refreshToken, refreshExpiresAt },
    })
    redacted = { ...(raw as Record<string, unknown>) }
  } else {
    const parsed = refreshResponseSchema.safeParse(raw)
    const session = await account.session()
    if (!parsed.success) throw new ServiceError('corrupt', 'province: the refresh answer breaks the API')
    if (!session) throw new ServiceError('conflict', 'province: signed out while the refresh was under way')
    const { accessToken, accessExpiresAt, refreshToken, refreshExpiresAt } = parsed.data
    await account.saveSession({ ...session, accessToken, accessExpiresAt, refreshToken, refreshExpiresAt })
    redacted = { ...(raw as Record<string, unknown>) }
  }
  redacted.accessToken = TOKEN_HELD_BY_MAIN
  redacted.refreshToken = TOKEN_HELD_BY_MAIN
  return { ...answer, body: encoder.encode(JSON.stringify(redacted)) }
}
