/**
 * Local roles for the whole window: the state from main, and `authorize`, which shows the PIN
 * prompt when the signed-in user may not do an action. One prompt at a time.
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { Grant, GuardedAction, LogObject, Refusal, RolesState } from '../../../shared/ipc/roles'
import { call } from '../../bridge/bridge'
import { PinPrompt } from './PinPrompt'
import { RolesContext, type RolesContextValue } from './roles-context'

interface Asking {
  action: GuardedAction
  object: LogObject
  first: Refusal
  resolve: (grant: Grant | null) => void
}

export function RolesProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<RolesState | null>(null)
  const [asking, setAsking] = useState<Asking | null>(null)

  const refresh = useCallback(async () => {
    setState(await call('roles:state', {}))
  }, [])
  useEffect(() => {
    call('roles:state', {}).then(setState, (error: unknown) =>
      console.error('roles: could not read the local users', error),
    )
  }, [])

  const authorize = useCallback(async (action: GuardedAction, object: LogObject): Promise<Grant | null> => {
    const answer = await call('roles:authorize', { action, object })
    if (answer.ok) return answer
    return new Promise<Grant | null>((resolve) => setAsking({ action, object, first: answer, resolve }))
  }, [])

  const value = useMemo<RolesContextValue>(() => ({ state, refresh, setState, authorize }), [state, refresh, authorize])
  const finish = (grant: Grant | null): void => {
    asking?.resolve(grant)
    setAsking(null)
  }

  return (
    <RolesContext.Provider value={value}>
      {children}
      {asking && state && (
        <PinPrompt
          action={asking.action}
          object={asking.object}
          first={asking.first}
          state={state}
          onGranted={finish}
          onCancel={() => finish(null)}
        />
      )}
    </RolesContext.Provider>
  )
}
