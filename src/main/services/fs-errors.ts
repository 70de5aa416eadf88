/** Maps file-system failures to the bridge's error codes, so the officer sees "disk full", not errno. */
import { ServiceError } from '../../shared/result'

export function toServiceError(error: unknown, what: string): ServiceError {
  if (error instanceof ServiceError) return error
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  const detail = error instanceof Error ? error.message : String(error)
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new ServiceError('disk-full', `${what}: no space left on the device (${detail})`)
    case 'ENOENT':
      return new ServiceError('not-found', `${what}: ${detail}`)
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new ServiceError('forbidden', `${what}: ${detail}`)
    default:
      return new ServiceError('io', `${what}: ${detail}`)
  }
}
