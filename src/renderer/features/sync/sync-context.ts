/** The window's `AppSync` and its latest view, shared by the status bar, settings and badges. */
import { createContext } from 'react'
import type { AppSync, AppSyncView } from '../../sync/app/app-sync'

export interface SyncContextValue {
  sync: AppSync
  view: AppSyncView
}

export const SyncContext = createContext<SyncContextValue | null>(null)
