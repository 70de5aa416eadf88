/**
 * Local roles and what they allow (src/shared/ipc/roles.ts), with every decision written to the
 * operation log. Who is signed in is kept in memory: a restart signs everybody out.
 *
 * - `authorize` decides for one action on one object: the user named in `by` (their PIN checked
 *   here) or else the signed-in user must have a role `ROLE_PERMISSIONS` lists. Allowed: a grant,
 *   one use, one minute, which `record` turns into the log entry once the renderer has done the
 *   action (so a failed write is not logged as done). Refused: logged as refused, at once.
 * - `requireMainSide` is the same decision for actions main carries out itself (device changes):
 *   the signed-in user, else a live grant for that action (the PIN given just before).
 * - Roles off (no user): everything is allowed and logged without a name.
 */
import { randomBytes } from 'node:crypto'
import type { OperationAction, OperationEntry } from '../../../shared/ipc/oplog'
import {
  mayDo,
  type Credentials,
  type Grant,
  type GuardedAction,
  type LocalRole,
  type LocalUser,
  type LogObject,
  type Refusal,
  type RolesState,
} from '../../../shared/ipc/roles'
import { ServiceError } from '../../../shared/result'
import type { OperationLog } from '../oplog/operation-log'
import type { LocalUsers } from './local-users'

const GRANT_MS = 60_000

export type SignInAnswer = { ok: true; state: RolesState } | Refusal

export interface RolesService {
  state(): RolesState
  signIn(credentials: Credentials): Promise<SignInAnswer>
  signOut(): Promise<RolesState>
  addUser(input: { name: string; role: LocalRole; pin: string; by?: Credentials }): Promise<SignInAnswer>
  removeUser(input: { id: string; by?: Credentials }): Promise<SignInAnswer>
  authorize(input: { action: GuardedAction; object: LogObject; by?: Credentials }): Promise<Grant | Refusal>
  record(grant: string, before: unknown, after: unknown): Promise<OperationEntry>
  /** For an action main does itself: who may (null with roles off); throws `forbidden` otherwise. */
  requireMainSide(action: GuardedAction): LocalUser | null
}

export interface RolesServiceOptions {
  users: LocalUsers
  oplog: OperationLog
  now?: () => Date
}

interface Pending {
  action: GuardedAction
  object: LogObject
  user: LocalUser | null
  expiresAt: number
}

const refusal = (reason: Refusal['reason'], role: LocalRole | null = null, retry: number | null = null): Refusal => ({
  ok: false,
  reason,
  role,
  retryAfterSeconds: retry,
})

/** A user as a log entry names them. */
export const logUser = (user: LocalUser | null): OperationEntry['user'] =>
  user ? { id: user.id, name: user.name, role: user.role } : null
const who = logUser

/** The log's word for a guarded action. */
const logAction: Record<Exclude<GuardedAction, 'manage-users'>, OperationAction> = {
  approve: 'approve',
  'play-now': 'play-now',
  delete: 'delete',
  'device-change': 'device-save',
}

