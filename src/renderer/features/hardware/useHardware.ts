/**
 * The Thiết bị screen's data: the configured devices with their live status (`hardware:status`
 * events, newer than the last list wins), the result of each device's last test, the serial
 * ports found, and the save / remove / test actions. Errors come back as bridge error codes.
 */
import { useCallback, useEffect, useMemo, useState } from 'react'
import type {
  DeviceDraft,
  DeviceEntry,
  DeviceStatusEvent,
  SerialPortInfo,
  TestResult,
} from '../../../shared/ipc/hardware'
import type { ErrorCode } from '../../../shared/result'
import { BridgeError, bridge, call, errorCodeOf } from '../../bridge/bridge'
import { useRole } from '../roles/useRole'

export type TestOutcome =
  { state: 'running' } | { state: 'passed'; result: TestResult } | { state: 'failed'; code: ErrorCode }

const newer = (a: DeviceStatusEvent, b: DeviceStatusEvent | undefined): DeviceStatusEvent =>
  b && Date.parse(b.at) >= Date.parse(a.at) ? b : a

export function useHardware() {
  const [listed, setListed] = useState<DeviceEntry[] | null>(null)
  const [loadError, setLoadError] = useState<ErrorCode | null>(null)
  const [live, setLive] = useState<Record<string, DeviceStatusEvent>>({})
  const [tests, setTests] = useState<Record<string, TestOutcome>>({})
  const [ports, setPorts] = useState<SerialPortInfo[] | null>(null)
  const { authorize } = useRole()
  /** Device changes need the right local role: main decides and logs; this asks for the PIN first. */
  const confirmChange = useCallback(
    async (id: string | null, label: string) => {
      if (!(await authorize('device-change', { kind: 'device', id, label })))
        throw new BridgeError('forbidden', 'roles: the device change was not confirmed')
    },
    [authorize],
  )

  const refresh = useCallback(async () => {
    try {
      const { devices } = await call('hardware:list', {})
      setListed(devices)
      setLoadError(null)
    } catch (error) {
      setLoadError(errorCodeOf(error))
    }
  }, [])

  useEffect(() => {
    let isLive = true
    call('hardware:list', {}).then(
      ({ devices }) => isLive && setListed(devices),
      (error: unknown) => isLive && setLoadError(errorCodeOf(error)),
    )
    const off = bridge.on('hardware:status', (status) => setLive((prev) => ({ ...prev, [status.id]: status })))
    return () => {
      isLive = false
      off()
    }
  }, [])

  const devices = useMemo(
    () => listed?.map((entry) => ({ ...entry, status: newer(entry.status, live[entry.config.id]) })) ?? null,
    [listed, live],
  )

  const save = useCallback(
    async (draft: DeviceDraft) => {
      await confirmChange(draft.id ?? null, draft.name)
      const saved = await call('hardware:save', draft)
      setTests((prev) => withoutKey(prev, saved.id))
      await refresh()
      return saved
    },
    [refresh, confirmChange],
  )

  const remove = useCallback(
    async (id: string) => {
      await confirmChange(id, listed?.find((e) => e.config.id === id)?.config.name ?? '')
      await call('hardware:remove', { id })
      await refresh()
    },
    [refresh, confirmChange, listed],
  )

  const test = useCallback(async (id: string) => {
    setTests((prev) => ({ ...prev, [id]: { state: 'running' } }))
    try {
      const result = await call('hardware:test', { id })
      setTests((prev) => ({ ...prev, [id]: { state: 'passed', result } }))
    } catch (error) {
      setTests((prev) => ({ ...prev, [id]: { state: 'failed', code: errorCodeOf(error) } }))
    }
  }, [])

  const detectPorts = useCallback(async () => {
    try {
      setPorts((await call('hardware:ports', {})).ports)
    } catch {
      setPorts([])
    }
  }, [])

  return { devices, loadError, tests, ports, save, remove, test, detectPorts }
}

function withoutKey<T>(record: Record<string, T>, key: string): Record<string, T> {
  const { [key]: _dropped, ...rest } = record
  return rest
}
