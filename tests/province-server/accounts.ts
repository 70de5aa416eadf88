/**
 * Commune accounts and sessions of the reference province server, kept in `<dataDir>/accounts.json`
 * (atomic writes, one at a time) with the HMAC key in `<dataDir>/secret.key`, so tokens stay valid
 * across restarts. Refresh tokens rotate; the replaced one keeps working for `refreshGraceMs` so a
 * lost refresh answer on a flaky link does not force a new sign-in.
 */
import { randomBytes } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Commune } from '../../src/shared/province/auth'
import { readJsonIfExists, writeJsonAtomic } from './atomic-file'
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
}

interface AccountsFile {
  format: 1
  communes: Commune[]
  accounts: AccountRecord[]
  refresh: Record<string, RefreshRecord>
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
  refreshGraceMs: number
}

export interface AccountService {
  addCommune(commune: Commune): Promise<void>
  addAccount(input: { username: string; displayName: string; communeId: string; password: string }): Promise<void>
  signIn(
    username: string,
    password: string,
    nowMs: number,
  ): Promise<{ tokens: TokenPair; account: AccountRecord; commune: Commune } | null>
  refresh(token: string, nowMs: number): Promise<TokenPair | null>
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
  account: AccountRecord,
  nowMs: number,
): TokenPair {
  const accessExp = nowMs + times.accessTtlMs
  const refreshToken = newRefreshToken()
  const refreshExp = nowMs + times.refreshTtlMs
  for (const [key, record] of Object.entries(file.refresh)) if (record.expiresAt <= nowMs) delete file.refresh[key]
  file.refresh[refreshTokenKey(refreshToken)] = { username: account.username, expiresAt: refreshExp, replacedAt: null }
  return {
    tokenType: 'Bearer',
    accessToken: issueAccessToken(secret, { u: account.username, c: account.communeId, exp: accessExp }),
    accessExpiresAt: new Date(accessExp).toISOString(),
    refreshToken,
    refreshExpiresAt: new Date(refreshExp).toISOString(),
  }
}

/** The account a refresh token still opens (unexpired, not replaced longer ago than the grace period). */
function refreshable(file: AccountsFile, times: SessionTimes, token: string, nowMs: number) {
  const record = file.refresh[refreshTokenKey(token)]
  const account = file.accounts.find((a) => a.username === record?.username)
  if (!record || !account || record.expiresAt <= nowMs) return null
  if (record.replacedAt !== null && nowMs - record.replacedAt > times.refreshGraceMs) return null
  return { record, account }
}

export async function createAccountService(dataDir: string, times: SessionTimes): Promise<AccountService> {
  const secret = await loadSecret(dataDir)
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
    signIn: (username, password, nowMs) =>
      serial(async () => {
        const account = file.accounts.find((a) => a.username === username)
        const commune = file.communes.find((c) => c.id === account?.communeId)
        if (!account || !commune || !(await verifyPassword(password, account.passwordHash))) return null
        const tokens = issue(file, secret, times, account, nowMs)
        await save()
        return { tokens, account, commune }
      }),
    refresh: (token, nowMs) =>
      serial(async () => {
        const found = refreshable(file, times, token, nowMs)
        if (!found) return null
        found.record.replacedAt ??= nowMs
        const tokens = issue(file, secret, times, found.account, nowMs)
        await save()
        return tokens
      }),
    checkAccess: (token, nowMs) => checkAccessToken(secret, token, nowMs),
    communes: () => file.communes,
  }
}
