/**
 * The one word the side bar shows for the link to the province, derived from the sync view
 * (pure; unit-tested). Each state is named for what it is:
 *
 * | state        | when                                                                  |
 * | ------------ | --------------------------------------------------------------------- |
 * | `loading`    | the stored connection has not been read yet                           |
 * | `not-set-up` | no province server address                                            |
 * | `signed-out` | nobody is signed in, or the session ended (`again`: it had worked)    |
 * | `syncing`    | a cycle is running, a file is uploading or a pull is storing records  |
 * | `offline`    | the last attempt could not reach the server (network or timeout)      |
 * | `error`      | the server was reached but the last cycle failed                      |
 * | `connected`  | the last cycle went through                                           |
 * | `checking`   | signed in, before the first answer                                    |
 *
 * Work under way wins over the connectivity of the last cycle: an upload that is moving is not
 * "offline", even if the cycle before it failed.
 */
import type { AppSyncView } from '../../sync/app/app-sync'
import type { SyncErrorCode } from '../../sync/types'

export type SyncState =
  'loading' | 'not-set-up' | 'signed-out' | 'syncing' | 'offline' | 'error' | 'connected' | 'checking'

export interface SyncStateView {
  state: SyncState
  /** For `signed-out`: a first sign-in, or again after the province ended the session. */
  signIn: 'first' | 'again' | null
}

/** Errors that end a session the province had accepted (a refused refresh, a revoked token). */
const SESSION_ENDED: ReadonlySet<SyncErrorCode> = new Set([
  'unauthorized',
  'token-expired',
  'refresh-invalid',
  'needs-sign-in',
])

const plain = (state: SyncState): SyncStateView => ({ state, signIn: null })

export function deriveSyncState(view: AppSyncView): SyncStateView {
  const { connection, status } = view
  if (connection === null) return plain('loading')
  if (!view.isConfigured) return plain('not-set-up')
  if (!connection.isSignedIn || status.needsSignIn) {
    const hadSession = status.lastError !== null && SESSION_ENDED.has(status.lastError.code)
    return { state: 'signed-out', signIn: hadSession ? 'again' : 'first' }
  }
  if (status.phase !== 'idle' || status.uploads.length > 0 || status.pullProgress !== null) return plain('syncing')
  if (status.connectivity === 'offline') return plain('offline')
  if (status.lastError !== null) return plain('error')
  if (status.connectivity === 'online') return plain('connected')
  return plain('checking')
}

/** The colour of the state's tag (antd preset colours). */
export const syncStateColor: Record<SyncState, string> = {
  loading: 'default',
  'not-set-up': 'default',
  'signed-out': 'gold',
  syncing: 'blue',
  offline: 'red',
  error: 'red',
  connected: 'green',
  checking: 'default',
}
