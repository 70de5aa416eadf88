/**
 * Transport over a serial port (`serialport@13`, prebuilt N-API binding). A new SerialPort object
 * is made on every open so a port that vanished (USB adapter unplugged, socat pair killed) can be
 * reopened by path once it is back. `close` can fire twice for one port on Linux (once from the
 * poller, once from a failed write), so it is reported once per opened port.
 * Reference: hardware-protocols.md §5.1 (serialport.io/docs/guide-installation).
 */
import { SerialPort } from 'serialport'
import { ServiceError } from '../../../shared/result'
import { createEmitter } from '../emitter'
import { describeError, type Transport, type TransportEvents } from './transport'

export interface SerialTransportOptions {
  path: string
  baudRate: number
  dataBits?: 5 | 6 | 7 | 8
  parity?: 'none' | 'even' | 'odd'
  stopBits?: 1 | 2
  /** Exclusive open (default true), so two apps never fight over one relay board. */
  lock?: boolean
}

export function createSerialTransport(options: SerialTransportOptions): Transport {
  const events = createEmitter<TransportEvents>()
  let port: SerialPort | null = null
  const closing = new WeakSet<SerialPort>()
  const name = `serial:${options.path}`

  function attach(p: SerialPort): void {
    let isReported = false
    p.on('data', (chunk: Buffer) => events.emit('data', chunk))
    p.on('error', (error: Error) => events.emit('error', error))
    p.on('close', (error?: Error) => {
      if (port === p) port = null
      if (isReported) return
      isReported = true
      events.emit('closed', { isExpected: closing.has(p), ...(error ? { error } : {}) })
    })
  }

  async function open(): Promise<void> {
    if (port?.isOpen) return
    const p = new SerialPort({
      path: options.path,
      baudRate: options.baudRate,
      dataBits: options.dataBits ?? 8,
      parity: options.parity ?? 'none',
      stopBits: options.stopBits ?? 1,
      lock: options.lock ?? true,
      autoOpen: false,
    })
    await new Promise<void>((resolve, reject) => {
      p.open((error) => (error ? reject(new ServiceError('disconnected', `${name}: ${error.message}`)) : resolve()))
    })
    attach(p)
    port = p
  }

  async function close(): Promise<void> {
    const p = port
    port = null
    if (!p) return
    closing.add(p)
    if (!p.isOpen) return
    await new Promise<void>((resolve) => p.close(() => resolve()))
  }

  async function write(bytes: Uint8Array): Promise<void> {
    const p = port
    if (!p?.isOpen) throw new ServiceError('disconnected', `${name}: port is not open`)
    await new Promise<void>((resolve, reject) => {
      p.write(Buffer.from(bytes), (error) => {
        if (error) reject(new ServiceError('io', `${name}: write failed: ${describeError(error)}`))
        else p.drain(() => resolve())
      })
    })
  }

  return { name, open, close, write, isOpen: () => port?.isOpen === true, on: events.on }
}
