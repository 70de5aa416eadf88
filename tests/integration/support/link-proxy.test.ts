/** The test link proxy itself: a frozen link holds what the server sends and delivers it on thaw. */
import { createServer, connect, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { startLinkProxy, type LinkProxy } from '../../support/link-proxy'

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close()
})

/** A loopback server that writes `pieces` to each client, one every 20 ms, then ends. */
async function talkingServer(pieces: string[]) {
  const server = createServer((socket) => {
    let n = 0
    const timer = setInterval(() => {
      const piece = pieces[n++]
      if (piece === undefined) {
        clearInterval(timer)
        socket.end()
      } else socket.write(piece)
    }, 20)
    socket.on('close', () => clearInterval(timer))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  closers.push(() => new Promise((resolve) => server.close(() => resolve())))
  return (server.address() as AddressInfo).port
}

function readAll(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    socket.on('data', (d: Buffer) => (text += d.toString()))
    socket.on('end', () => resolve(text))
    socket.on('error', reject)
  })
}

describe('tests/support/link-proxy', () => {
  it('delivers every byte the server sent while the link was frozen, in order, after thaw', async () => {
    const pieces = Array.from({ length: 10 }, (_, n) => `piece-${n};`)
    const proxy: LinkProxy = await startLinkProxy({ targetPort: await talkingServer(pieces) })
    closers.push(() => proxy.close())
    const port = Number(new URL(proxy.url).port)
    const socket = connect(port, '127.0.0.1')
    const all = readAll(socket)
    await new Promise((r) => setTimeout(r, 50))
    proxy.freeze()
    const frozenAt = proxy.downstreamBytes()
    await new Promise((r) => setTimeout(r, 100))
    expect(proxy.downstreamBytes()).toBe(frozenAt)
    proxy.thaw()
    expect(await all).toBe(pieces.join(''))
    expect(proxy.downstreamBytes()).toBe(pieces.join('').length)
  })
})
