/** The roles state and `authorize`, from the nearest `RolesProvider`. */
import { useContext } from 'react'
import { RolesContext, type RolesContextValue } from './roles-context'

export function useRole(): RolesContextValue {
  const value = useContext(RolesContext)
  if (!value) throw new Error('roles: useRole() needs a <RolesProvider> above it')
  return value
}
