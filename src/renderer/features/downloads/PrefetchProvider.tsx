/** Creates the window's prefetch runner once, starts it, and stops it when the window goes. */
import { useEffect, useMemo, useState, type ReactNode } from 'react'
import { bridge, call } from '../../bridge/bridge'
import { appDatabase } from '../../db/database'
import { createPrefetchRunner } from '../../sync/app/prefetch-runner'
import { PrefetchContext } from './prefetch-context'

export function PrefetchProvider({ children }: { children: ReactNode }) {
  const runner = useMemo(() => createPrefetchRunner({ db: appDatabase(), call, on: bridge.on.bind(bridge) }), [])
  const [view, setView] = useState(() => runner.view())
  useEffect(() => {
    const unsubscribe = runner.subscribe(setView)
    const stop = runner.start()
    return () => {
      unsubscribe()
      stop()
    }
  }, [runner])
  const value = useMemo(() => ({ runner, view }), [runner, view])
  return <PrefetchContext.Provider value={value}>{children}</PrefetchContext.Provider>
}
