/**
 * The rendition keeper: in the background, every announcement whose edit list is not rendered
 * yet gets its rendition (one at a time, on the shared ffmpeg queue), so the schedule, playout,
 * bulletins and uploads find the audio that airs ready. It runs when the app starts and a moment
 * after an edit list is saved; an announcement open in the editor is left until the editor closes
 * (the officer is still changing it, and the editor's own jobs go first). Afterwards, renditions
 * nothing uses for a day are released. A failure is logged and left for the next run; what is
 * not rendered is reported by the schedule ("not rendered") rather than aired raw.
 */
import { appDatabase } from '../../db/database'
import { airAudioOf } from '../../db/queries/renditions'
import { releaseStaleRenditions } from './release'
import { ensureRendition } from './render-rendition'

const held = new Map<string, number>()
let timer: ReturnType<typeof setTimeout> | null = null
let running: Promise<void> | null = null
let again = false

/** Announcements to render now: not rendered and not open in the editor (oldest first). */
async function waiting(): Promise<string[]> {
  const rows = await appDatabase().announcements.orderBy('createdAt').toArray()
  return rows.filter((a) => !held.has(a.id) && airAudioOf(a).state === 'not-rendered').map((a) => a.id)
}

async function sweep(): Promise<void> {
  for (const id of await waiting()) {
    if (held.has(id)) continue
    await ensureRendition(id).catch((error: unknown) => console.warn(`renditions: ${id} not rendered`, error))
  }
  await releaseStaleRenditions().catch((error: unknown) => console.warn('renditions: release failed', error))
}

function run(): void {
  if (running) {
    again = true
    return
  }
  running = sweep().finally(() => {
    running = null
    if (again) {
      again = false
      run()
    }
  })
}

/** Asks for a run after `delayMs` (later requests move it). */
export function requestRenditions(delayMs = 1500): void {
  if (timer) clearTimeout(timer)
  timer = setTimeout(() => {
    timer = null
    run()
  }, delayMs)
}

/** The editor holds its announcement while open; letting go asks for a run. */
export function holdRenditions(announcementId: string): () => void {
  held.set(announcementId, (held.get(announcementId) ?? 0) + 1)
  return () => {
    const count = (held.get(announcementId) ?? 1) - 1
    if (count > 0) held.set(announcementId, count)
    else held.delete(announcementId)
    requestRenditions(0)
  }
}

/** Resolves when the keeper is idle (no timer, no run): the automation hook waits on it. */
export async function renditionsSettled(): Promise<void> {
  while (timer || running) await (running ?? new Promise((resolve) => setTimeout(resolve, 50)))
}
