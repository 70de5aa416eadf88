/**
 * Plain line logger for main-side services. Lines start with `module:` by convention; the sink
 * is injected so tests can collect lines and the hosts can also write to a file.
 */
export interface Logger {
  info(line: string): void
  warn(line: string): void
  error(line: string): void
}

export type LogSink = (level: 'info' | 'warn' | 'error', line: string) => void

export function createLogger(sink: LogSink): Logger {
  return {
    info: (line) => sink('info', line),
    warn: (line) => sink('warn', line),
    error: (line) => sink('error', line),
  }
}

export const consoleSink: LogSink = (level, line) => {
  const stamp = new Date().toISOString()
  const out = level === 'info' ? console.log : console.error
  out(`${stamp} ${level} ${line}`)
}
