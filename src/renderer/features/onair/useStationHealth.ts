/**
 * The station's devices as the Phát sóng screen shows them while on air: every configured device
 * with its live health (`hardware:status`, newer than the last list wins) and the host's recent
 * hardware alerts (`hardware:alerts`, then `hardware:alert` as they come). A device the list
 * does not know yet (saved meanwhile) makes it list again.
 */
import { useEffect, useMemo, useState } from 'react'
import type { DeviceEntry, DeviceStatusEvent } from '../../../shared/ipc/hardware'
import type { HardwareAlert } from '../../../shared/ipc/hardware-onair'
import { bridge, call } from '../../bridge/bridge'

const MAX_ALERTS = 20

const newer = (a: DeviceStatusEvent, b: DeviceStatusEvent | undefined): DeviceStatusEvent =>
  b && Date.parse(b.at) >= Date.parse(a.at) ? b : a

export interface StationHealth {
  devices: DeviceEntry[] | null
  alerts: HardwareAlert[]
}

export function useStationHealth(): StationHealth {
  const [listed, setListed] = useState<DeviceEntry[] | null>(null)
  const [live, setLive] = useState<Record<string, DeviceStatusEvent>>({})
  const [alerts, setAlerts] = useState<HardwareAlert[]>([])

  useEffect(() => {
    let isLive = true
    const list = (): void =>
      void call('hardware:list', {}).then(
        ({ devices }) => isLive && setListed(devices),
        () => undefined,
      )
    list()
    void call('hardware:alerts', {}).then(
      (recent) => isLive && setAlerts((prev) => merge(prev, recent.alerts)),
      () => undefined,
    )
    const offStatus = bridge.on('hardware:status', (status) => {
      setLive((prev) => ({ ...prev, [status.id]: status }))
      setListed((prev) => {
        if (prev && !prev.some((d) => d.config.id === status.id)) list()
        return prev
      })
    })
    const offAlert = bridge.on('hardware:alert', (alert) => setAlerts((prev) => merge(prev, [alert])))
    return () => {
      isLive = false
      offStatus()
      offAlert()
    }
  }, [])

  const devices = useMemo(
    () =>
      listed
        ?.filter((entry) => entry.config.isEnabled)
        .map((entry) => ({ ...entry, status: newer(entry.status, live[entry.config.id]) })) ?? null,
    [listed, live],
  )
  return { devices, alerts }
}

/** Newest first, each alert once. */
function merge(prev: readonly HardwareAlert[], more: readonly HardwareAlert[]): HardwareAlert[] {
  const bySeq = new Map([...prev, ...more].map((a) => [a.seq, a]))
  return [...bySeq.values()].sort((a, b) => b.seq - a.seq).slice(0, MAX_ALERTS)
}
