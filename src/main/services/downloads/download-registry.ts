/**
 * `downloads.json`: the files of the media store that came from the province as programme audio,
 * with their sizes. Only these are ever released by the budget (an officer's recording, an import
 * or a render is never touched), and their sizes are what the budget counts. Written atomically
 * after every change; a damaged file is set aside and the list rebuilt as files arrive again (a
 * file that is present is found by the store, so nothing is downloaded twice).
 */
import { readFile, rename } from 'node:fs/promises'
import { z } from 'zod'
import { mediaHashSchema } from '../../../shared/ids'
import type { Logger } from '../logger'
import { writeFileAtomic } from '../media/media-store'

const entrySchema = z.object({ sizeBytes: z.number().int().nonnegative(), at: z.iso.datetime() })
const fileSchema = z.object({ version: z.literal(1), files: z.record(mediaHashSchema, entrySchema) })

export interface DownloadRegistry {
  /** Downloaded files and their sizes. */
  held(): Map<string, number>
  add(hash: string, sizeBytes: number): Promise<void>
  remove(hash: string): Promise<void>
}

export async function openDownloadRegistry(
  path: string,
  log: Logger,
  now = () => new Date(),
): Promise<DownloadRegistry> {
  const files = new Map<string, z.infer<typeof entrySchema>>()
  try {
    const parsed = fileSchema.safeParse(JSON.parse(await readFile(path, 'utf8')))
    if (parsed.success) for (const [hash, entry] of Object.entries(parsed.data.files)) files.set(hash, entry)
    else {
      log.warn(`downloads: ${path} is not a valid registry; set aside`)
      await rename(path, `${path}.damaged-${Date.now()}`).catch(() => undefined)
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      log.warn(`downloads: cannot read ${path} (${String(error)}); starting an empty registry`)
      await rename(path, `${path}.damaged-${Date.now()}`).catch(() => undefined)
    }
  }
  let writing: Promise<void> = Promise.resolve()
  const persist = (): Promise<void> => {
    const snapshot = JSON.stringify({ version: 1, files: Object.fromEntries(files) })
    writing = writing.catch(() => undefined).then(() => writeFileAtomic(path, snapshot))
    return writing
  }
  return {
    held: () => new Map([...files].map(([hash, entry]) => [hash, entry.sizeBytes])),
    async add(hash, sizeBytes) {
      files.set(hash, { sizeBytes, at: now().toISOString() })
      await persist()
    },
    async remove(hash) {
      if (files.delete(hash)) await persist()
    },
  }
}
