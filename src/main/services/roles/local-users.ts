/**
 * The laptop's local users, in `<dataDir>/local-users.json` (mode 0600, atomic writes). A PIN is
 * kept only as `scrypt$N$r$p$salt$key` (RFC 7914; N=2^15, r=8, p=1, 16-byte salt, 32-byte key:
 * about 0.1 s a try, so the 10^4–10^8 PINs cannot be tried offline in a blink), compared in
 * constant time. Wrong PINs lock that user for 30 s after 5 tries, doubling each time (online
 * guessing); a right PIN clears it. A damaged file is set aside and roles are off until users are
 * added again — a broken file must not lock the station out.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import { readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { newId } from '../../../shared/ids'
import { localUserSchema, type LocalRole, type LocalUser } from '../../../shared/ipc/roles'
import type { Logger } from '../logger'
import { writeFileAtomic } from '../media/media-store'

const SCRYPT = { N: 1 << 15, r: 8, p: 1, keylen: 32, maxmem: 64 * 1024 * 1024 }
const LOCK_AFTER = 5
const LOCK_MS = 30_000
const MAX_LOCK_MS = 3600_000

const storedUserSchema = localUserSchema.extend({ pinHash: z.string().startsWith('scrypt$') })
type StoredUser = z.infer<typeof storedUserSchema>
const fileSchema = z.object({ format: z.literal(1), users: z.array(storedUserSchema) })

function scryptKey(pin: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, SCRYPT.keylen, { N, r, p, maxmem: SCRYPT.maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    )
  })
}

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scryptKey(pin, salt, SCRYPT.N, SCRYPT.r, SCRYPT.p)
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

export async function pinMatches(pin: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false
  const expected = Buffer.from(key, 'base64url')
  const actual = await scryptKey(pin, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p))
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

export type PinCheck =
  { ok: true; user: LocalUser } | { ok: false; reason: 'wrong-pin' | 'locked'; retryAfterSeconds: number | null }

export interface LocalUsers {
  list(): LocalUser[]
  get(id: string): LocalUser | undefined
  add(input: { name: string; role: LocalRole; pin: string }, at: Date): Promise<LocalUser>
  remove(id: string): Promise<boolean>
  checkPin(id: string, pin: string, nowMs: number): Promise<PinCheck>
}

const publicView = ({ pinHash: _pinHash, ...user }: StoredUser): LocalUser => user

export async function openLocalUsers(dataDir: string, log: Logger): Promise<LocalUsers> {
  const path = join(dataDir, 'local-users.json')
  let users: StoredUser[] = []
  const text = await readFile(path, 'utf8').catch(() => null)
  if (text !== null) {
    let raw: unknown = null
    try {
      raw = JSON.parse(text) as unknown
    } catch {
      raw = null
    }
    const parsed = fileSchema.safeParse(raw)
    if (parsed.success) users = parsed.data.users
    else {
      const aside = `${path}.damaged-${Date.now()}`
      await rename(path, aside).catch(() => undefined)
      log.warn(`roles: ${path} was damaged; moved to ${aside}; roles are off until users are added again`)
    }
  }
  const failures = new Map<string, { count: number; locks: number; until: number }>()
  // Made on first need, not at start-up (every start would pay a scrypt).
  let dummy: Promise<string> | null = null
  const dummyHash = (): Promise<string> => (dummy ??= hashPin(randomBytes(8).toString('hex')))
  const save = (): Promise<void> => writeFileAtomic(path, JSON.stringify({ format: 1, users }, null, 2), 0o600)

  return {
    list: () => users.map(publicView),
    get: (id) => {
      const found = users.find((u) => u.id === id)
      return found ? publicView(found) : undefined
    },
    async add({ name, role, pin }, at) {
      const user: StoredUser = {
        id: newId(),
        name: name.trim(),
        role,
        createdAt: at.toISOString(),
        pinHash: await hashPin(pin),
      }
      users = [...users, user]
      await save()
      return publicView(user)
    },
    async remove(id) {
      const before = users.length
      users = users.filter((u) => u.id !== id)
      if (users.length === before) return false
      await save()
      return true
    },
    async checkPin(id, pin, nowMs) {
      const user = users.find((u) => u.id === id)
      const state = failures.get(id) ?? { count: 0, locks: 0, until: 0 }
      if (state.until > nowMs)
        return { ok: false, reason: 'locked', retryAfterSeconds: Math.ceil((state.until - nowMs) / 1000) }
      // An unknown id costs the same scrypt as a known one.
      const isRight = await pinMatches(pin, user?.pinHash ?? (await dummyHash()))
      if (user && isRight) {
        failures.delete(id)
        return { ok: true, user: publicView(user) }
      }
      state.count += 1
      if (state.count >= LOCK_AFTER) {
        state.count = 0
        state.locks += 1
        state.until = nowMs + Math.min(MAX_LOCK_MS, LOCK_MS * 2 ** (state.locks - 1))
      }
      failures.set(id, state)
      return { ok: false, reason: 'wrong-pin', retryAfterSeconds: null }
    },
  }
}
