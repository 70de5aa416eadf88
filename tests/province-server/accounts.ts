/**
 * Commune accounts and sessions of the reference province server, kept in `<dataDir>/accounts.json`
 * (atomic writes, one at a time) with the HMAC key in `<dataDir>/secret.key`, so tokens stay valid
 * across restarts.
 *
 * - Refresh tokens rotate and belong to a **family** (one per sign-in). A replaced token used again
 *   is reuse — a copy was stolen, or an answer was lost: the whole family is revoked, its refresh
 *   tokens deleted and its access tokens refused until they would have expired anyway. There is no
 *   grace period in which one token yields several pairs.
 * - Sign-in checks go through the `SignInGuard` (limits, lock, bounded scrypt work) and take the same
 *   path for an unknown username as for a known one (a scrypt check against a dummy hash).
 * - Password checks run outside the write queue: only the token issue is serialised, so sign-ins
 *   never hold up another commune's refresh.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Commune } from '../../src/shared/province/auth'
import { readJsonIfExists, writeJsonAtomic } from './atomic-file'
import type { SignInGuard } from './sign-in-guard'
import { createSerial } from './store'
import {
  checkAccessToken,
  hashPassword,
  issueAccessToken,
  newRefreshToken,
  refreshTokenKey,
  verifyPassword,
  type AccessCheck,
} from './tokens'

export interface AccountRecord {
  username: string
  displayName: string
  communeId: string
  passwordHash: string
}

interface RefreshRecord {
  username: string
  expiresAt: number
  replacedAt: number | null
  /** The sign-in this token descends from (absent in files written before families). */
  family?: string
}

interface AccountsFile {
  format: 1
  communes: Commune[]
  accounts: AccountRecord[]
  refresh: Record<string, RefreshRecord>
  /** Revoked families → until when their access tokens are refused. */
  revokedFamilies?: Record<string, number>
}

export interface TokenPair {
  tokenType: 'Bearer'
  accessToken: string
  accessExpiresAt: string
  refreshToken: string
  refreshExpiresAt: string
}

export interface SessionTimes {
  accessTtlMs: number
  refreshTtlMs: number
}

export type RefreshOutcome = { kind: 'rotated'; tokens: TokenPair } | { kind: 'invalid' } | { kind: 'reused' }

export interface AccountService {
  addCommune(commune: Commune): Promise<void>
  addAccount(input: { username: string; displayName: string; communeId: string; password: string }): Promise<void>
  /** Null: wrong username or password. Throws the guard's refusals (locked, rate-limited, busy). */
  signIn(
    username: string,
    password: string,
    nowMs: number,
    address: string,
  ): Promise<{ tokens: TokenPair; account: AccountRecord; commune: Commune } | null>
  refresh(token: string, nowMs: number): Promise<RefreshOutcome>
  checkAccess(token: string, nowMs: number): AccessCheck
  communes(): readonly Commune[]
}

async function loadSecret(dataDir: string): Promise<Buffer> {
  const path = join(dataDir, 'secret.key')
  try {
    return Buffer.from((await readFile(path, 'utf8')).trim(), 'hex')
  } catch {
    const secret = randomBytes(32)
    await writeFile(path, secret.toString('hex'), { mode: 0o600, flag: 'wx' }).catch(() => undefined)
    return Buffer.from((await readFile(path, 'utf8')).trim(), 'hex')
  }
}

