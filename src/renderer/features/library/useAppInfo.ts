/** What the host told us about itself (media URL base, version), fetched once. */
import { useEffect, useState } from 'react'
import type { AppInfo } from '../../../shared/ipc/app'
import { call } from '../../bridge/bridge'

let cached: Promise<AppInfo> | null = null

export function useAppInfo(): AppInfo | null {
  const [info, setInfo] = useState<AppInfo | null>(null)
  useEffect(() => {
    let live = true
    cached ??= call('app:info', {})
    cached.then((i) => live && setInfo(i)).catch(() => (cached = null))
    return () => {
      live = false
    }
  }, [])
  return info
}
