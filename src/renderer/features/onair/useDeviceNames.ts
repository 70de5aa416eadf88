/** The configured devices' names by id, so alerts name a device as the officer knows it. */
import { useEffect, useState } from 'react'
import { call } from '../../bridge/bridge'

export function useDeviceNames(): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map())
  useEffect(() => {
    let isLive = true
    call('hardware:list', {}).then(
      ({ devices }) => isLive && setNames(new Map(devices.map((d) => [d.config.id, d.config.name]))),
      () => undefined,
    )
    return () => {
      isLive = false
    }
  }, [])
  return names
}
