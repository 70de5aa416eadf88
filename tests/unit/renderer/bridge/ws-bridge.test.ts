/**
 * The browser host's bridge against a real WebSocket server on loopback that goes away and comes
 * back on the same port, as a restarted host does.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket, { WebSocketServer } from 'ws'
import { createWsBridge, type WsBridge } from '../../../../src/renderer/bridge/ws-bridge'
import { decodeWire, encodeWire } from '../../../../src/shared/ipc/wire'

interface FakeHost {
  port: number
  /** Answers every call with its channel and input; `silent` makes it keep quiet. */
  silent: boolean
  stop(): Promise<void>
}

async function startFakeHost(port = 0): Promise<FakeHost> {
  const server: Server = createServer()
  const wss = new WebSocketServer({ server, path: '/bridge' })
  const host: FakeHost = { port: 0, silent: false, stop: () => Promise.resolve() }
  wss.on('connection', (socket) => {
    socket.on('message', (data: Buffer) => {
      const message = decodeWire(new Uint8Array(data))
      if (message.t !== 'invoke' || host.silent) return
      const value = { channel: message.channel, input: message.input }
      socket.send(encodeWire({ t: 'result', id: message.id, result: { ok: true, value } }))
    })
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()))
  host.port = (server.address() as AddressInfo).port
  host.stop = () =>
    new Promise<void>((resolve) => {
      for (const client of wss.clients) client.terminate()
      wss.close()
      server.close(() => resolve())
    })
  return host
}

const bridges: WsBridge[] = []
const hosts: FakeHost[] = []
afterEach(async () => {
  for (const b of bridges.splice(0)) b.close()
  for (const h of hosts.splice(0)) await h.stop()
})

function bridgeTo(port: number, queueWaitMs = 300): WsBridge {
  // Node 20 has no WebSocket of its own; the `ws` client has the same browser-style API.
  const b = createWsBridge(`ws://127.0.0.1:${port}/bridge`, {
    queueWaitMs,
    WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket,
  })
  bridges.push(b)
  return b
}

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('ws-bridge test: timed out')
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('ws-bridge', () => {
  it('reports the connection and answers calls while the host is there', async () => {
    const host = await startFakeHost()
    hosts.push(host)
    const bridge = bridgeTo(host.port)
    const seen: boolean[] = []
    bridge.connection.subscribe((v) => seen.push(v))
    expect(await bridge.invoke('app:info', {})).toEqual({ ok: true, value: { channel: 'app:info', input: {} } })
    expect(bridge.connection.isConnected()).toBe(true)
    expect(seen).toEqual([true])
  })

  it("fails calls in flight and calls that wait too long with 'disconnected', then reconnects", async () => {
    const host = await startFakeHost()
    const bridge = bridgeTo(host.port, 300)
    await until(() => bridge.connection.isConnected())
    const seen: boolean[] = []
    bridge.connection.subscribe((v) => seen.push(v))
    host.silent = true
    const inFlight = bridge.invoke('app:info', {})
    await new Promise((r) => setTimeout(r, 50))
    await host.stop()
    expect(await inFlight).toMatchObject({ ok: false, error: { code: 'disconnected' } })
    expect(bridge.connection.isConnected()).toBe(false)

    // A call made while the host is away waits for it, but not forever.
    const startedAt = Date.now()
    expect(await bridge.invoke('settings:get', {})).toMatchObject({ ok: false, error: { code: 'disconnected' } })
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(280)
    expect(Date.now() - startedAt).toBeLessThan(2000)

    // One made shortly before the host returns is sent when it does.
    const waiting = bridgeTo(host.port, 10_000)
    const queued = waiting.invoke('settings:get', {})
    const back = await startFakeHost(host.port)
    hosts.push(back)
    expect(await queued).toMatchObject({ ok: true, value: { channel: 'settings:get' } })
    await until(() => bridge.connection.isConnected())
    expect(seen).toEqual([false, true])
    expect(await bridge.invoke('app:info', {})).toMatchObject({ ok: true })
  })
})
