/**
 * `TokenStore` over the bridge. The token pair lives in the main process only (sealed by
 * safeStorage in Electron, an owner-only file in the browser host): main stores the pair of every
 * sign-in and refresh answer passing through `province:http` and attaches it to each request and
 * upload. What this store hands the engine is the placeholder pair (`TOKEN_HELD_BY_MAIN`), present
 * while main says the officer is signed in. `save` only notes that main now holds a pair.
 */
import { TOKEN_HELD_BY_MAIN } from '../../../shared/ipc/province'
import type { TokenPair, TokenStore } from '../types'
import type { BridgeCall } from './bridge-port'

export interface BridgeTokenStore extends TokenStore {
  /** Drops what is known here (main may have changed the session: a new server address). */
  forget(): void
}

const heldPair = (expires: Pick<TokenPair, 'accessExpiresAt' | 'refreshExpiresAt'>): TokenPair => ({
  accessToken: TOKEN_HELD_BY_MAIN,
  refreshToken: TOKEN_HELD_BY_MAIN,
  ...expires,
})

export function bridgeTokenStore(call: BridgeCall): BridgeTokenStore {
  let held: TokenPair | null = null
  let isKnown = false

  return {
    async load() {
      if (isKnown) return held
      const { isSignedIn } = await call('province:connection', {})
      held = isSignedIn ? heldPair({ accessExpiresAt: '', refreshExpiresAt: '' }) : null
      isKnown = true
      return held
    },
    save(next) {
      // The pair in `next` is the placeholder main put in the answer; main has already stored the real one.
      held = heldPair(next)
      isKnown = true
      return Promise.resolve()
    },
    async clear() {
      held = null
      isKnown = true
      await call('province:signOut', {})
    },
    forget() {
      held = null
      isKnown = false
    },
  }
}