/** Issues a token pair and remembers the refresh token (hashed); prunes expired ones. */
function issue(
  file: AccountsFile,
  secret: Buffer,
  times: SessionTimes,
  session: { account: AccountRecord; family: string },
  nowMs: number,
): TokenPair {
  const { account, family } = session
  const accessExp = nowMs + times.accessTtlMs
  const refreshToken = newRefreshToken()
  const refreshExp = nowMs + times.refreshTtlMs
  for (const [key, record] of Object.entries(file.refresh)) if (record.expiresAt <= nowMs) delete file.refresh[key]
  for (const [key, until] of Object.entries(file.revokedFamilies ?? {}))
    if (until <= nowMs) delete file.revokedFamilies?.[key]
  file.refresh[refreshTokenKey(refreshToken)] = {
    ...{ username: account.username, expiresAt: refreshExp, replacedAt: null, family },
  }
  return {
    tokenType: 'Bearer',
    accessToken: issueAccessToken(secret, { u: account.username, c: account.communeId, exp: accessExp, f: family }),
    accessExpiresAt: new Date(accessExp).toISOString(),
    refreshToken,
    refreshExpiresAt: new Date(refreshExp).toISOString(),
  }
}

/** Deletes every refresh token of the family and refuses its access tokens until they expire. */
function revokeFamily(file: AccountsFile, family: string, untilMs: number): void {
  for (const [key, record] of Object.entries(file.refresh)) if (record.family === family) delete file.refresh[key]
  file.revokedFamilies = { ...file.revokedFamilies, [family]: untilMs }
}

export async function createAccountService(
  dataDir: string,
  times: SessionTimes,
  guard: SignInGuard,
): Promise<AccountService> {
  const secret = await loadSecret(dataDir)
  // An unknown username is checked against this, so it costs the same scrypt as a known one.
  const dummyHash = await hashPassword(randomBytes(16).toString('base64url'))
  const path = join(dataDir, 'accounts.json')
  const empty: AccountsFile = { format: 1, communes: [], accounts: [], refresh: {} }
  const file = ((await readJsonIfExists(path)) as AccountsFile | undefined) ?? empty
  const serial = createSerial()
  const save = (): Promise<void> => writeJsonAtomic(path, file)
  return {
    addCommune: (commune) =>
      serial(async () => {
        file.communes = [...file.communes.filter((c) => c.id !== commune.id), commune]
        await save()
      }),
    addAccount: ({ password, ...rest }) =>
      serial(async () => {
        const passwordHash = await hashPassword(password)
        file.accounts = [...file.accounts.filter((a) => a.username !== rest.username), { ...rest, passwordHash }]
        await save()
      }),
    async signIn(username, password, nowMs, address) {
      guard.admit(username, address, nowMs)
      const known = file.accounts.find((a) => a.username === username)
      const isRight = await guard.check(() => verifyPassword(password, known?.passwordHash ?? dummyHash))
      const commune = file.communes.find((c) => c.id === known?.communeId)
      if (!known || !commune || !isRight) {
        guard.failed(username, address, nowMs)
        return null
      }
      guard.succeeded(username)
      return serial(async () => {
        const tokens = issue(file, secret, times, { account: known, family: randomUUID() }, nowMs)
        await save()
        return { tokens, account: known, commune }
      })
    },
    refresh: (token, nowMs) =>
      serial(async (): Promise<RefreshOutcome> => {
        const record = file.refresh[refreshTokenKey(token)]
        const account = file.accounts.find((a) => a.username === record?.username)
        if (!record || !account || record.expiresAt <= nowMs) return { kind: 'invalid' }
        const family = record.family ?? randomUUID()
        if (record.replacedAt !== null) {
          revokeFamily(file, family, nowMs + times.accessTtlMs)
          await save()
          return { kind: 'reused' }
        }
        // Kept (replaced) until it expires, so a second use is recognised as reuse.
        record.replacedAt = nowMs
        record.family = family
        const tokens = issue(file, secret, times, { account, family }, nowMs)
        await save()
        return { kind: 'rotated', tokens }
      }),
    checkAccess(token, nowMs) {
      const check = checkAccessToken(secret, token, nowMs)
      const family = check.ok ? check.claims.f : undefined
      if (family !== undefined && (file.revokedFamilies?.[family] ?? 0) > nowMs)
        return { ok: false, code: 'unauthorized' }
      return check
    },
    communes: () => file.communes,
  }
}
