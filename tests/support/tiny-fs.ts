/**
 * A really small file system for disk-full tests: a tmpfs of a few hundred KB mounted on a fresh
 * folder. The tests run as root (CI too), so `mount -t tmpfs` works; where it cannot (no
 * CAP_SYS_ADMIN) the test fails with the reason instead of pretending. `fill` takes the free space
 * down to `leaveBytes` with a ballast file that `free` removes, as an officer deleting files would.
 */
import { execFileSync } from 'node:child_process'
import { appendFileSync, mkdtempSync, rmSync, statfsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface TinyFs {
  readonly dir: string
  /** Bytes free now. */
  freeBytes(): number
  /** Fills the file system until about `leaveBytes` remain free. */
  fill(leaveBytes: number): void
  /** Removes the ballast `fill` wrote. */
  free(): void
  unmount(): void
}

/** Mounts on `at` (an existing empty folder) or on a new temporary folder. */
export function mountTinyFs(sizeBytes: number, at?: string): TinyFs {
  const dir = at ?? mkdtempSync(join(tmpdir(), 'daixa-tinyfs-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes},mode=0755`, 'tmpfs', dir], { stdio: 'pipe' })
  } catch (error) {
    if (at === undefined) rmSync(dir, { recursive: true, force: true })
    const why = error instanceof Error ? error.message : String(error)
    throw new Error(`tiny-fs: mounting a ${sizeBytes}-byte tmpfs needs root with CAP_SYS_ADMIN (${why})`)
  }
  const ballast = join(dir, 'ballast.bin')
  const freeBytes = (): number => {
    const s = statfsSync(dir)
    return s.bavail * s.bsize
  }
  return {
    dir,
    freeBytes,
    fill(leaveBytes) {
      // Appended, not rewritten: rewriting would first give back what the ballast already held.
      const more = freeBytes() - leaveBytes
      if (more > 0) appendFileSync(ballast, new Uint8Array(more))
    },
    free: () => rmSync(ballast, { force: true }),
    unmount() {
      // Lazily: a host still running keeps its files; the folder is free at once.
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' })
      if (at === undefined) rmSync(dir, { recursive: true, force: true })
    },
  }
}
