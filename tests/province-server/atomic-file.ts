/**
 * Crash-safe JSON files for the reference province server.
 *
 * A write goes to `<file>.<pid>.<n>.tmp`, is fsync'ed, renamed over the file, and the directory is
 * fsync'ed, so after `kill -9` (or power loss) at any point the file holds either the old or the new
 * content, never a mix (POSIX rename is atomic within a file system). Temp files left by a crash are
 * removed at start. Test hooks can kill the process at the three interesting points.
 */
import { open, readdir, readFile, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

export type CrashPoint = 'before-write' | 'after-temp' | 'after-rename'

/** Called at each point of a write; a test hook may kill the process there. */
export type CrashHook = (point: CrashPoint) => void

let counter = 0

async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

export async function writeJsonAtomic(path: string, value: unknown, hook?: CrashHook): Promise<void> {
  hook?.('before-write')
  counter += 1
  const tmp = `${path}.${process.pid}.${counter}.tmp`
  const handle = await open(tmp, 'w', 0o600)
  try {
    await handle.writeFile(JSON.stringify(value))
    await handle.sync()
  } finally {
    await handle.close()
  }
  hook?.('after-temp')
  await rename(tmp, path)
  await fsyncDir(dirname(path))
  hook?.('after-rename')
}

/** The parsed content, or undefined when the file does not exist. A damaged file throws. */
export async function readJsonIfExists(path: string): Promise<unknown> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  return JSON.parse(text) as unknown
}

/** Removes `*.tmp` files a crash left in `dir`; returns their names. */
export async function removeStaleTemps(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.tmp'))
  for (const name of names) await rm(join(dir, basename(name)), { force: true })
  return names
}
