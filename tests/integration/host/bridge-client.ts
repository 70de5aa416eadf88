/**
 * A test client for the browser host: raw HTTP requests (paths sent as written, no client-side
 * normalisation) and a bridge client over a real `ws` WebSocket speaking the shared wire format.
 */
import { request } from 'node:http'
import WebSocket from 'ws'
import type { Result } from '../../../src/shared/result'
import { decodeWire, encodeWire, type WireMessage } from '../../../src/shared/ipc/wire'

export interface HttpAnswer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

export function httpRequest(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers, agent: false },
      (res) => {
        const parts: Buffer[] = []
        res.on('data', (c: Buffer) => parts.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }))
        res.on('error', reject)
      },
    )
    req.setTimeout(5000, () => req.destroy(new Error(`http: ${path} timed out`)))
    req.on('error', reject)
    req.end()
  })
}

export interface BridgeClient {
  readonly socket: WebSocket
  invoke(channel: string, input: unknown): Promise<Result<unknown>>
  /** Resolves with the next event on `channel` (or one already received and not yet taken). */
  nextEvent(channel: string, timeoutMs?: number): Promise<unknown>
  sendRaw(data: Uint8Array | string): void
  /** Resolves with the close code when the server closes the socket. */
  closed: Promise<number>
  close(): Promise<void>
}

/** `headers`: what else the upgrade carries (the session cookie of the host's launch, a Host). */
export function connectBridge(
  port: number,
  origin: string,
  headers: Record<string, string> = {},
): Promise<BridgeClient> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/bridge`, { headers: { Origin: origin, ...headers } })
  const pending = new Map<number, (r: Result<unknown>) => void>()
  const events: Array<{ channel: string; payload: unknown }> = []
  const eventWaiters: Array<() => void> = []
  let nextId = 1
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)))

  socket.on('message', (data: Buffer, isBinary) => {
    if (!isBinary) throw new Error('bridge-client: the host sent a text frame')
    const message: WireMessage = decodeWire(new Uint8Array(data))
    if (message.t === 'result') {
      pending.get(message.id)?.(message.result)
      pending.delete(message.id)
    } else if (message.t === 'event') {
      events.push({ channel: message.channel, payload: message.payload })
      for (const wake of eventWaiters.splice(0)) wake()
    }
  })

  const client: BridgeClient = {
    socket,
    closed,
    invoke(channel, input) {
      const id = nextId++
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`bridge-client: ${channel} got no answer`)), 10_000)
        pending.set(id, (r) => {
          clearTimeout(timer)
          resolve(r)
        })
        socket.send(encodeWire({ t: 'invoke', id, channel, input }))
      })
    },
    nextEvent(channel, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const deadline = setTimeout(() => reject(new Error(`bridge-client: no ${channel} event`)), timeoutMs)
        const look = (): void => {
          const at = events.findIndex((e) => e.channel === channel)
          if (at >= 0) {
            clearTimeout(deadline)
            resolve(events.splice(at, 1)[0]?.payload)
          } else {
            eventWaiters.push(look)
          }
        }
        look()
      })
    },
    sendRaw(data) {
      socket.send(data, { binary: typeof data !== 'string' })
    },
    async close() {
      if (socket.readyState === WebSocket.CLOSED) return
      socket.close()
      await closed
    },
  }

  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(client))
    socket.once('error', reject)
  })
}

/** Tries to connect and reports how the host refused: the HTTP status of the failed upgrade. */
export function refusedStatus(
  port: number,
  origin: string | null,
  extraHeaders: Record<string, string> = {},
): Promise<number> {
  const headers: Record<string, string> = { ...(origin === null ? {} : { Origin: origin }), ...extraHeaders }
  const socket = new WebSocket(`ws://127.0.0.1:${port}/bridge`, { headers })
  return new Promise((resolve, reject) => {
    socket.once('open', () => {
      socket.close()
      reject(new Error(`bridge-client: origin ${String(origin)} was let in`))
    })
    socket.once('unexpected-response', (req, res) => {
      resolve(res.statusCode ?? 0)
      req.destroy()
    })
    socket.once('error', () => undefined)
  })
}
