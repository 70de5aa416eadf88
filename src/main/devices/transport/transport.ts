/**
 * The byte pipe every driver and simulator talks through: a serial port, a TCP socket, or the
 * device side of either. Framing lives in the codecs, not here, so the same driver works over
 * any transport. `open()` may be called again after a close (drivers reopen with back-off).
 */
import type { Unsubscribe } from '../emitter'

export interface TransportClosedInfo {
  /** true when close() was called; false when the port vanished (USB unplugged, socket reset). */
  isExpected: boolean
  error?: Error
}

export interface TransportEvents extends Record<string, unknown> {
  data: Uint8Array
  closed: TransportClosedInfo
  error: Error
}

export interface Transport {
  /** Human-readable target for logs, e.g. `serial:/dev/ttyUSB0` or `tcp:192.168.1.20:4001`. */
  readonly name: string
  open(): Promise<void>
  close(): Promise<void>
  /** Resolves when the bytes are handed to the OS; rejects with ServiceError 'disconnected' or 'io'. */
  write(bytes: Uint8Array): Promise<void>
  isOpen(): boolean
  on<E extends keyof TransportEvents>(event: E, listener: (payload: TransportEvents[E]) => void): Unsubscribe
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