export function createRolesService({ users, oplog, now = () => new Date() }: RolesServiceOptions): RolesService {
  let current: LocalUser | null = null
  const grants = new Map<string, Pending>()
  const isEnabled = (): boolean => users.list().length > 0
  const state = (): RolesState => ({ isEnabled: isEnabled(), users: users.list(), current })

  /** The user `by` names (PIN checked) or the signed-in one; a refusal when neither will do. */
  async function actor(by: Credentials | undefined): Promise<{ user: LocalUser } | Refusal> {
    if (!by) return current ? { user: current } : refusal('no-user')
    const checked = await users.checkPin(by.userId, by.pin, now().getTime())
    if (!checked.ok) return refusal(checked.reason, null, checked.retryAfterSeconds)
    return { user: checked.user }
  }

  async function decide(action: GuardedAction, by: Credentials | undefined): Promise<{ user: LocalUser } | Refusal> {
    const found = await actor(by)
    if ('ok' in found) return found
    return mayDo(found.user.role, action) ? found : refusal('role', found.user.role)
  }

  const refused = (action: OperationAction, object: LogObject, user: LocalUser | null) =>
    oplog.append({ user: who(user), action, outcome: 'refused', object })

  const userObject = (user: Pick<LocalUser, 'id' | 'name'>): LogObject => ({
    kind: 'user',
    id: user.id,
    label: user.name,
  })

  function pruneGrants(nowMs: number): void {
    for (const [key, grant] of grants) if (grant.expiresAt <= nowMs) grants.delete(key)
  }

  return {
    state,
    async signIn(credentials) {
      const checked = await users.checkPin(credentials.userId, credentials.pin, now().getTime())
      const known = users.get(credentials.userId)
      const object: LogObject = { kind: 'user', id: credentials.userId, label: known?.name ?? '' }
      if (!checked.ok) {
        await refused('sign-in', object, known ?? null)
        return refusal(checked.reason, null, checked.retryAfterSeconds)
      }
      current = checked.user
      await oplog.append({ user: who(current), action: 'sign-in', outcome: 'done', object })
      return { ok: true, state: state() }
    },
    async signOut() {
      if (current)
        await oplog.append({ user: who(current), action: 'sign-out', outcome: 'done', object: userObject(current) })
      current = null
      return state()
    },
    async addUser({ name, role, pin, by }) {
      const object: LogObject = { kind: 'user', id: null, label: `${name.trim()} (${role})` }
      let actingUser: LocalUser | null = null
      if (isEnabled()) {
        const allowed = await decide('manage-users', by)
        if ('ok' in allowed) {
          await refused('user-add', object, current)
          return allowed
        }
        actingUser = allowed.user
      } else if (role !== 'approver') {
        // The first user must be able to manage the others, or nobody ever could.
        return refusal('role', role)
      }
      const user = await users.add({ name, role, pin }, now())
      await oplog.append({
        user: who(actingUser ?? user),
        action: 'user-add',
        outcome: 'done',
        object: userObject(user),
        after: { name: user.name, role },
      })
      return { ok: true, state: state() }
    },
    async removeUser({ id, by }) {
      const target = users.get(id)
      if (!target) throw new ServiceError('not-found', `roles: no user ${id}`)
      const allowed = await decide('manage-users', by)
      if ('ok' in allowed) {
        await refused('user-remove', userObject(target), current)
        return allowed
      }
      const approvers = users.list().filter((u) => u.role === 'approver')
      if (target.role === 'approver' && approvers.length === 1 && users.list().length > 1)
        throw new ServiceError('conflict', 'roles: the last approver cannot be removed while other users remain')
      await users.remove(id)
      if (current?.id === id) current = null
      await oplog.append({
        user: who(allowed.user),
        action: 'user-remove',
        outcome: 'done',
        object: userObject(target),
        before: { name: target.name, role: target.role },
      })
      return { ok: true, state: state() }
    },
    async authorize({ action, object, by }) {
      const nowMs = now().getTime()
      pruneGrants(nowMs)
      let user: LocalUser | null = null
      if (isEnabled()) {
        const allowed = await decide(action, by)
        if ('ok' in allowed) {
          const tried = by ? (users.get(by.userId) ?? null) : current
          if (action !== 'manage-users') await refused(logAction[action], object, tried)
          return allowed
        }
        user = allowed.user
      }
      const grant = randomBytes(24).toString('base64url')
      grants.set(grant, { action, object, user, expiresAt: nowMs + GRANT_MS })
      return { ok: true, grant, user }
    },
    async record(grant, before, after) {
      const pending = grants.get(grant)
      grants.delete(grant)
      if (!pending || pending.expiresAt <= now().getTime() || pending.action === 'manage-users')
        throw new ServiceError('forbidden', 'oplog: no such grant (expired, used, or never given)')
      return oplog.append({
        user: who(pending.user),
        action: logAction[pending.action],
        outcome: 'done',
        object: pending.object,
        before,
        after,
      })
    },
    requireMainSide(action) {
      if (!isEnabled()) return null
      if (current && mayDo(current.role, action)) return current
      const nowMs = now().getTime()
      pruneGrants(nowMs)
      for (const [key, pending] of grants) {
        if (pending.action !== action) continue
        grants.delete(key)
        return pending.user
      }
      throw new ServiceError(
        'forbidden',
        `roles: ${action} needs ${action === 'device-change' ? 'an approver' : 'a permitted user'}`,
      )
    },
  }
}
