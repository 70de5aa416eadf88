/**
 * Sign-in protection of the reference province server (Province API, _Sign-in protection_):
 *
 * - **Per username** (known or not, so a lock says nothing about whether an account exists):
 *   `accountFailures` wrong passwords in a row lock it for `accountLockMs`; each further lock
 *   doubles (backoff), up to a day. While locked even the right password gets `423 account-locked`
 *   with `Retry-After`. A success clears the count.
 * - **Per address**: more than `addressFailures` failures within `addressWindowMs` from one client
 *   address → `429 rate-limited` until the window ends, before any password work.
 * - **Password work is bounded**: at most `concurrentChecks` scrypt checks run at once and
 *   `queuedChecks` wait; beyond that → `503 unavailable` (Retry-After 1). scrypt runs on libuv's
 *   thread pool, which file writes share: an unbounded queue of checks would hold every other
 *   commune's token refresh behind it.
 *
 * State is in memory (a restart forgets counts; the lock is "for a while", not forever). Maps are
 * pruned so a flood of invented usernames cannot grow them without bound.
 */
import { HttpError } from './http'

export interface SignInLimits {
  accountFailures: number
  accountLockMs: number
  addressFailures: number
  addressWindowMs: number
  concurrentChecks: number
  queuedChecks: number
}

export const defaultSignInLimits: SignInLimits = {
  accountFailures: 10,
  accountLockMs: 15 * 60_000,
  addressFailures: 100,
  addressWindowMs: 15 * 60_000,
  concurrentChecks: 2,
  queuedChecks: 16,
}

const MAX_LOCK_MS = 24 * 3600_000
const MAX_TRACKED = 10_000

interface UserCount {
  failures: number
  locks: number
  lockedUntil: number
  lastAt: number
}

interface AddressCount {
  failures: number
  windowStart: number
}

export interface SignInGuard {
  /** Before any password work: throws the refusal (locked account, address over its limit). */
  admit(username: string, address: string, nowMs: number): void
  failed(username: string, address: string, nowMs: number): void
  succeeded(username: string): void
  /** Runs one password check within the bounds; throws `unavailable` when too many wait. */
  check<T>(work: () => Promise<T>): Promise<T>
}

const seconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000))

function prune<V>(map: Map<string, V>, isStale: (value: V) => boolean): void {
  if (map.size < MAX_TRACKED) return
  for (const [key, value] of map) if (isStale(value)) map.delete(key)
  // Still full (a flood within one window): forget the oldest entries.
  for (const key of map.keys()) {
    if (map.size < MAX_TRACKED) break
    map.delete(key)
  }
}

export function createSignInGuard(limits: SignInLimits): SignInGuard {
  const users = new Map<string, UserCount>()
  const addresses = new Map<string, AddressCount>()
  const waiting: Array<() => void> = []
  let running = 0

  const addressCount = (address: string, nowMs: number): AddressCount => {
    const found = addresses.get(address)
    if (found && nowMs - found.windowStart < limits.addressWindowMs) return found
    const fresh = { failures: 0, windowStart: nowMs }
    prune(addresses, (a) => nowMs - a.windowStart >= limits.addressWindowMs)
    addresses.set(address, fresh)
    return fresh
  }

  const release = (): void => {
    running -= 1
    const next = waiting.shift()
    if (next) {
      running += 1
      next()
    }
  }

  return {
    admit(username, address, nowMs) {
      const user = users.get(username)
      if (user && user.lockedUntil > nowMs)
        throw new HttpError(
          'account-locked',
          `account ${username} is locked after ${limits.accountFailures} wrong passwords; try again later`,
          seconds(user.lockedUntil - nowMs),
        )
      const from = addressCount(address, nowMs)
      if (from.failures >= limits.addressFailures)
        throw new HttpError(
          'rate-limited',
          'too many failed sign-ins from this address; try again later',
          seconds(from.windowStart + limits.addressWindowMs - nowMs),
        )
    },
    failed(username, address, nowMs) {
      addressCount(address, nowMs).failures += 1
      let user = users.get(username)
      if (!user) {
        prune(users, (u) => u.lockedUntil <= nowMs && nowMs - u.lastAt > limits.accountLockMs)
        user = { failures: 0, locks: 0, lockedUntil: 0, lastAt: nowMs }
        users.set(username, user)
      }
      user.failures += 1
      user.lastAt = nowMs
      if (user.failures < limits.accountFailures) return
      user.failures = 0
      user.locks += 1
      user.lockedUntil = nowMs + Math.min(MAX_LOCK_MS, limits.accountLockMs * 2 ** (user.locks - 1))
    },
    succeeded(username) {
      users.delete(username)
    },
    async check(work) {
      if (running >= limits.concurrentChecks) {
        if (waiting.length >= limits.queuedChecks)
          throw new HttpError('unavailable', 'too many sign-ins at once; try again in a moment', 1)
        await new Promise<void>((resolve) => waiting.push(resolve))
      } else {
        running += 1
      }
      try {
        return await work()
      } finally {
        release()
      }
    },
  }
}
