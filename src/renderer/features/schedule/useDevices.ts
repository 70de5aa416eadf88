/** The configured station devices (bridge `hardware:list`), for choosing pre-roll and post-roll steps. */
import { useEffect, useState } from 'react'
import type { DeviceConfig } from '../../../shared/ipc/hardware'
import type { ErrorCode } from '../../../shared/result'
import { call, errorCodeOf } from '../../bridge/bridge'

export function useDevices(): { devices: DeviceConfig[]; error: ErrorCode | null } {
  const [devices, setDevices] = useState<DeviceConfig[]>([])
  const [error, setError] = useState<ErrorCode | null>(null)
  useEffect(() => {
    let isLive = true
    call('hardware:list', {}).then(
      ({ devices: listed }) => isLive && setDevices(listed.map((d) => d.config)),
      (e: unknown) => isLive && setError(errorCodeOf(e)),
    )
    return () => {
      isLive = false
    }
  }, [])
  return { devices, error }
}
