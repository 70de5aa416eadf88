/**
 * What the route handlers of the reference province server share: services and the per-request
 * context (who is calling, the server's notion of now, test crash hooks).
 */
import type { AccountService } from './accounts'
import type { CrashHook } from './atomic-file'
import type { FaultInjector } from './faults'
import type { CommuneStore } from './store'

/** The server's clock. Tests move it forward to expire tokens and age tombstones. */
export interface Clock {
  now(): number
  advance(ms: number): void
}

export function createClock(): Clock {
  let offset = 0
  return {
    now: () => Date.now() + offset,
    advance: (ms) => {
      offset += ms
    },
  }
}

export interface ServerServices {
  store: CommuneStore
  accounts: AccountService
  clock: Clock
  faults: FaultInjector
  /** The server's public base URL (absolute tus endpoints): `publicUrl`, else where it listens. */
  baseUrl: () => string
  log: (line: string) => void
  /** Where tus keeps upload files. */
  filesDir: string
  tombstoneRetentionMs: number
}

export interface RequestContext {
  communeId: string
  username: string
  /** The client's address as the socket reports it (sign-in limits). */
  address: string
  nowMs: number
  /** ISO instant of nowMs (server clock without the test skew). */
  now: string
  crashHook: CrashHook | undefined
}
