/** New bulletin parts from the library, the province's programs and the shipped jingles (snapshots of title, media, length). */
import { DEFAULT_JOINT, type BulletinPart } from '../../../shared/editor/bulletin'
import { newId } from '../../../shared/ids'
import type { Announcement } from '../../../shared/model/announcement'
import type { ProgramChoice } from './part-sources'

/**
 * The announcement as it airs: the part snapshots its aired audio (the rendition of its edit list
 * and loudness decision, or the source when nothing was edited) and that file's length.
 */
export function partFromAnnouncement(a: Announcement, air: { hash: string; durationMs: number }): BulletinPart {
  return {
    id: newId(),
    kind: 'announcement',
    source: { type: 'announcement', id: a.id },
    title: a.title,
    mediaHash: air.hash,
    durationMs: Math.max(1, Math.round(air.durationMs)),
    joint: DEFAULT_JOINT,
  }
}

/** A province program as it is stored (programs carry no edit list). */
export function partFromProgram(p: ProgramChoice): BulletinPart {
  return {
    id: newId(),
    kind: 'program',
    source: { type: 'program', id: p.id },
    title: p.title,
    mediaHash: p.mediaHash,
    durationMs: Math.max(1, p.durationMs),
    joint: DEFAULT_JOINT,
  }
}

export function partFromJingle(
  name: string,
  kind: 'intro' | 'outro',
  title: string,
  stored: { hash: string; durationMs: number },
): BulletinPart {
  return {
    id: newId(),
    kind,
    source: { type: 'jingle', name },
    title,
    mediaHash: stored.hash,
    durationMs: Math.max(1, Math.round(stored.durationMs)),
    joint: DEFAULT_JOINT,
  }
}

/** Where a new part goes: an intro first, an outro last, anything else before a trailing outro. */
export function insertPart(parts: readonly BulletinPart[], part: BulletinPart): BulletinPart[] {
  if (part.kind === 'intro') return [part, ...parts]
  if (part.kind === 'outro') return [...parts, part]
  const last = parts[parts.length - 1]
  return last?.kind === 'outro' ? [...parts.slice(0, -1), part, last] : [...parts, part]
}
