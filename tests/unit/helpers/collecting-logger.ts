/** A Logger that keeps its lines, so tests can read what a service reported. */
import { createLogger, type Logger } from '../../../src/main/services/logger'

export function collectingLogger(): Logger & { lines: string[] } {
  const lines: string[] = []
  return Object.assign(
    createLogger((level, line) => lines.push(`${level} ${line}`)),
    { lines },
  )
}
