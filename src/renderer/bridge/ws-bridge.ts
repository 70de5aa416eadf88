/**
 * `window.daixa` for the browser host: the bridge over a WebSocket to `/bridge` on the page's own
 * origin. Calls made while the socket is down wait for it (the host may be restarting); calls in
 * flight when it drops fail with 'disconnected', so the caller decides whether to retry.
 */
import {
  isEventChannel,
  type Channel,
  type CommandInput,
  type CommandOutput,
  type DaixaBridge,
  type EventChannel,
  type EventPayload,
} from '../../shared/ipc/contract'
import { decodeWire, encodeWire, type WireMessage } from '../../shared/ipc/wire'
import type { Result } from '../../shared/result'

type Pending = (result: Result<unknown>) => void
type AnyListener = (payload: unknown) => void

export interface WsBridge extends DaixaBridge {
  close(): void
}

export function createWsBridge(url: string): WsBridge {
  const pending = new Map<number, Pending>()
  const listeners = new Map<EventChannel, Set<AnyListener>>()
  const waiting: Uint8Array[] = []
  let nextId = 1
  let socket: WebSocket | null = null
  let closed = false
  let retryMs = 250

  const onMessage = (event: MessageEvent<ArrayBuffer>): void => {
    let message: WireMessage
    try {
      message = decodeWire(new Uint8Array(event.data))
    } catch (error) {
      console.warn('bridge: malformed frame from host', error)
      return
    }
    if (message.t === 'result') {
      pending.get(message.id)?.(message.result)
      pending.delete(message.id)
    } else if (message.t === 'event' && isEventChannel(message.channel)) {
      for (const l of listeners.get(message.channel) ?? []) l(message.payload)
    }
  }

  const connect = (): void => {
    const ws = new WebSocket(url)
    ws.binaryType = 'arraybuffer'
    ws.onopen = () => {
      retryMs = 250
      for (const frame of waiting.splice(0)) ws.send(frame)
    }
    ws.onmessage = onMessage
    ws.onclose = () => {
      socket = null
      for (const [id, resolve] of pending) {
        resolve({ ok: false, error: { code: 'disconnected', message: 'bridge: connection to the host was lost' } })
        pending.delete(id)
      }
      if (!closed) setTimeout(connect, (retryMs = Math.min(retryMs * 2, 4000)))
    }
    socket = ws
  }
  connect()

  return {
    invoke<C extends Channel>(channel: C, input: CommandInput<C>): Promise<Result<CommandOutput<C>>> {
      const id = nextId++
      const frame = encodeWire({ t: 'invoke', id, channel, input })
      return new Promise((resolve) => {
        pending.set(id, resolve as Pending)
        if (socket?.readyState === WebSocket.OPEN) socket.send(frame)
        else waiting.push(frame)
      })
    },
    on<E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void): () => void {
      const set = listeners.get(channel) ?? new Set<AnyListener>()
      listeners.set(channel, set)
      set.add(listener as AnyListener)
      return () => set.delete(listener as AnyListener)
    },
    close() {
      closed = true
      socket?.close()
    },
  }
}
