/**
 * A real FileHandle that behaves like a disk that fills up, for the recorder's durability tests.
 * The file may not grow past `capacity` bytes: a write that crosses the limit is shortened (as
 * write(2) does on a full disk), and a write that starts at or past it rejects with ENOSPC.
 * `failDatasync` makes fdatasync reject, as it can on a full or failing disk.
 */
import { open, type FileHandle } from 'node:fs/promises'

export interface FailingFileOptions {
  capacity?: number
  failDatasync?: () => NodeJS.ErrnoException | null
}

export function errnoError(code: string, syscall: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: simulated failure, ${syscall}`)
  error.code = code
  error.syscall = syscall
  return error
}

export function failingFileOpener(options: FailingFileOptions): (path: string) => Promise<FileHandle> {
  const capacity = options.capacity ?? Number.POSITIVE_INFINITY
  return async (path) => {
    const real = await open(path, 'wx')
    const write = async (
      buffer: Uint8Array,
      offset = 0,
      length = buffer.byteLength - offset,
      position?: number | null,
    ) => {
      if (typeof position !== 'number') throw new Error('failing-file: only positional writes are simulated')
      const room = capacity - position
      if (length > 0 && room <= 0) throw errnoError('ENOSPC', 'write')
      return real.write(buffer, offset, Math.min(length, room), position)
    }
    const datasync = async () => {
      const error = options.failDatasync?.() ?? null
      if (error) throw error
      return real.datasync()
    }
    return new Proxy(real, {
      get(target, prop) {
        if (prop === 'write') return write
        if (prop === 'datasync') return datasync
        const value: unknown = Reflect.get(target, prop, target)
        // FileHandle methods use private state: call them on the real handle, not the proxy.
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
      },
    })
  }
}
