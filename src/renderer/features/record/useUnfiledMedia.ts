/**
 * At start, the takes in the media store that nothing in the library names (a save cut short
 * before the library row): offered back, to file in the library or delete.
 */
import { useCallback, useEffect, useState } from 'react'
import type { StoredWavInfo } from '../../../shared/ipc/media'
import { call } from '../../bridge/bridge'
import { appDatabase } from '../../db/database'
import { fileUnfiled, findUnfiledMedia } from './unfiled'

/** When this page was loaded: files written after it may still be on their way into a table. */
const PAGE_LOADED_AT = new Date(performance.timeOrigin).toISOString()

async function loadUnfiled(): Promise<StoredWavInfo[]> {
  const [stored, interrupted] = await Promise.all([call('media:list', {}), call('recording:listInterrupted', {})])
  const journalHashes = new Set(interrupted.flatMap((i) => i.hash ?? []))
  const hashes = await findUnfiledMedia(appDatabase(), { stored, journalHashes, before: PAGE_LOADED_AT })
  const out: StoredWavInfo[] = []
  for (const hash of hashes) {
    // Only takes (WAV) are offered; a file that cannot be described is left alone.
    const info = await call('media:describe', { hash }).catch(() => null)
    if (info) out.push(info)
  }
  return out.sort((a, b) => a.modifiedAt.localeCompare(b.modifiedAt))
}

export function useUnfiledMedia() {
  const [items, setItems] = useState<StoredWavInfo[]>([])
  useEffect(() => {
    let live = true
    loadUnfiled().then(
      (found) => live && setItems(found),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [])
  const forget = (hash: string) => setItems((now) => now.filter((i) => i.hash !== hash))

  const file = useCallback(async (info: StoredWavInfo, title: string) => {
    await fileUnfiled(appDatabase(), info, title)
    forget(info.hash)
  }, [])
  const remove = useCallback(async (hash: string) => {
    await call('media:delete', { hash })
    forget(hash)
  }, [])
  return { items, file, remove }
}
