/**
 * The interrupted recordings the host lists, settled against the library: a take already stored
 * whose library row exists (the page died after writing the row, before telling the host) is
 * committed quietly; every other one is offered back. Recovering a take writes its library row
 * once, then commits it, so a crash between the two steps repeats nothing.
 */
import type { FinishedMedia, InterruptedRecording } from '../../../shared/ipc/recording'
import type { Announcement } from '../../../shared/model/announcement'
import type { DaixaDb } from '../../db/database'
import { addRecordedAnnouncement } from '../../db/queries/announcements'

export type Commit = (id: string) => Promise<void>

const rowOf = (db: DaixaDb, hash: string): Promise<Announcement | undefined> =>
  db.announcements.where('mediaHash').equals(hash).first()

/** The items to offer; stored takes already in the library are committed on the way. */
export async function settleInterrupted(
  db: DaixaDb,
  items: readonly InterruptedRecording[],
  commit: Commit,
): Promise<InterruptedRecording[]> {
  const offered: InterruptedRecording[] = []
  for (const item of items) {
    if (item.hash !== null && (await rowOf(db, item.hash))) await commit(item.id).catch(() => undefined)
    else offered.push(item)
  }
  return offered
}

/** Writes the library row of a recovered take (unless it exists already), then commits the take. */
export async function fileRecovered(
  db: DaixaDb,
  id: string,
  media: FinishedMedia,
  fallbackTitle: string,
  commit: Commit,
): Promise<Announcement> {
  const row =
    (await rowOf(db, media.hash)) ??
    (await addRecordedAnnouncement(db, { ...media, title: media.title || fallbackTitle }))
  await commit(id)
  return row
}
