/**
 * The device side of a TCP link, for simulators: listens on a port and talks to the one client
 * connected at a time (a second client replaces the first, as a serial-to-LAN converter does).
 * `isOpen()` is true while listening. `port()` gives the bound port when 0 was asked.
 */
import { createServer, type Server, type Socket } from 'node:net'
import { ServiceError } from '../../../shared/result'
import { createEmitter } from '../emitter'
import type { Transport, TransportEvents } from './transport'

export interface TcpServerTransportOptions {
  host?: string
  port: number
}

export interface TcpServerTransport extends Transport {
  port(): number
  /** Drop the current client (as a device reboot would), keep listening. */
  dropClient(): void
}

export function createTcpServerTransport(options: TcpServerTransportOptions): TcpServerTransport {
  const events = createEmitter<TransportEvents>()
  const host = options.host ?? '127.0.0.1'
  let server: Server | null = null
  let client: Socket | null = null
  let boundPort = options.port

  function accept(s: Socket): void {
    client?.destroy()
    client = s
    s.setNoDelay(true)
    s.on('data', (chunk: Buffer) => events.emit('data', chunk))
    s.on('error', () => s.destroy())
    s.on('close', () => {
      if (client === s) client = null
    })
  }

  async function open(): Promise<void> {
    if (server) return
    const srv = createServer(accept)
    await new Promise<void>((resolve, reject) => {
      srv.once('error', reject)
      srv.listen(boundPort, host, () => resolve())
    })
    const address = srv.address()
    if (address && typeof address === 'object') boundPort = address.port
    server = srv
  }

  async function close(): Promise<void> {
    const srv = server
    server = null
    client?.destroy()
    client = null
    if (!srv) return
    await new Promise<void>((resolve) => srv.close(() => resolve()))
    events.emit('closed', { isExpected: true })
  }

  async function write(bytes: Uint8Array): Promise<void> {
    const s = client
    if (!s || s.destroyed) throw new ServiceError('disconnected', `tcp-server:${host}:${boundPort}: no client`)
    await new Promise<void>((resolve) => s.write(bytes, () => resolve()))
  }

  return {
    get name() {
      return `tcp-server:${host}:${boundPort}`
    },
    open,
    close,
    write,
    isOpen: () => server !== null,
    on: events.on,
    port: () => boundPort,
    dropClient: () => client?.destroy(),
  }
}
