/**
 * The province's audio library on the reference server: the files of its programmes, shared by
 * every commune, content-addressed (`<dataDir>/library/<sha256>.mp3|.wav`). A programme record
 * names its file by `mediaHash`; `GET /v1/media/{sha256}/content` serves it (media-content.ts).
 * Files arrive by rename from a temporary name, so a file under its final name is always whole.
 */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { copyFile, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { DownloadMediaType } from '../../src/shared/province/media'

export interface LibraryFile {
  sha256: string
  size: number
  mime: DownloadMediaType
  path: string
}

export interface MediaLibrary {
  readonly dir: string
  /** Stores bytes under their hash; storing the same bytes again changes nothing. */
  add(bytes: Uint8Array, mime: DownloadMediaType): Promise<LibraryFile>
  /** Copies a file in (the demo seed's generated audio). */
  addFile(path: string, mime: DownloadMediaType): Promise<LibraryFile>
  find(sha256: string): Promise<LibraryFile | null>
}

const EXTENSION: Record<DownloadMediaType, string> = { 'audio/mpeg': 'mp3', 'audio/wav': 'wav' }
const MIME_OF: Record<string, DownloadMediaType> = { mp3: 'audio/mpeg', wav: 'audio/wav' }
const HASH = /^[0-9a-f]{64}$/

function sha256Of(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')))
  })
}

let counter = 0

export async function createMediaLibrary(dataDir: string): Promise<MediaLibrary> {
  const dir = join(dataDir, 'library')
  await mkdir(dir, { recursive: true })
  for (const name of await readdir(dir)) if (name.endsWith('.tmp')) await rm(join(dir, name), { force: true })

  async function settle(tmp: string, mime: DownloadMediaType): Promise<LibraryFile> {
    try {
      const sha256 = await sha256Of(tmp)
      const path = join(dir, `${sha256}.${EXTENSION[mime]}`)
      await rename(tmp, path)
      return { sha256, size: (await stat(path)).size, mime, path }
    } catch (error) {
      await rm(tmp, { force: true })
      throw error
    }
  }
  const tempName = (): string => join(dir, `in-${process.pid}-${++counter}.tmp`)

  return {
    dir,
    async add(bytes, mime) {
      const tmp = tempName()
      await writeFile(tmp, bytes)
      return settle(tmp, mime)
    },
    async addFile(path, mime) {
      const tmp = tempName()
      await copyFile(path, tmp)
      return settle(tmp, mime)
    },
    async find(sha256) {
      if (!HASH.test(sha256)) return null
      for (const [ext, mime] of Object.entries(MIME_OF)) {
        const path = join(dir, `${sha256}.${ext}`)
        const found = await stat(path).catch(() => null)
        if (found) return { sha256, size: found.size, mime, path }
      }
      return null
    },
  }
}
