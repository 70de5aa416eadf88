/**
 * Recordings the host found cut short (a crash, a closed page, a full disk, a save that did not
 * finish): list, recover into the library, or discard. The list follows the host: it is read again
 * whenever the host says it changed and whenever the connection to the host comes back.
 */
import { useCallback, useEffect, useState } from 'react'
import type { InterruptedRecording } from '../../../shared/ipc/recording'
import { bridge, call, hostConnection } from '../../bridge/bridge'
import { appDatabase } from '../../db/database'
import { fileRecovered, settleInterrupted } from './interrupted'

const commit = async (id: string): Promise<void> => {
  await call('recording:commit', { id })
}

export function useInterruptedRecordings() {
  const [items, setItems] = useState<InterruptedRecording[]>([])
  const refresh = useCallback(async () => {
    setItems(await settleInterrupted(appDatabase(), await call('recording:listInterrupted', {}), commit))
  }, [])
  useEffect(() => {
    let live = true
    // Reads may overlap (several changes at once): only the latest one is shown.
    let latest = 0
    const load = (): void => {
      const n = ++latest
      void call('recording:listInterrupted', {})
        .then((found) => settleInterrupted(appDatabase(), found, commit))
        .then(
          (found) => live && n === latest && setItems(found),
          () => undefined,
        )
    }
    load()
    const offChanged = bridge.on('recording:changed', load)
    const offConnection = hostConnection.subscribe((isConnected) => isConnected && load())
    return () => {
      live = false
      offChanged()
      offConnection()
    }
  }, [])

  const recover = useCallback(
    async (id: string, fallbackTitle: string) => {
      const media = await call('recording:recover', { id })
      await fileRecovered(appDatabase(), id, media, fallbackTitle, commit)
      await refresh()
    },
    [refresh],
  )
  const discard = useCallback(
    async (id: string) => {
      await call('recording:discard', { id })
      await refresh()
    },
    [refresh],
  )
  return { items, refresh, recover, discard }
}
