/**
 * `TokenStore` over the bridge: the token pair lives in the main process (`province:*`), sealed by
 * safeStorage in Electron or in an owner-only file in the browser host. The renderer keeps the pair
 * it last read or saved in memory (it sends the access token with every request anyway), so a
 * 27-page bootstrap does not ask the main side for the token 27 times; sign-in, refresh and sign-out
 * all go through this store, which writes to main first and then keeps the new pair. Who signed in (username, display name, commune name) is kept
 * beside the tokens; a refresh keeps it, a sign-in sets it with `rememberIdentity`.
 */
import type { ProvinceSession } from '../../../shared/ipc/province'
import type { TokenPair, TokenStore } from '../types'
import type { BridgeCall } from './bridge-port'

export interface SessionIdentity {
  username: string
  displayName: string
  communeName: string
}

export interface BridgeTokenStore extends TokenStore {
  /** Sets who is signing in; the next `save` (the sign-in's) stores it with the tokens. */
  beginSignIn(username: string): void
  /** After a successful sign-in: the commune's name as the province gave it. */
  rememberIdentity(patch: Partial<SessionIdentity>): Promise<void>
  /** Drops the copy held here (main may have changed the session: a new server address). */
  forget(): void
}

const toPair = (s: ProvinceSession): TokenPair => ({
  accessToken: s.accessToken,
  refreshToken: s.refreshToken,
  accessExpiresAt: s.accessExpiresAt,
  refreshExpiresAt: s.refreshExpiresAt,
})

export function bridgeTokenStore(call: BridgeCall): BridgeTokenStore {
  let identity: SessionIdentity | null = null
  let tokens: TokenPair | null = null

  async function write(pair: TokenPair | null): Promise<void> {
    if (!identity || !pair) return
    await call('province:saveSession', { ...identity, ...pair })
  }

  return {
    async load() {
      if (tokens) return tokens
      const { session } = await call('province:session', {})
      if (!session) return null
      identity = { username: session.username, displayName: session.displayName, communeName: session.communeName }
      tokens = toPair(session)
      return tokens
    },
    async save(next) {
      if (!identity) {
        const { session } = await call('province:session', {})
        if (session) {
          const { username, displayName, communeName } = session
          identity = { username, displayName, communeName }
        }
      }
      // Kept here only once main has stored it.
      await write(next)
      if (identity) tokens = next
    },
    async clear() {
      tokens = null
      identity = null
      await call('province:signOut', {})
    },
    forget() {
      tokens = null
      identity = null
    },
    beginSignIn(username) {
      identity = { username, displayName: username, communeName: '' }
    },
    async rememberIdentity(patch) {
      if (!identity) return
      identity = { ...identity, ...patch }
      await write(tokens)
    },
  }
}
