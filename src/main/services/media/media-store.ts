/**
 * The media store: audio files in `<dataDir>/media`, named by the SHA-256 of their bytes, with
 * their waveform peaks beside them (`<hash>.peaks.json`). Content addressing makes uploads
 * idempotent and lets two announcements share one file. Files arrive by rename from a staging
 * folder on the same disk, so a file under its final name is always complete. A step that fails
 * (a full disk) removes what it half-wrote; temporary files left by a crash are swept at start.
 */
import { createHash } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { peaksSchema, type Peaks, type StoredWavInfo } from '../../../shared/ipc/media'
import { mediaHashSchema, type MediaHash } from '../../../shared/ids'
import { ServiceError } from '../../../shared/result'
import { toServiceError } from '../fs-errors'
import { parseOwnHeader, WAV_HEADER_BYTES } from '../recorder/wav'

export interface MediaStore {
  readonly dir: string
  /**
   * Moves a finished file into the store; returns its hash. The source path is consumed. A caller
   * that has already hashed the file passes the hash. On failure nothing is left in the store.
   */
  adopt(sourcePath: string, peaks: Peaks, knownHash?: MediaHash): Promise<{ hash: MediaHash; sizeBytes: number }>
  /** The WAV of a recording or an import. */
  pathOf(hash: MediaHash): string
  /** Whether the store holds the audio of this hash (WAV or MP3). */
  has(hash: MediaHash): boolean
  /** Where the bytes of a hash are: the WAV, or a rendered MP3 (`<hash>.mp3`, the upload format). */
  fileOf(hash: MediaHash): { path: string; kind: MediaKind }
  /**
   * Moves a downloaded, already verified file (a province programme) into the store under its
   * hash: `<hash>.wav` or `<hash>.mp3`. It has no peaks (nothing edits it). The source is consumed.
   */
  adoptDownload(sourcePath: string, hash: MediaHash, kind: MediaKind): Promise<void>
  readPeaks(hash: MediaHash): Promise<Peaks>
  list(): Promise<Array<{ hash: MediaHash; modifiedAt: string }>>
  /** Length and format of a stored WAV (read from its header). */
  describe(hash: MediaHash): Promise<StoredWavInfo>
  remove(hash: MediaHash): Promise<boolean>
}

export type MediaKind = 'wav' | 'mp3'
export const mediaMime: Record<MediaKind, string> = { wav: 'audio/wav', mp3: 'audio/mpeg' }

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** The temporary names `writeFileAtomic` uses: `<name>.<pid>.<ms>.tmp`. */
const TEMP_NAME = /\.\d+\.\d+\.tmp$/

/**
 * Writes a file so that readers see either the old content or the new, never half of it. When the
 * write fails (a full disk) the temporary file is removed, so failures leave nothing behind.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o644): Promise<void> {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`
  try {
    await writeFile(tmp, data, { flush: true, mode })
    await rename(tmp, path)
  } catch (error) {
    await rm(tmp, { force: true }).catch(() => undefined)
    throw error
  }
}

/** Removes the temporary files a crash left in `dir` (a process killed inside `writeFileAtomic`). */
export async function sweepTempFiles(dir: string): Promise<string[]> {
  const names = (await readdir(dir).catch(() => [])).filter((n) => TEMP_NAME.test(n))
  for (const name of names) await rm(join(dir, name), { force: true }).catch(() => undefined)
  return names
}

