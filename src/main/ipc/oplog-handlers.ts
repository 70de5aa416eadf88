/** The `roles:*` and `oplog:*` handlers (split from handlers.ts to keep it short). */
import type { OperationLog } from '../services/oplog/operation-log'
import { logUser, type RolesService } from '../services/roles/roles-service'
import type { Handlers } from './dispatcher'

type RoleAndLogChannels = Extract<keyof Handlers, `roles:${string}` | `oplog:${string}`>

export function oplogHandlers(roles: RolesService, oplog: OperationLog): Pick<Handlers, RoleAndLogChannels> {
  return {
    'roles:state': () => roles.state(),
    'roles:signIn': (credentials) => roles.signIn(credentials),
    'roles:signOut': () => roles.signOut(),
    'roles:addUser': (input) => roles.addUser(input),
    'roles:removeUser': (input) => roles.removeUser(input),
    'roles:authorize': (input) => roles.authorize(input),
    'oplog:record': ({ grant, before, after }) => roles.record(grant, before, after),
    'oplog:list': (filter) => oplog.list(filter),
    'oplog:verify': async () => {
      const report = await oplog.verify()
      const label = report.ok ? `ok: ${report.count}` : `${report.problem}: ${report.seq}`
      // The check itself is an action: who checked, when, and what it found.
      await oplog.append({
        user: logUser(roles.state().current),
        action: 'integrity-check',
        outcome: 'done',
        object: { kind: 'oplog', id: null, label },
      })
      return report
    },
    'oplog:unsent': async ({ limit }) => ({ entries: await oplog.unsent(limit) }),
    'oplog:markSent': async ({ upToSeq }) => {
      await oplog.markSent(upToSeq)
      return {}
    },
  }
}
