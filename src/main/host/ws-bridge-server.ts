/**
 * The bridge over a WebSocket at `/bridge`: the browser host's stand-in for Electron IPC.
 * Frames use the shared wire format. An upgrade must pass `access` (loopback Host, this launch's
 * session cookie, which only the page opened from the printed address holds) and come from the
 * host's own loopback origin: another site open in the same browser cannot drive the station
 * (wrong Origin, no cookie), and neither can another local process (it can forge Origin, not the
 * cookie). Refusals are logged without the cookie or the key.
 *
 * Each connection is one page: calls carry it as their owner, and when it closes (the tab is
 * closed, reloaded or its process dies) `onOwnerGone` ends what the page was recording.
 */
import type { IncomingMessage, Server } from 'node:http'
import { WebSocketServer, type WebSocket } from 'ws'
import { decodeWire, encodeWire } from '../../shared/ipc/wire'
import type { Dispatch, EventBus } from '../ipc/dispatcher'
import type { Logger } from '../services/logger'
import type { HostAccess } from './host-access'

export interface WsBridgeOptions {
  server: Server
  dispatch: Dispatch
  bus: EventBus
  log: Logger
  allowedOrigins: () => readonly string[]
  access: HostAccess
  /** A page's connection closed; `owner` is the value its calls carried. */
  onOwnerGone?: (owner: string) => Promise<void>
}

const MAX_FRAME_BYTES = 2 * 1024 * 1024

export function attachWsBridge({
  server,
  dispatch,
  bus,
  log,
  allowedOrigins,
  access,
  onOwnerGone,
}: WsBridgeOptions): () => Promise<void> {
  let connections = 0
  const wss = new WebSocketServer({
    server,
    path: '/bridge',
    maxPayload: MAX_FRAME_BYTES,
    verifyClient: (
      { req }: { req: IncomingMessage },
      done: (allowed: boolean, status?: number, message?: string) => void,
    ) => {
      const origin = req.headers.origin ?? ''
      if (!allowedOrigins().includes(origin)) {
        log.warn(`host: refused a bridge connection from origin "${origin.slice(0, 100)}"`)
        return done(false, 401, 'Unauthorized')
      }
      const verdict = access.check(req)
      if (!verdict.ok) {
        log.warn(`host: refused a bridge connection from origin "${origin.slice(0, 100)}": ${verdict.reason}`)
        return done(false, verdict.status, verdict.reason)
      }
      return done(true)
    },
  })

  const send = (socket: WebSocket, frame: Uint8Array): void => {
    if (socket.readyState === socket.OPEN) socket.send(frame)
  }

  // Without a listener an 'error' event is thrown and ends the host process.
  wss.on('error', (error) => log.error(`host: bridge server error: ${error.message}`))

  wss.on('connection', (socket, req) => {
    const sender = req.headers.origin ?? 'unknown'
    const owner = `ws:${++connections}`
    socket.on('close', () => {
      onOwnerGone?.(owner).catch((error: unknown) =>
        log.error(
          `host: ending what ${owner} was doing failed: ${error instanceof Error ? error.message : String(error)}`,
        ),
      )
    })
    // A protocol error from one client (oversized or invalid frame): ws closes that socket.
    socket.on('error', (error) => log.warn(`host: bridge socket error from ${sender.slice(0, 100)}: ${error.message}`))
    socket.on('message', (data, isBinary) => {
      if (!isBinary) return socket.close(1003, 'binary frames only')
      let message
      try {
        message = decodeWire(new Uint8Array(data as Buffer))
      } catch (error) {
        log.warn(`host: dropped a malformed bridge frame: ${String(error).slice(0, 200)}`)
        return undefined
      }
      if (message.t !== 'invoke') return undefined
      const { id, channel, input } = message
      void dispatch(channel, input, { sender, owner }).then((result) =>
        send(socket, encodeWire({ t: 'result', id, result })),
      )
      return undefined
    })
  })

  const unsubscribe = bus.subscribe((channel, payload) => {
    const frame = encodeWire({ t: 'event', channel, payload })
    for (const socket of wss.clients) send(socket, frame)
  })

  return () =>
    new Promise<void>((resolve) => {
      unsubscribe()
      for (const socket of wss.clients) socket.terminate()
      wss.close(() => resolve())
    })
}
