/**
 * Authenticated calls: the access token from the TokenStore; on 401 `token-expired` ONE refresh
 * (the refresh token rotates; the new pair is saved before the call is retried), then the call
 * again. A refused refresh, a missing token or any other 401 means the officer must sign in again
 * (`needs-sign-in`); the engine stops trying until then.
 */
import type { AccessToken, ConnectorError, ConnectorResult, ProvinceConnector } from '../../shared/province/connector'
import type { TokenPair, TokenStore } from './types'

export const needsSignIn = (message: string): ConnectorError & { code: 'unauthorized' } => ({
  code: 'unauthorized',
  message,
  status: 401,
  retryable: false,
  retryAfterMs: null,
  serverTime: null,
})

/** True when the error means the officer has to sign in (not retryable by waiting). */
export const isSignInError = (
  error: Pick<ConnectorError, 'status' | 'code'> | { status: number | null; code: string },
): boolean => error.status === 401 || error.code === 'refresh-invalid' || error.code === 'invalid-credentials'

export interface AuthedCaller {
  <T>(call: (auth: AccessToken) => Promise<ConnectorResult<T>>): Promise<ConnectorResult<T>>
}

export function createAuthedCaller(connector: ProvinceConnector, tokens: TokenStore): AuthedCaller {
  async function refreshed(current: TokenPair): Promise<ConnectorResult<TokenPair>> {
    const answer = await connector.refresh({ refreshToken: current.refreshToken })
    if (!answer.ok) return answer
    const { accessToken, refreshToken, accessExpiresAt, refreshExpiresAt } = answer.value
    const pair = { accessToken, refreshToken, accessExpiresAt, refreshExpiresAt }
    await tokens.save(pair)
    return { ok: true, value: pair }
  }

  return async <T>(call: (auth: AccessToken) => Promise<ConnectorResult<T>>): Promise<ConnectorResult<T>> => {
    const current = await tokens.load()
    if (current === null) return { ok: false, error: needsSignIn('not signed in to the province') }
    const first = await call({ accessToken: current.accessToken })
    if (first.ok || first.error.code !== 'token-expired') return first
    const pair = await refreshed(current)
    if (!pair.ok) return pair.error.retryable ? pair : { ok: false, error: needsSignIn(pair.error.message) }
    return call({ accessToken: pair.value.accessToken })
  }
}
