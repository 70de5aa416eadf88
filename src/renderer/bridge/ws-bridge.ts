/**
 * `window.daixa` for the browser host: the bridge over a WebSocket to `/bridge` on the page's own
 * origin. Calls in flight when the socket drops fail with 'disconnected', so the caller decides
 * whether to retry. A call made while the socket is down waits for it (the host may be
 * restarting), but only `queueWaitMs`: then it fails with 'disconnected' too, so no caller waits
 * forever. `connection` tells who needs to know (the recorder) when the host goes and comes back.
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

/** Whether the host can be reached now, and a way to hear when that changes. */
export interface HostConnection {
  isConnected(): boolean
  /** Calls `listener` on every change; returns the unsubscribe. */
  subscribe(listener: (isConnected: boolean) => void): () => void
}

export interface WsBridge extends DaixaBridge {
  readonly connection: HostConnection
  close(): void
}

export interface WsBridgeOptions {
  /** How long a call made while the host is unreachable waits for it (default 10 s). */
  queueWaitMs?: number
  /** The WebSocket class (tests in Node pass the `ws` package's). */
  WebSocketImpl?: typeof WebSocket
}

interface Waiting {
  id: number
  frame: Uint8Array
  timer: ReturnType<typeof setTimeout>
}

const RETRY_FIRST_MS = 250
const RETRY_MAX_MS = 2000

const disconnected = (message: string): Result<never> => ({ ok: false, error: { code: 'disconnected', message } })

export function createWsBridge(url: string, options: WsBridgeOptions = {}): WsBridge {
  const queueWaitMs = options.queueWaitMs ?? 10_000
  const Socket = options.WebSocketImpl ?? WebSocket
  const pending = new Map<number, Pending>()
  const listeners = new Map<EventChannel, Set<AnyListener>>()
  const connectionListeners = new Set<(isConnected: boolean) => void>()
  const waiting: Waiting[] = []
  let nextId = 1
  let socket: WebSocket | null = null
  let isOpen = false
  let closed = false
  let retryMs = RETRY_FIRST_MS

  const setOpen = (value: boolean): void => {
    if (isOpen === value) return
    isOpen = value
    for (const l of connectionListeners) l(value)
  }

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
    const ws = new Socket(url)
    ws.binaryType = 'arraybuffer'
    ws.onopen = () => {
      retryMs = RETRY_FIRST_MS
      for (const w of waiting.splice(0)) {
        clearTimeout(w.timer)
        ws.send(w.frame)
      }
      setOpen(true)
    }
    ws.onmessage = onMessage
    // A refused or broken connection is followed by close, which retries; nothing to do here.
    ws.onerror = () => undefined
    ws.onclose = () => {
      socket = null
      for (const [id, resolve] of pending) {
        if (waiting.some((w) => w.id === id)) continue
        resolve(disconnected('bridge: connection to the host was lost'))
        pending.delete(id)
      }
      setOpen(false)
      if (!closed) setTimeout(connect, retryMs)
      retryMs = Math.min(retryMs * 2, RETRY_MAX_MS)
    }
    socket = ws
  }
  connect()

  /** Holds a call until the socket opens, at most `queueWaitMs`. */
  const hold = (id: number, frame: Uint8Array): void => {
    const timer = setTimeout(() => {
      const at = waiting.findIndex((w) => w.id === id)
      if (at >= 0) waiting.splice(at, 1)
      pending.get(id)?.(disconnected(`bridge: the host could not be reached for ${queueWaitMs} ms`))
      pending.delete(id)
    }, queueWaitMs)
    waiting.push({ id, frame, timer })
  }

  return {
    invoke<C extends Channel>(channel: C, input: CommandInput<C>): Promise<Result<CommandOutput<C>>> {
      const id = nextId++
      const frame = encodeWire({ t: 'invoke', id, channel, input })
      return new Promise((resolve) => {
        pending.set(id, resolve as Pending)
        if (socket !== null && socket.readyState === Socket.OPEN) socket.send(frame)
        else hold(id, frame)
      })
    },
    on<E extends EventChannel>(channel: E, listener: (payload: EventPayload<E>) => void): () => void {
      const set = listeners.get(channel) ?? new Set<AnyListener>()
      listeners.set(channel, set)
      set.add(listener as AnyListener)
      return () => set.delete(listener as AnyListener)
    },
    connection: {
      isConnected: () => isOpen,
      subscribe(listener) {
        connectionListeners.add(listener)
        return () => void connectionListeners.delete(listener)
      },
    },
    close() {
      closed = true
      socket?.close()
    },
  }
}
