/**
 * Releasing files nothing needs any more: a bulletin's old rendering when it is rendered again or
 * changed (re-exporting once left one orphan file per export), and renditions unused for a day
 * (the cache keeps recent ones, so an undo back to a rendered state reuses the file). A file is
 * deleted from the media store only after Dexie says nothing refers to it; its rows go after.
 */
import { call } from '../../bridge/bridge'
import { appDatabase } from '../../db/database'
import { forgetMedia, forgetRendition, isMediaInUse, releasableRenditions } from '../../db/queries/renditions'

/** Deletes the file when nothing refers to it; answers whether it was deleted. */
export async function releaseMediaIfUnused(hash: string | null | undefined): Promise<boolean> {
  if (!hash) return false
  const db = appDatabase()
  if (await isMediaInUse(db, hash)) return false
  await call('media:delete', { hash })
  await forgetMedia(db, hash)
  return true
}

/** The cache's sweep: renditions unused for a day and referred to by nothing; answers how many went. */
export async function releaseStaleRenditions(now = new Date()): Promise<number> {
  const db = appDatabase()
  let released = 0
  for (const row of await releasableRenditions(db, now)) {
    await call('media:delete', { hash: row.hash })
    await forgetRendition(db, row)
    released += 1
  }
  return released
}
