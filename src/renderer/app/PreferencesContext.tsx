/** The station's preferences (kept by the host), shared by every screen and kept live. */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react'
import type { Preferences, PreferencesPatch } from '../../shared/ipc/settings'
import { bridge, call } from '../bridge/bridge'

interface PreferencesValue {
  prefs: Preferences | null
  update: (patch: PreferencesPatch) => Promise<Preferences>
}

const PreferencesContext = createContext<PreferencesValue | null>(null)

export function PreferencesProvider({ children }: { children: ReactNode }) {
  const [prefs, setPrefs] = useState<Preferences | null>(null)
  useEffect(() => {
    let live = true
    call('settings:get', {})
      .then((p) => live && setPrefs(p))
      .catch(() => undefined)
    const off = bridge.on('settings:changed', (p) => setPrefs(p))
    return () => {
      live = false
      off()
    }
  }, [])
  const update = useCallback(async (patch: PreferencesPatch) => {
    const next = await call('settings:update', patch)
    setPrefs(next)
    return next
  }, [])
  return <PreferencesContext.Provider value={{ prefs, update }}>{children}</PreferencesContext.Provider>
}

export function usePreferences(): PreferencesValue {
  const value = useContext(PreferencesContext)
  if (!value) throw new Error('usePreferences outside PreferencesProvider')
  return value
}
