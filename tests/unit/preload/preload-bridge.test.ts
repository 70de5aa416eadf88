import { EventEmitter } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createAppServices } from '../../../src/main/app-services'
import { registerIpcBridge, type InvokeEventLike, type IpcMainLike } from '../../../src/main/electron/ipc'
import { createOriginCheck } from '../../../src/main/electron/schemes'
import { createLogger } from '../../../src/main/services/logger'
import { createBridge, type IpcRendererLike } from '../../../src/preload/bridge'
import { ELECTRON_EVENT_CHANNEL, ELECTRON_INVOKE_CHANNEL } from '../../../src/shared/ipc/contract'

/** ipcRenderer's shape: an emitter of (event, ...args) plus invoke, recording what it was asked. */
class FakeIpcRenderer extends EventEmitter implements IpcRendererLike {
  readonly invoked: unknown[][] = []
  answer: unknown = { ok: true, value: {} }
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push([channel, ...args])
    return Promise.resolve(this.answer)
  }
  deliver(channel: string, payload: unknown): void {
    this.emit(ELECTRON_EVENT_CHANNEL, { sender: 'the ipcRenderer the page must never see' }, channel, payload)
  }
}

describe('preload bridge', () => {
  it('sends every command on the one invoke channel and returns the Result as is', async () => {
    const ipc = new FakeIpcRenderer()
    ipc.answer = { ok: false, error: { code: 'not-found', message: 'media: peaks of x' } }
    const bridge = createBridge(ipc)
    const result = await bridge.invoke('media:peaks', { hash: 'ab'.repeat(32) })
    expect(ipc.invoked).toEqual([[ELECTRON_INVOKE_CHANNEL, 'media:peaks', { hash: 'ab'.repeat(32) }]])
    expect(result).toEqual(ipc.answer)
  })

  it('delivers only the payload of the subscribed channel, and stops after unsubscribe', () => {
    const ipc = new FakeIpcRenderer()
    const bridge = createBridge(ipc)
    const seen: unknown[] = []
    const off = bridge.on('app:menu', (payload) => seen.push(payload))
    ipc.deliver('settings:changed', { language: 'en' })
    ipc.deliver('app:menu', { action: 'open-library' })
    off()
    off()
    ipc.deliver('app:menu', { action: 'open-record' })
    expect(seen).toEqual([{ action: 'open-library' }])
  })

  it('keeps one IPC listener however many subscriptions there are, and none when all are gone', () => {
    const ipc = new FakeIpcRenderer()
    const bridge = createBridge(ipc)
    const offs = Array.from({ length: 25 }, () => bridge.on('app:menu', () => undefined))
    expect(ipc.listenerCount(ELECTRON_EVENT_CHANNEL)).toBe(1)
    for (const off of offs) off()
    expect(ipc.listenerCount(ELECTRON_EVENT_CHANNEL)).toBe(0)
  })

  it('reports a throwing listener and still calls the others', () => {
    const ipc = new FakeIpcRenderer()
    const reported: unknown[] = []
    const bridge = createBridge(ipc, (error) => reported.push(error))
    const calls: string[] = []
    bridge.on('app:menu', () => {
      throw new Error('listener bug')
    })
    bridge.on('app:menu', () => calls.push('second'))
    ipc.deliver('app:menu', { action: 'open-settings' })
    expect(calls).toEqual(['second'])
    expect(reported).toHaveLength(1)
  })

  it('round-trips through the main-side IPC bridge to the real handlers and back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'daixa-bridge-'))
    const log = createLogger(() => undefined)
    const services = await createAppServices({
      dataDir: dir,
      info: { version: '0.1.0', host: 'electron', platform: 'linux', mediaBaseUrl: 'daixa-media://media/' },
      log,
    })
    // A loopback "Electron": invoke reaches ipcMain's handler from a frame at app://daixa, and
    // webContents.send arrives at the renderer's listeners.
    const renderer = new FakeIpcRenderer()
    let handler: ((event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>) | undefined
    const ipcMain: IpcMainLike = { handle: (_c, l) => void (handler = l), removeHandler: () => undefined }
    renderer.invoke = (_channel, ...args) =>
      handler!({ senderFrame: { url: 'app://daixa/index.html' }, sender: { id: 1 } }, ...args)
    const window = {
      send: (channel: string, ...args: unknown[]) => void renderer.emit(channel, {}, ...args),
      isDestroyed: () => false,
      getURL: () => 'app://daixa/index.html',
    }
    const dispose = registerIpcBridge({
      ipcMain,
      dispatch: services.dispatch,
      bus: services.bus,
      isTrustedOrigin: createOriginCheck(null),
      targets: () => [window],
      log,
    })
    try {
      const bridge = createBridge(renderer)
      const changes: unknown[] = []
      const off = bridge.on('settings:changed', (prefs) => changes.push(prefs.language))
      const updated = await bridge.invoke('settings:update', { language: 'en' })
      expect(updated).toMatchObject({ ok: true, value: { language: 'en' } })
      expect(changes).toEqual(['en'])
      expect(await bridge.invoke('settings:get', {})).toMatchObject({ ok: true, value: { language: 'en' } })
      off()
    } finally {
      dispose()
      await services.stop()
      await rm(dir, { recursive: true, force: true })
    }
  })
})
