/**
 * A loopback TCP proxy that plays a bad 3G link for upload tests and benchmarks: it limits the
 * upstream rate (client → server), counts every byte it forwards, and can cut every connection
 * (a dropped link), take the link down and up again (no connection at all meanwhile), or freeze
 * the connections (a link that stays open but moves nothing; what was on its way arrives on thaw). Listens on
 * 127.0.0.1 only; every socket is closed by `close()`.
 */
import { createServer, connect, type Server, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'

export interface LinkProxyOptions {
  targetPort: number
  /** Upstream limit in bytes per second; 0 = unlimited. */
  upstreamBytesPerSecond?: number
  /** Downstream (server → client) limit in bytes per second; 0 = unlimited (download tests). */
  downstreamBytesPerSecond?: number
}

export interface LinkProxy {
  readonly url: string
  /** Bytes forwarded client → server since start (HTTP headers included). */
  upstreamBytes(): number
  downstreamBytes(): number
  /** Destroys every open connection (new ones are accepted). */
  cut(): void
  /** The link is gone (3G dropped): every connection is cut and new ones are refused until `up()`. */
  down(): void
  up(): void
  /** Stops forwarding on every open connection without closing it; `thaw()` undoes it. */
  freeze(): void
  thaw(): void
  /** Calls `cut()` once `upstreamBytes()` has grown by `bytes` from now. */
  cutAfter(bytes: number): void
  /** Calls `cut()` once `downstreamBytes()` has grown by `bytes` from now. */
  cutAfterDown(bytes: number): void
  /** Flips the bits of the downstream byte that arrives `bytes` from now (a corrupted byte on the wire). */
  corruptDownAfter(bytes: number): void
  /** Calls `freeze()` once `upstreamBytes()` has grown by `bytes` from now. */
  freezeAfter(bytes: number): void
  close(): Promise<void>
}

const PIECE = 1460
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export async function startLinkProxy(options: LinkProxyOptions): Promise<LinkProxy> {
  const rate = options.upstreamBytesPerSecond ?? 0
  const sockets = new Set<Socket>()
  let up = 0
  let down = 0
  let isFrozen = false
  let isDown = false
  let cutAt: number | null = null
  let freezeAt: number | null = null
  /** Server → client data that arrived while frozen, delivered on thaw (a frozen link loses nothing). */
  const heldDown: { client: Socket; upstream: Socket; chunk: Buffer }[] = []
  let budgetStart = Date.now()
  let budgetBytes = 0
  const downRate = options.downstreamBytesPerSecond ?? 0
  let downStart = Date.now()
  let downBudget = 0
  let cutDownAt: number | null = null
  let corruptAt: number | null = null

  const cut = () => {
    for (const s of sockets) s.destroy()
    sockets.clear()
  }

  async function pace(bytes: number): Promise<void> {
    if (rate <= 0) return
    budgetBytes += bytes
    const due = budgetStart + (budgetBytes / rate) * 1000
    const wait = due - Date.now()
    if (wait > 0) await sleep(wait)
    else if (wait < -1000) {
      // Idle for a while: do not let a quiet period turn into a burst.
      budgetStart = Date.now()
      budgetBytes = 0
    }
  }

  /** Waits until the downstream limit allows `bytes` more (the same bucket as `pace`). */
  async function paceDown(bytes: number): Promise<void> {
    if (downRate <= 0) return
    downBudget += bytes
    const wait = downStart + (downBudget / downRate) * 1000 - Date.now()
    if (wait > 0) await sleep(wait)
    else if (wait < -1000) {
      downStart = Date.now()
      downBudget = 0
    }
  }

  /** Server → client: paced, counted, and subject to a planned cut or corruption. */
  async function forwardDown(client: Socket, upstream: Socket, chunk: Buffer): Promise<void> {
    for (let at = 0; at < chunk.length; at += PIECE) {
      const piece = Buffer.from(chunk.subarray(at, at + PIECE))
      await paceDown(piece.length)
      if (client.destroyed) return
      if (corruptAt !== null && down + piece.length > corruptAt) {
        const index = corruptAt - down
        piece[index] = (piece[index] ?? 0) ^ 0xff
        corruptAt = null
      }
      down += piece.length
      client.write(piece)
      if (cutDownAt !== null && down >= cutDownAt) {
        cutDownAt = null
        cut()
        return
      }
    }
    if (!upstream.destroyed) upstream.resume()
  }

  async function forwardUp(client: Socket, upstream: Socket): Promise<void> {
    for await (const chunk of client as AsyncIterable<Buffer>) {
      for (let at = 0; at < chunk.length; at += PIECE) {
        while (isFrozen && !client.destroyed) await sleep(50)
        if (client.destroyed || upstream.destroyed) return
        const piece = chunk.subarray(at, at + PIECE)
        await pace(piece.length)
        if (upstream.destroyed) return
        upstream.write(piece)
        up += piece.length
        if (freezeAt !== null && up >= freezeAt) {
          freezeAt = null
          isFrozen = true
        }
        if (cutAt !== null && up >= cutAt) {
          cutAt = null
          cut()
          return
        }
      }
    }
    upstream.end()
  }

  const server: Server = createServer((client) => {
    if (isDown) return void client.destroy()
    const upstream = connect(options.targetPort, '127.0.0.1')
    sockets.add(client)
    sockets.add(upstream)
    const drop = () => {
      client.destroy()
      upstream.destroy()
      sockets.delete(client)
      sockets.delete(upstream)
    }
    client.on('error', drop).on('close', drop)
    upstream.on('error', drop).on('close', drop)
    upstream.on('data', (chunk: Buffer) => {
      if (isFrozen) {
        heldDown.push({ client, upstream, chunk })
        upstream.pause()
        return
      }
      upstream.pause()
      forwardDown(client, upstream, chunk).catch(drop)
    })
    forwardUp(client, upstream).catch(drop)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    upstreamBytes: () => up,
    downstreamBytes: () => down,
    cut,
    down: () => {
      isDown = true
      cut()
    },
    up: () => {
      isDown = false
    },
    freeze: () => {
      isFrozen = true
    },
    thaw: () => {
      isFrozen = false
      for (const { client, upstream, chunk } of heldDown.splice(0)) {
        if (client.destroyed) continue
        down += chunk.length
        client.write(chunk)
        upstream.resume()
      }
    },
    cutAfter: (bytes) => {
      cutAt = up + bytes
    },
    cutAfterDown: (bytes) => {
      cutDownAt = down + bytes
    },
    corruptDownAfter: (bytes) => {
      corruptAt = down + bytes
    },
    freezeAfter: (bytes) => {
      freezeAt = up + bytes
    },
    close: async () => {
      cut()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
