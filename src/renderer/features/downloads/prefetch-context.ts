/** The window's prefetch runner and its latest view (programme audio states, coverage). */
import { createContext, useContext } from 'react'
import type { PrefetchRunner, PrefetchView } from '../../sync/app/prefetch-runner'

export interface PrefetchContextValue {
  runner: PrefetchRunner
  view: PrefetchView
}

export const PrefetchContext = createContext<PrefetchContextValue | null>(null)

/** Null outside a `PrefetchProvider` (screens rendered on their own in tests). */
export function usePrefetch(): PrefetchContextValue | null {
  return useContext(PrefetchContext)
}
