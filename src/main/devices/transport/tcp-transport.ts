/**
 * Transport over TCP for devices with a LAN port (serial-to-Ethernet converters, encoders such as
 * Deva SmartGen with a TCP console). A fresh socket per open; a reset or a peer close is reported
 * as an unexpected 'closed' so the driver reconnects with back-off.
 * Reference: hardware-protocols.md §1.1.1 ("keep the transport pluggable").
 */
import { connect, type Socket } from 'node:net'
import { ServiceError } from '../../../shared/result'
import { createEmitter } from '../emitter'
import { describeError, type Transport, type TransportEvents } from './transport'

export interface TcpTransportOptions {
  host: string
  port: number
  /** Give up a connect attempt after this long (default 2000 ms). */
  connectTimeoutMs?: number
}

export function createTcpTransport(options: TcpTransportOptions): Transport {
  const events = createEmitter<TransportEvents>()
  const name = `tcp:${options.host}:${options.port}`
  let socket: Socket | null = null
  const closing = new WeakSet<Socket>()

  function attach(s: Socket): void {
    s.on('data', (chunk: Buffer) => events.emit('data', chunk))
    s.on('error', (error) => events.emit('error', error))
    s.on('close', () => {
      if (socket === s) socket = null
      events.emit('closed', { isExpected: closing.has(s) })
    })
  }

  async function open(): Promise<void> {
    if (socket && !socket.destroyed) return
    const s = connect({ host: options.host, port: options.port })
    s.setNoDelay(true)
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        s.destroy()
        reject(new ServiceError('disconnected', `${name}: connect timed out`))
      }, options.connectTimeoutMs ?? 2000)
      s.once('connect', () => {
        clearTimeout(timer)
        resolve()
      })
      s.once('error', (error) => {
        clearTimeout(timer)
        s.destroy()
        reject(new ServiceError('disconnected', `${name}: ${error.message}`))
      })
    })
    attach(s)
    socket = s
  }

  async function close(): Promise<void> {
    const s = socket
    socket = null
    if (!s || s.destroyed) return
    closing.add(s)
    await new Promise<void>((resolve) => {
      s.once('close', () => resolve())
      s.destroy()
    })
  }

  async function write(bytes: Uint8Array): Promise<void> {
    const s = socket
    if (!s || s.destroyed) throw new ServiceError('disconnected', `${name}: socket is not connected`)
    await new Promise<void>((resolve, reject) => {
      s.write(bytes, (error) =>
        error ? reject(new ServiceError('io', `${name}: ${describeError(error)}`)) : resolve(),
      )
    })
  }

  return { name, open, close, write, isOpen: () => socket !== null && !socket.destroyed, on: events.on }
}