export async function createMediaStore(dir: string): Promise<MediaStore> {
  await mkdir(dir, { recursive: true })
  await sweepTempFiles(dir)
  const pathOf = (hash: MediaHash): string => join(dir, `${mediaHashSchema.parse(hash)}.wav`)
  const mp3Of = (hash: MediaHash): string => join(dir, `${mediaHashSchema.parse(hash)}.mp3`)
  // A hash names one content: either a WAV take or a rendered MP3, never both.
  const fileOf = (hash: MediaHash): { path: string; kind: MediaKind } =>
    !existsSync(pathOf(hash)) && existsSync(mp3Of(hash))
      ? { path: mp3Of(hash), kind: 'mp3' }
      : { path: pathOf(hash), kind: 'wav' }
  const peaksPath = (hash: MediaHash): string => join(dir, `${mediaHashSchema.parse(hash)}.peaks.json`)

  return {
    dir,
    pathOf,
    fileOf,
    has: (hash) => existsSync(fileOf(hash).path),
    async adopt(sourcePath, peaks, knownHash) {
      let wrotePeaks: string | null = null
      try {
        const hash = knownHash ?? (await sha256File(sourcePath))
        const { size } = await stat(sourcePath)
        // Peaks first: a file under its final name always has its peaks.
        const hadPeaks = existsSync(peaksPath(hash))
        await writeFileAtomic(peaksPath(hash), JSON.stringify(peaks))
        if (!hadPeaks) wrotePeaks = peaksPath(hash)
        await rename(sourcePath, pathOf(hash))
        return { hash, sizeBytes: size }
      } catch (error) {
        // Peaks without their audio would be litter (the source stays where it was).
        if (wrotePeaks !== null) await rm(wrotePeaks, { force: true }).catch(() => undefined)
        throw toServiceError(error, 'media: storing the recording')
      }
    },
    async adoptDownload(sourcePath, hash, kind) {
      try {
        await rename(sourcePath, kind === 'wav' ? pathOf(hash) : mp3Of(hash))
      } catch (error) {
        throw toServiceError(error, `media: storing the download ${hash}`)
      }
    },
    async readPeaks(hash) {
      let text: string
      try {
        text = await readFile(peaksPath(hash), 'utf8')
      } catch (error) {
        throw toServiceError(error, `media: peaks of ${hash}`)
      }
      let json: unknown
      try {
        json = JSON.parse(text)
      } catch {
        json = undefined // a truncated or garbled file is damaged, like one that fails the schema
      }
      const parsed = peaksSchema.safeParse(json)
      if (!parsed.success) throw new ServiceError('corrupt', `media: peaks of ${hash} are damaged`)
      return parsed.data
    },
    async list() {
      const names = await readdir(dir)
      const out: Array<{ hash: MediaHash; modifiedAt: string }> = []
      for (const name of names) {
        const m = /^([0-9a-f]{64})\.(?:wav|mp3)$/.exec(name)
        if (!m?.[1]) continue
        const s = await stat(join(dir, name))
        out.push({ hash: m[1], modifiedAt: s.mtime.toISOString() })
      }
      return out
    },
    async describe(hash) {
      const path = pathOf(hash)
      try {
        const fh = await open(path, 'r')
        try {
          const { size, mtime } = await fh.stat()
          const header = Buffer.alloc(WAV_HEADER_BYTES)
          await fh.read(header, 0, WAV_HEADER_BYTES, 0)
          const layout = parseOwnHeader(header, size)
          const sampleCount = layout.dataBytes / (2 * layout.channels)
          const { sampleRate, channels } = layout
          const durationMs = (sampleCount / sampleRate) * 1000
          return {
            hash,
            sizeBytes: size,
            sampleRate,
            channels,
            sampleCount,
            durationMs,
            modifiedAt: mtime.toISOString(),
          }
        } finally {
          await fh.close()
        }
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('wav:')) {
          throw new ServiceError('corrupt', `media: ${hash} is not a readable WAV (${error.message})`)
        }
        throw toServiceError(error, `media: reading ${hash}`)
      }
    },
    async remove(hash) {
      const file = fileOf(hash).path
      const existed = await stat(file).then(
        () => true,
        () => false,
      )
      try {
        await rm(file, { force: true })
        await rm(peaksPath(hash), { force: true })
      } catch (error) {
        throw toServiceError(error, `media: deleting ${hash}`)
      }
      return existed
    },
  }
}
