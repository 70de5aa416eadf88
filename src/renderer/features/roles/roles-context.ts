/** What the roles provider shares with the screens: the roles state and the one way to ask for an action. */
import { createContext } from 'react'
import type { Grant, GuardedAction, LogObject, RolesState } from '../../../shared/ipc/roles'

export interface RolesContextValue {
  /** Null until main has answered. */
  state: RolesState | null
  /** Re-reads the state from main (after sign-in, users added…). */
  refresh(): Promise<void>
  setState(state: RolesState): void
  /**
   * Asks main whether the action may be done now; when the signed-in user may not (or nobody is
   * signed in) a PIN prompt asks someone who may. Null: refused or cancelled (the prompt said why).
   */
  authorize(action: GuardedAction, object: LogObject): Promise<Grant | null>
}

export const RolesContext = createContext<RolesContextValue | null>(null)
