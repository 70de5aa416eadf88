/**
 * `TokenStore` over the bridge: the token pair lives in the main process (`province:*`), sealed by
 * safeStorage in Electron or in an owner-only file in the browser host. The renderer only holds it
 * in memory for the current call. Who signed in (username, display name, commune name) is kept
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

  async function write(): Promise<void> {
    if (!identity || !tokens) return
    await call('province:saveSession', { ...identity, ...tokens })
  }

  return {
    async load() {
      const { session } = await call('province:session', {})
      if (!session) return null
      identity = { username: session.username, displayName: session.displayName, communeName: session.communeName }
      tokens = toPair(session)
      return tokens
    },
    async save(next) {
      tokens = next
      if (!identity) {
        const { session } = await call('province:session', {})
        if (session) {
          const { username, displayName, communeName } = session
          identity = { username, displayName, communeName }
        }
      }
      await write()
    },
    async clear() {
      tokens = null
      identity = null
      await call('province:signOut', {})
    },
    beginSignIn(username) {
      identity = { username, displayName: username, communeName: '' }
    },
    async rememberIdentity(patch) {
      if (!identity) return
      identity = { ...identity, ...patch }
      await write()
    },
  }
}
