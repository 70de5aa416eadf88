/**
 * `uploads.json`: where each audio upload stands, so it resumes after a restart. One entry per
 * media hash: the tus upload URL the province gave, the bytes it has confirmed, the file's size.
 * Written atomically (temp file + rename) after every change; a damaged file is set aside and the
 * uploads start again from the server's answers (HEAD on a known URL is the truth, not this file).
 */
import { readFile, rename } from 'node:fs/promises'
import { z } from 'zod'
import { mediaHashSchema } from '../../../shared/ids'
import { uploadStateSchema, type UploadState } from '../../../shared/ipc/uploads'
import type { Logger } from '../logger'
import { writeFileAtomic } from '../media/media-store'

const journalFileSchema = z.object({
  version: z.literal(1),
  uploads: z.record(mediaHashSchema, uploadStateSchema),
})

export interface UploadJournal {
  get(hash: string): UploadState | undefined
  list(): UploadState[]
  /** Merges a change into the entry and writes the file; writes are serialised. */
  update(hash: string, change: Partial<Omit<UploadState, 'hash'>>): Promise<UploadState>
  remove(hash: string): Promise<void>
}

export async function openUploadJournal(path: string, log: Logger, now = () => new Date()): Promise<UploadJournal> {
  const entries = new Map<string, UploadState>()
  try {
    const parsed = journalFileSchema.safeParse(JSON.parse(await readFile(path, 'utf8')))
    if (parsed.success) for (const entry of Object.values(parsed.data.uploads)) entries.set(entry.hash, entry)
    else {
      log.warn(`uploads: ${path} is not a valid journal; set aside, uploads resume from the server's offsets`)
      await rename(path, `${path}.damaged-${Date.now()}`).catch(() => undefined)
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      log.warn(`uploads: cannot read ${path} (${String(error)}); starting an empty journal`)
      await rename(path, `${path}.damaged-${Date.now()}`).catch(() => undefined)
    }
  }

  let writing: Promise<void> = Promise.resolve()
  const persist = (): Promise<void> => {
    const snapshot = JSON.stringify({ version: 1, uploads: Object.fromEntries(entries) })
    writing = writing.catch(() => undefined).then(() => writeFileAtomic(path, snapshot))
    return writing
  }

  return {
    get: (hash) => entries.get(hash),
    list: () => [...entries.values()],
    async update(hash, change) {
      const previous = entries.get(hash) ?? {
        hash,
        uploadUrl: null,
        confirmedBytes: 0,
        size: 0,
        state: 'pending' as const,
        updatedAt: now().toISOString(),
      }
      const next = uploadStateSchema.parse({ ...previous, ...change, hash, updatedAt: now().toISOString() })
      entries.set(hash, next)
      await persist()
      return next
    },
    async remove(hash) {
      if (entries.delete(hash)) await persist()
    },
  }
}
