/**
 * How long an announcement lasts on air: its edited length when the officer edited it, else the
 * recording's. `Announcement.durationMs` stays the source file's length (the file is never altered).
 */
import type { Announcement } from '../model/announcement'
import { editedDuration } from './edit-list'

export const broadcastDurationMs = (a: Pick<Announcement, 'durationMs' | 'editList'>): number =>
  a.editList ? editedDuration(a.editList) : a.durationMs
