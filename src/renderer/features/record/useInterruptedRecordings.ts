/** Recordings the host found cut short (crash, power cut): list, recover into the library, or discard. */
import { useCallback, useEffect, useState } from 'react'
import type { InterruptedRecording } from '../../../shared/ipc/recording'
import { call } from '../../bridge/bridge'
import { appDatabase } from '../../db/database'
import { addRecordedAnnouncement } from '../../db/queries/announcements'

export function useInterruptedRecordings() {
  const [items, setItems] = useState<InterruptedRecording[]>([])
  const refresh = useCallback(async () => {
    setItems(await call('recording:listInterrupted', {}))
  }, [])
  useEffect(() => {
    let live = true
    call('recording:listInterrupted', {}).then(
      (found) => live && setItems(found),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [])

  const recover = useCallback(
    async (id: string, fallbackTitle: string) => {
      const media = await call('recording:recover', { id })
      await addRecordedAnnouncement(appDatabase(), { ...media, title: media.title || fallbackTitle })
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
