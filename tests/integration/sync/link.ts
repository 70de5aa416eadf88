/**
 * A loopback TCP proxy standing for the commune's internet link: `down()` cuts every open
 * connection and refuses new ones (like 3G dropping), `up()` restores it. Real sockets, no mocks.
 */
import { createServer, connect, type Server, type Socket } from 'node:net'

export interface Link {
  url: string
  up(): void
  down(): void
  close(): Promise<void>
}

export async function startLink(targetUrl: string): Promise<Link> {
  const target = new URL(targetUrl)
  let isUp = true
  const sockets = new Set<Socket>()
  const server: Server = createServer((client) => {
    if (!isUp) return void client.destroy()
    const upstream = connect(Number(target.port), target.hostname)
    sockets.add(client)
    sockets.add(upstream)
    const drop = (): void => {
      client.destroy()
      upstream.destroy()
      sockets.delete(client)
      sockets.delete(upstream)
    }
    client.on('error', drop).on('close', drop)
    upstream.on('error', drop).on('close', drop)
    client.pipe(upstream)
    upstream.pipe(client)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    up: () => {
      isUp = true
    },
    down: () => {
      isUp = false
      for (const socket of sockets) socket.destroy()
      sockets.clear()
    },
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
