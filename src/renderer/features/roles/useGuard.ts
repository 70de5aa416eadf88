/**
 * `guard(action, object, run, states)`: a guarded action as one call — authorize (PIN prompt when
 * needed), do it, then write it to the operation log with digests of the object before and after.
 * Answers null when refused or cancelled (nothing was done). A log write that fails after the
 * action is reported but does not undo the action.
 *
 *   const guard = useGuard()
 *   await guard('approve', { kind: 'announcement', id, label: title }, (user) => approve(user), { before: row })
 */
import { useCallback } from 'react'
import type { GuardedAction, LocalUser, LogObject } from '../../../shared/ipc/roles'
import { call } from '../../bridge/bridge'
import { useRole } from './useRole'

export interface GuardStates<T> {
  before?: unknown
  after?: (result: T) => unknown
}

export type Guard = <T>(
  action: GuardedAction,
  object: LogObject,
  run: (user: LocalUser | null) => Promise<T>,
  states?: GuardStates<T>,
) => Promise<T | null>

/** A JSON copy (the bridge carries JSON; Dexie rows may hold undefined fields). */
const asJson = (value: unknown): never => (value === undefined ? null : JSON.parse(JSON.stringify(value))) as never

export function useGuard(): Guard {
  const { authorize } = useRole()
  return useCallback(
    async <T>(
      action: GuardedAction,
      object: LogObject,
      run: (user: LocalUser | null) => Promise<T>,
      states: GuardStates<T> = {},
    ): Promise<T | null> => {
      const granted = await authorize(action, object)
      if (!granted) return null
      const result = await run(granted.user)
      await call('oplog:record', {
        grant: granted.grant,
        before: asJson(states.before),
        after: asJson(states.after?.(result)),
      }).catch((error: unknown) => console.error('roles: the operation log entry was not written', error))
      return result
    },
    [authorize],
  )
}
