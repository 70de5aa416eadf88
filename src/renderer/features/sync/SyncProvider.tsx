/** Creates the window's sync once, starts it, and stops it when the window goes. */
import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { bridge, call } from '../../bridge/bridge'
import { appDatabase } from '../../db/database'
import { createAppSync } from '../../sync/app/app-sync'
import { SyncContext } from './sync-context'

export function SyncProvider({ children }: { children: ReactNode }) {
  const sync = useMemo(() => createAppSync({ db: appDatabase(), call, on: bridge.on.bind(bridge) }), [])
  const [view, setView] = useState(() => sync.view())
  useEffect(() => {
    const unsubscribe = sync.subscribe(setView)
    const stop = sync.start()
    return () => {
      unsubscribe()
      void stop()
    }
  }, [sync])
  const value = useMemo(() => ({ sync, view }), [sync, view])
  return <SyncContext.Provider value={value}>{children}</SyncContext.Provider>
}
