/**
 * Media files no one files: in the store, named by no row of the local database and by no
 * recording journal, and older than this page (a file stored while the page runs may be on its
 * way into a table). They come from a save cut short before the library row was written.
 */
import type { StoredWavInfo } from '../../../shared/ipc/media'
import type { DaixaDb } from '../../db/database'
import { addAnnouncement } from '../../db/queries/announcements'
import { referencedMediaHashes } from '../../db/queries/media-references'

export interface UnfiledInput {
  /** What the store holds (`media:list`). */
  stored: ReadonlyArray<{ hash: string; modifiedAt: string }>
  /** Hashes the recording journals name (stored takes offered in the recovery list). */
  journalHashes: ReadonlySet<string>
  /** Only files written before this instant (ISO) count. */
  before: string
}

export async function findUnfiledMedia(db: DaixaDb, input: UnfiledInput): Promise<string[]> {
  const named = await referencedMediaHashes(db)
  return input.stored
    .filter((f) => !named.has(f.hash) && !input.journalHashes.has(f.hash) && f.modifiedAt < input.before)
    .map((f) => f.hash)
}

/** Puts an unfiled take into the library as a draft recording. */
export function fileUnfiled(db: DaixaDb, info: StoredWavInfo, title: string) {
  return addAnnouncement(db, { title, source: 'recording', media: info })
}
