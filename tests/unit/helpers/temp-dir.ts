/** Temporary folders for tests that use the real file system; each test removes what it made. */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface TempDirs {
  /** A fresh empty folder under the OS temp dir. */
  make(): Promise<string>
  /** Removes every folder made so far. */
  cleanup(): Promise<void>
}

export function tempDirs(prefix = 'daixa-test-'): TempDirs {
  const made: string[] = []
  return {
    async make() {
      const dir = await mkdtemp(join(tmpdir(), prefix))
      made.push(dir)
      return dir
    },
    async cleanup() {
      for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true })
    },
  }
}
